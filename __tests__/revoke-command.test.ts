import { chmodSync, copyFileSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { revokeSessions, revokeTime } from '../src/cli/revoke-command';
import { loadSettings } from '../src/config';
import { UserError } from '../src/user-error';
import { CLEAN_ENV, PROJECT_ROOT } from './support/project';
import { synthesizeSettings } from './support/synthesize';
import { tempFolder } from './support/temp-folder';

// The node:fs the writer calls through, so a test can watch its writes.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fs = require('node:fs') as typeof import('node:fs');

const NOW = new Date('2026-11-28T22:41:06.250Z');
const TIME = '2026-11-28T22:41:07Z';

/** A copy of a settings file of the project in a fresh folder, to revoke in. */
function copyOf(file: string): string {
  const copy = join(tempFolder('revoke-'), 'settings.yaml');
  copyFileSync(join(PROJECT_ROOT, file), copy);
  return copy;
}

const lines = (text: string) => text.split('\n');

afterEach(() => jest.restoreAllMocks());

describe('cross-account revoke', () => {
  it('writes the time into the role and keeps every other line of the file, comments and layout included', async () => {
    const file = copyOf('__tests__/fixtures/revoke-comments.yaml');
    const before = readFileSync(file, 'utf8');
    await revokeSessions({ role: ['S3ProductionAccessRole', 'ReportsReader'], config: file }, NOW);
    const after = readFileSync(file, 'utf8');
    const changed = lines(before)
      .map((line, i) => [line, lines(after)[i]])
      .filter(([was, is]) => was !== is);
    expect(changed).toEqual([
      [
        '    revokeSessionsBefore: null # set by `cross-account revoke`',
        `    revokeSessionsBefore: "${TIME}" # set by \`cross-account revoke\``,
      ],
      [
        '  - { name: ReportsReader, account: prod, bucketAccess: [{ bucket: monthly-reports, access: read-only }] } # flow',
        `  - { name: ReportsReader, account: prod, bucketAccess: [{ bucket: monthly-reports, access: read-only }], revokeSessionsBefore: "${TIME}" } # flow`,
      ],
    ]);
    for (const comment of before.match(/#.*$/gm)!) expect(after).toContain(comment);
  });

  it('adds the key as the last of a block role, above the comments and blank lines that introduce what follows', async () => {
    const file = copyOf('__tests__/fixtures/revoke-comments.yaml');
    const before = readFileSync(file, 'utf8');
    await revokeSessions({ role: ['Auditor'], config: file }, NOW);
    expect(readFileSync(file, 'utf8')).toBe(
      before.replace(
        '      - { bucket: monthly-reports, access: read-only }\n',
        `      - { bucket: monthly-reports, access: read-only }\n    revokeSessionsBefore: "${TIME}"\n`,
      ),
    );
  });

  it('gives the synthesized deny policy the time written', async () => {
    const file = copyOf('config/default.yaml');
    const printed = await revokeSessions({ role: ['S3ProductionAccessRole'], config: file }, NOW);
    expect(printed).toContain(`revokeSessionsBefore: "${TIME}" for S3ProductionAccessRole in ${file}`);
    const { json } = synthesizeSettings(loadSettings(file, CLEAN_ENV));
    const inline = Object.values(
      (json.resource as Record<string, Record<string, { name: string; policy: string }>>).aws_iam_role_policy,
    );
    expect(inline.map((policy) => policy.name)).toEqual(['AWSRevokeOlderSessions']);
    expect(JSON.parse(inline[0].policy).Statement[0].Condition).toEqual({
      DateLessThan: { 'aws:TokenIssueTime': TIME },
    });
  });

  it('prints what sessions issued before the time lose, the backup, and the deploy to run', async () => {
    const file = copyOf('config/default.yaml');
    const printed = await revokeSessions({ role: ['S3ProductionAccessRole'], config: file }, NOW);
    expect(printed).toContain(`Sessions issued before ${TIME}:\nAccess diff ${file} -> `);
    expect(printed).toContain(': 0 gained, 5 lost (16 requests compared)');
    // The table fits 100 columns (no terminal): each lost request is a row, its decisions under it.
    const rows = printed.split(/\n(?= {2}role )/).slice(1);
    for (const action of ['s3:ListBucket', 's3:GetObject', 's3:PutObject', 's3:DeleteObject'])
      expect(rows.find((row) => row.startsWith(`  role S3ProductionAccessRole  ${action} `))).toMatch(
        /\n {6}after +ExplicitlyDenied: denied by AWSRevokeOlderSessions \(RevokeOlderSessions\)\n/,
      );
    const backup = readdirSync(join(file, '..')).find((name) => name.endsWith('.bak'))!;
    expect(printed).toContain(`backup    ${join(file, '..', backup)}\nwrote     ${file}\n`);
    expect(readFileSync(join(file, '..', backup), 'utf8')).toBe(
      readFileSync(join(PROJECT_ROOT, 'config/default.yaml'), 'utf8'),
    );
    expect(printed).toContain(`\n  npm run deploy -- --config ${file}\n`);
  });

  it('revokes every role with --all', async () => {
    const file = copyOf('config/examples/three-target-accounts.yaml');
    await revokeSessions({ all: true, config: file }, NOW);
    const roles = loadSettings(file, CLEAN_ENV).roles;
    expect(roles.map((role) => role.revokeSessionsBefore)).toEqual(roles.map(() => TIME));
  });

  it('replaces the file atomically, keeping its mode', async () => {
    const file = copyOf('config/default.yaml');
    chmodSync(file, 0o640);
    const { renameSync } = fs;
    const rename = jest.spyOn(fs, 'renameSync').mockImplementation((from, to) => renameSync(from, to));
    await revokeSessions({ role: ['S3ProductionAccessRole'], config: file }, NOW);
    expect(rename.mock.calls).toEqual([[expect.stringMatching(/\/\.settings\.yaml\.\d+\.[0-9a-f]{8}\.tmp$/), file]]);
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });

  it.each([
    [{ role: ['S3ProductionAcessRole'] }, 'role "S3ProductionAcessRole" is not in'],
    [{}, 'revoke needs --role <name> (one or more) or --all'],
    [{ all: true, role: ['S3ProductionAccessRole'] }, 'revoke takes --role or --all, not both'],
  ])('refuses %j in one line and writes nothing', async (options, message) => {
    const file = copyOf('config/default.yaml');
    const revoked = revokeSessions({ ...options, config: file }, NOW);
    await expect(revoked).rejects.toThrow(UserError);
    await expect(revoked).rejects.toThrow(message);
    expect(readdirSync(join(file, '..'))).toEqual(['settings.yaml']);
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(join(PROJECT_ROOT, 'config/default.yaml'), 'utf8'));
  });

  it('refuses a settings file that is not valid before the edit, and writes nothing', async () => {
    const file = copyOf('__tests__/fixtures/false-expectation.yaml');
    fs.writeFileSync(file, `${readFileSync(file, 'utf8')}\nunknownKey: 1\n`);
    const before = readFileSync(file, 'utf8');
    await expect(revokeSessions({ all: true, config: file }, NOW)).rejects.toThrow('unknownKey');
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});

describe('revokeTime', () => {
  it('is now in UTC, rounded up to the second so that a session issued in this second is revoked too', () => {
    expect(revokeTime(NOW)).toBe(TIME);
    expect(revokeTime(new Date('2026-11-28T22:41:07.000Z'))).toBe(TIME);
  });
});
