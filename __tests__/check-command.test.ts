import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from './support/run-cli';
import { PROJECT_ROOT } from './support/project';
import { tempFolder } from './support/temp-folder';

describe('cross-account check', () => {
  it('accepts the default settings and says what they hold', async () => {
    const { code, stdout } = await cli('check', '--config', join(PROJECT_ROOT, 'config/default.yaml'));
    expect(code).toBe(0);
    expect(stdout).toBe(
      `${join(PROJECT_ROOT, 'config/default.yaml')}: valid (2 accounts, 1 role, 2 groups, 2 users)\n`,
    );
  });

  it('refuses a bad file with one line per problem and exit code 1, before anything is synthesized', async () => {
    const file = join(tempFolder('check-'), 'bad.yaml');
    writeFileSync(file, 'accounts:\n  dev: { id: "11111111111" }\n  prod: { id: "999999999999" }\nregoin: us-east-1\n');
    const { code, stdout, stderr } = await cli('check', '--config', file);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual([
      `${file}: accounts.dev.id: must be exactly 12 digits (AWS account ids have 12)`,
      `${file}: regoin: unknown key`,
    ]);
  });

  it('refuses a YAML alias bomb with one line and exit code 1, not a stack trace', async () => {
    const file = join(tempFolder('check-'), 'bomb.yaml');
    const levels = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (const [previous, name] of ['ab', 'bc', 'cd', 'de', 'ef', 'fg', 'gh', 'hi']) {
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
    }
    writeFileSync(file, `${levels.join('\n')}\naccounts: *i\n`);
    const { code, stdout, stderr } = await cli('check', '--config', file);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `${file}: YAML aliases expand to more than 100 copies (a resource exhaustion attack, or a file to write out)\n`,
    );
  });
});
