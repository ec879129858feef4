import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { SUBCOMMANDS } from '../src/cli/main';
import { helpCommandLine } from '../tools/docs/command-reference';
import { outputBlock } from '../tools/docs/marked-blocks';
import { cli } from './support/run-cli';
import { PROJECT_ROOT } from './support/project';

const reference = () => readFileSync(join(PROJECT_ROOT, 'docs/commands.md'), 'utf8');

describe('the command reference (docs/commands.md)', () => {
  it.each([undefined, ...Object.keys(SUBCOMMANDS)])('shows what `cross-account %s --help` prints', async (name) => {
    const { code, stdout } = await cli(...(name ? [name] : []), '--help');
    expect(code).toBe(0);
    expect(outputBlock(reference(), helpCommandLine(name || undefined))).toBe(stdout);
  });

  it('is what the installed command prints to a pipe, byte for byte', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['bin/cross-account.js', 'verify', '--help'], {
      cwd: PROJECT_ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
    });
    expect(stdout).toBe(outputBlock(reference(), 'npx cross-account verify --help'));
  });

  it('is linked from the README and from each page that lists options', () => {
    for (const page of ['README.md', 'docs/verify.md', 'docs/diff.md', 'docs/after-deploy.md']) {
      expect([page, readFileSync(join(PROJECT_ROOT, page), 'utf8').includes('commands.md')]).toEqual([page, true]);
    }
  });
});
