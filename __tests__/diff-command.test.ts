import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, cliOnTerminal } from './support/run-cli';
import { synthesizeToOutdir } from './support/synthesized-outdir';
import { loadSettings } from '../src/config';
import { CLEAN_ENV, PROJECT_ROOT } from './support/project';

/** A settings file of __tests__/fixtures/diff: base.yaml and variants of it with one change each. */
const fixture = (name: string) => join(__dirname, 'fixtures/diff', `${name}.yaml`);

interface DiffEntry {
  principal: string;
  action: string;
  resource: string;
  before: { decision: string; reason: string } | null;
  after: { decision: string; reason: string } | null;
  because: string | null;
}

/** `cross-account diff --base <base> --head <head> --format json`, parsed. */
async function diffJson(base: string, head: string): Promise<{ gained: DiffEntry[]; lost: DiffEntry[] }> {
  const { code, stdout, stderr } = await cli('diff', '--base', base, '--head', head, '--format', 'json');
  expect([code, stderr]).toEqual([0, '']);
  return JSON.parse(stdout);
}

const JOHN_ALLOWED = {
  decision: 'Allowed',
  reason:
    'Developers/AssumeCrossAccountRoles (AllowAssumeS3ProductionAccessRole) + trust policy (TrustIdentityAccount)',
};

describe('cross-account diff', () => {
  it('shows a user moved from an allowed group to a denied one losing the role, and why', async () => {
    const diff = await diffJson(fixture('base'), fixture('john-to-testers'));
    expect(diff).toEqual({
      gained: [],
      lost: [
        {
          principal: 'John',
          action: 'sts:AssumeRole',
          resource: 'S3ProductionAccessRole',
          before: JOHN_ALLOWED,
          after: {
            decision: 'ExplicitlyDenied',
            reason: 'denied by Testers/AssumeCrossAccountRoles (DenyAssumeS3ProductionAccessRole)',
          },
          because: 'membership: John left Developers; membership: John joined Testers, which denies it',
        },
      ],
    });
  });

  it('shows the same move the other way as a gain', async () => {
    const diff = await diffJson(fixture('john-to-testers'), fixture('base'));
    expect(diff.lost).toEqual([]);
    expect(diff.gained.map((entry) => [entry.principal, entry.after, entry.because])).toEqual([
      ['John', JOHN_ALLOWED, 'membership: John joined Developers; membership: John left Testers, which denied it'],
    ]);
  });

  it("makes each member of a group given allowAssume gain the role, naming the group's allow", async () => {
    const diff = await diffJson(fixture('base'), fixture('readers-allowed'));
    expect(diff.lost).toEqual([]);
    expect(diff.gained).toEqual(
      ['Ann', 'Bob'].map((principal) => ({
        principal,
        action: 'sts:AssumeRole',
        resource: 'S3ProductionAccessRole',
        before: { decision: 'ImplicitlyDenied', reason: 'no identity policy allows it' },
        after: {
          decision: 'Allowed',
          reason:
            'Readers/AssumeCrossAccountRoles (AllowAssumeS3ProductionAccessRole) + trust policy (TrustIdentityAccount)',
        },
        because: 'group Readers now allows it (AssumeCrossAccountRoles, AllowAssumeS3ProductionAccessRole)',
      })),
    );
    const back = await diffJson(fixture('readers-allowed'), fixture('base'));
    expect(back.gained).toEqual([]);
    expect(back.lost.map((entry) => [entry.principal, entry.because])).toEqual([
      ['Ann', 'group Readers no longer allows it (AssumeCrossAccountRoles, AllowAssumeS3ProductionAccessRole)'],
      ['Bob', 'group Readers no longer allows it (AssumeCrossAccountRoles, AllowAssumeS3ProductionAccessRole)'],
    ]);
  });

  it("names a role's trust as the cause when it stops trusting the whole identity account", async () => {
    const diff = await diffJson(fixture('readers-allowed'), fixture('readers-allowed-trust-john'));
    expect(diff.gained).toEqual([]);
    expect(diff.lost.map((entry) => [entry.principal, entry.after, entry.because])).toEqual(
      ['Ann', 'Bob'].map((principal) => [
        principal,
        { decision: 'ImplicitlyDenied', reason: 'the trust policy does not allow it' },
        "role S3ProductionAccessRole's trust policy no longer allows it (TrustIdentityAccount)",
      ]),
    );
  });

  it('blames only the new deny when an allow that still exists merely changed', async () => {
    // Requiring MFA rewrites Developers' allow and the trust; John's loss comes from joining Testers alone.
    const diff = await diffJson(fixture('base'), fixture('john-also-tester-mfa'));
    expect(diff.lost.map((entry) => [entry.principal, entry.because])).toEqual([
      ['John', 'membership: John joined Testers, which denies it'],
    ]);
  });

  it('gives a role s3:DeleteObject (and s3:PutObject) on its own bucket only', async () => {
    const diff = await diffJson(fixture('base'), fixture('role-read-write'));
    expect(diff.lost).toEqual([]);
    expect(diff.gained.map((entry) => [entry.principal, entry.action, entry.resource, entry.before?.decision])).toEqual(
      [
        ['S3ProductionAccessRole', 's3:PutObject', 'arn:aws:s3:::productionapp/some/key', 'ImplicitlyDenied'],
        ['S3ProductionAccessRole', 's3:DeleteObject', 'arn:aws:s3:::productionapp/some/key', 'ImplicitlyDenied'],
      ],
    );
    expect(diff.gained[1].after).toEqual({
      decision: 'Allowed',
      reason: 'S3ProductionAccessRolePolicy (ReadWriteObjectsProductionapp)',
    });
    expect(diff.gained[1].because).toBe(
      "role S3ProductionAccessRole's policy now allows it (S3ProductionAccessRolePolicy, ReadWriteObjectsProductionapp)",
    );
    // Back to read-only: the probes only the base has are still asked, so the losses show.
    const back = await diffJson(fixture('role-read-write'), fixture('base'));
    expect(back.gained).toEqual([]);
    expect(back.lost.map((entry) => [entry.action, entry.after?.decision, entry.because])).toEqual(
      ['s3:PutObject', 's3:DeleteObject'].map((action) => [
        action,
        'ImplicitlyDenied',
        "role S3ProductionAccessRole's policy no longer allows it (S3ProductionAccessRolePolicy, ReadWriteObjectsProductionapp)",
      ]),
    );
  });

  it('finds nothing when lists and keys are reordered, a group renamed with the same members, a tag added', async () => {
    expect(await diffJson(fixture('base'), fixture('reordered'))).toEqual({ gained: [], lost: [] });
  });

  it('finds nothing when a user in no group is added', async () => {
    expect(await diffJson(fixture('base'), fixture('user-without-groups'))).toEqual({ gained: [], lost: [] });
  });

  it('lists a new user as a gain of its own, with no decision before', async () => {
    const diff = await diffJson(fixture('base'), fixture('new-developer'));
    expect(diff).toEqual({
      gained: [
        {
          principal: 'Dana',
          action: 'sts:AssumeRole',
          resource: 'S3ProductionAccessRole',
          before: null,
          after: {
            decision: 'Allowed',
            reason:
              'Developers/AssumeCrossAccountRoles (AllowAssumeS3ProductionAccessRole) + trust policy (TrustIdentityAccount)',
          },
          because: 'new user Dana, in group Developers',
        },
      ],
      lost: [],
    });
    const back = await diffJson(fixture('new-developer'), fixture('base'));
    expect(back.lost.map((entry) => [entry.principal, entry.after, entry.because])).toEqual([
      ['Dana', null, 'user Dana removed'],
    ]);
  });

  it('names an AWS managed policy attached to a group as the cause', async () => {
    const diff = await diffJson(fixture('base'), fixture('readers-administrator'));
    expect(diff.gained.map((entry) => [entry.principal, entry.action, entry.because])).toEqual([
      ['Ann', 'sts:AssumeRole', 'managed policy AdministratorAccess attached to group Readers'],
      ['Bob', 'sts:AssumeRole', 'managed policy AdministratorAccess attached to group Readers'],
    ]);
  });

  it('reads the base from a cdktf.out folder', async () => {
    const outdir = synthesizeToOutdir(loadSettings(fixture('base'), CLEAN_ENV));
    const diff = await diffJson(outdir, fixture('john-to-testers'));
    expect(diff.lost.map((entry) => entry.principal)).toEqual(['John']);
  });

  it('prints a table by default, gains first, each with both decisions and the cause', async () => {
    const { code, stdout } = await cliOnTerminal(
      400,
      'diff',
      '--base',
      fixture('base'),
      '--head',
      fixture('pull-request'),
    );
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe(
      `Access diff ${fixture('base')} -> ${fixture('pull-request')}: 4 gained, 1 lost (18 requests compared)`,
    );
    expect(stdout.indexOf('\nGained\n')).toBeLessThan(stdout.indexOf('\nLost\n'));
    expect(stdout).toMatch(
      /^ {2}user John +sts:AssumeRole +S3ProductionAccessRole +Allowed: Developers\/AssumeCrossAccountRoles .* +ExplicitlyDenied: denied by Testers\/.* +membership: John left Developers; /m,
    );
    const same = await cli('diff', '--base', fixture('base'), '--head', fixture('reordered'));
    expect(same.stdout).toBe(
      `Access diff ${fixture('base')} -> ${fixture('reordered')}: no access gained or lost (14 requests compared)\n`,
    );
  });

  it('fits a 100-column log: before, after and because go under each change, wrapped', async () => {
    const { code, stdout } = await cli('diff', '--base', fixture('base'), '--head', fixture('pull-request'));
    expect(code).toBe(0);
    const [summary, ...rest] = stdout.split('\n');
    expect(summary).toMatch(/: 4 gained, 1 lost \(18 requests compared\)$/);
    expect(Math.max(...rest.map((line) => line.length))).toBeLessThanOrEqual(100);
    expect(stdout).toContain(
      [
        '  user John  sts:AssumeRole  S3ProductionAccessRole',
        '      before  Allowed: Developers/AssumeCrossAccountRoles (AllowAssumeS3ProductionAccessRole) +',
        '              trust policy (TrustIdentityAccount)',
        '      after   ExplicitlyDenied: denied by Testers/AssumeCrossAccountRoles',
        '              (DenyAssumeS3ProductionAccessRole)',
        '      because membership: John left Developers; membership: John joined Testers, which denies it',
      ].join('\n'),
    );
  });

  it('writes a pull request comment in Markdown: a summary line, then gains, then losses', async () => {
    const { stdout } = await cli(
      'diff',
      '--base',
      fixture('base'),
      '--head',
      fixture('pull-request'),
      '--format',
      'markdown',
    );
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^\*\*Access diff\*\* `.*base\.yaml` → `.*pull-request\.yaml`: \*\*4 gained\*\*, 1 lost/);
    expect(lines.indexOf('### Gained (4)')).toBeGreaterThan(0);
    expect(lines.indexOf('### Lost (1)')).toBeGreaterThan(lines.indexOf('### Gained (4)'));
    expect(stdout).toContain(
      '| user Ann | sts:AssumeRole | S3ProductionAccessRole | 🚫 ImplicitlyDenied: no identity policy allows it | ✅ Allowed: Readers/AssumeCrossAccountRoles (AllowAssumeS3ProductionAccessRole) + trust policy (TrustIdentityAccount) | group Readers now allows it (AssumeCrossAccountRoles, AllowAssumeS3ProductionAccessRole) |',
    );
  });

  it('exits 0 by default, and 1 with --fail-on gained when anything is gained', async () => {
    const gained = ['--base', fixture('base'), '--head', fixture('readers-allowed')];
    expect((await cli('diff', ...gained)).code).toBe(0);
    const gate = await cli('diff', ...gained, '--fail-on', 'gained');
    expect(gate.code).toBe(1);
    expect(gate.stdout).toContain('user Ann');
    expect(gate.stderr).toBe('2 gained, and --fail-on gained is set: review the gained access before merging\n');
    const onlyLost = await cli(
      'diff',
      '--base',
      fixture('base'),
      '--head',
      fixture('john-to-testers'),
      '--fail-on',
      'gained',
    );
    expect([onlyLost.code, onlyLost.stderr]).toEqual([0, '']);
  });

  it('refuses bad input with one line and exit code 1', async () => {
    const failOn = await cli('diff', '--base', fixture('base'), '--fail-on', 'everything');
    expect([failOn.code, failOn.stderr.split('\n')[0]]).toEqual([
      1,
      "error: option '--fail-on <change>' argument 'everything' is invalid. Allowed choices are gained.",
    ]);
    const missing = await cli('diff', '--base', '/nonexistent/base.yaml', '--head', fixture('base'));
    expect(missing.code).toBe(1);
    expect(missing.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(missing.stderr).toMatch(/^--base \/nonexistent\/base\.yaml: /);
    const noBase = await cli('diff', '--head', fixture('base'));
    expect([noBase.code, noBase.stderr.split('\n')[0]]).toEqual([
      1,
      "error: required option '--base <ref>' not specified",
    ]);
  });

  it('docs/diff.md shows the pull request comment exactly as the command writes it', async () => {
    const doc = readFileSync(join(PROJECT_ROOT, 'docs/diff.md'), 'utf8');
    const marked = /^<!-- output: npx cross-account (diff .*) -->\n\n```markdown\n([\s\S]*?)^```$/m.exec(doc);
    expect(marked).not.toBeNull();
    const [, command, documented] = marked!;
    // The command names its files relative to the project root, as a reader runs it there.
    const cwd = process.cwd();
    process.chdir(PROJECT_ROOT);
    try {
      const { code, stdout } = await cli(...command.split(' '));
      expect([code, stdout]).toEqual([0, documented]);
    } finally {
      process.chdir(cwd);
    }
    // And once more outside the code block, as GitHub renders it.
    expect(doc.split(documented)).toHaveLength(3);
  });
});
