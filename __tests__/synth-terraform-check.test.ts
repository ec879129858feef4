import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import minVersion from 'semver/ranges/min-version';
import { meetsEveryCdktfCheck, NEWEST_TERRAFORM_CDKTF_CHECKS } from '../src/app';
import { UserError } from '../src/user-error';
import { startCliProcess } from './support/cli-process';
import { terraformRunning } from './support/stub-terraform';
import { tempFolder } from './support/temp-folder';

// cdktf checks, as it synthesizes, that terraform is recent enough for the blocks the stack writes. Synthesizing
// needs no terraform: without one on PATH the check is left out; with one too old, the check refuses in one line
// per problem, and nothing is written.

/**
 * A folder to put first on PATH holding a `terraform` that says it is `version` (logging each call beside itself: the
 * shell finds its folder itself, as PATH may hold nothing else), or none.
 */
function terraformFolder(version?: string): string {
  if (!version) return tempFolder('terraform-bin-');
  return dirname(terraformRunning(`echo "$*" >> "\${0%/*}/calls"\necho "Terraform v${version}"`));
}

/** The arguments of each call of the `terraform` in a {@link terraformFolder}. */
const callsIn = (folder: string) => readFileSync(join(folder, 'calls'), 'utf8').trimEnd().split('\n');

/**
 * `cross-account synth` into `outdir` as a process of its own whose PATH is `folder` only: cdktf runs
 * `terraform version` in a shell, which sees the real environment of a process (Jest gives a test a copy).
 */
async function synthWithPath(folder: string, outdir: string, config = 'config/default.yaml') {
  const { code, stdout, stderr } = await startCliProcess(['synth', '--config', config, '--outdir', outdir], {
    PATH: folder,
    HOME: process.env.HOME,
    CHECKPOINT_DISABLE: '1',
  }).finished;
  return { code, stdout, stderr };
}

const stackFile = (outdir: string) => join(outdir, 'stacks/cross-account/cdk.tf.json');

describe('synth and the terraform on PATH', () => {
  it('synthesizes without any terraform, writing what a synthesis with a recent one writes', async () => {
    const withNone = join(tempFolder('synth-none-'), 'cdktf.out');
    const withRecent = join(tempFolder('synth-recent-'), 'cdktf.out');
    const none = await synthWithPath(terraformFolder(), withNone);
    const recent = await synthWithPath(terraformFolder('1.11.4'), withRecent);
    expect(none.stderr).toBe('');
    expect(none.code).toBe(0);
    expect(recent.stderr).toBe('');
    expect(recent.code).toBe(0);
    expect(readFileSync(stackFile(withNone), 'utf8')).toBe(readFileSync(stackFile(withRecent), 'utf8'));
  });

  it('refuses a terraform too old for the blocks the stack writes, one line per problem, writing nothing', async () => {
    const outdir = join(tempFolder('synth-old-'), 'cdktf.out');
    const { code, stdout, stderr } = await synthWithPath(terraformFolder('1.3.0'), outdir);
    expect(code).toBe(1);
    expect(stdout).toBe('config/default.yaml: valid (2 accounts, 1 role, 2 groups, 2 users)\n');
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(
        /^cdktf\.out not written: terraform version 1\.3\.0 is lower than the required version >=1\.5 .*moved|move/i,
      ),
      expect.stringMatching(
        /^cdktf\.out not written: terraform version 1\.3\.0 is lower than the required version >=1\.4 .*data resource/,
      ),
    ]);
    expect(stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(stackFile(outdir))).toBe(false);
  });

  it('asks terraform its version once, however many blocks need a recent one', async () => {
    // Two imports, a terraform_data record and moved blocks: four checks of cdktf's, each of which ran it in a shell.
    const folder = terraformFolder('1.11.4');
    const outdir = join(tempFolder('synth-imports-'), 'cdktf.out');
    const { code, stderr } = await synthWithPath(folder, outdir, 'config/examples/existing-users-and-groups.yaml');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(callsIn(folder)).toEqual(['version']);
    expect(readFileSync(stackFile(outdir), 'utf8')).toContain('"import"');
  });
});

describe('the one `terraform version`', () => {
  it('meets every check of cdktf with 1.5 or later, and leaves older, failing or unreadable ones to cdktf', () => {
    expect(meetsEveryCdktfCheck(terraformRunning('echo "Terraform v1.5.0"'))).toBe(true);
    expect(meetsEveryCdktfCheck(terraformRunning('echo "Terraform v1.11.4"'))).toBe(true);
    expect(meetsEveryCdktfCheck(terraformRunning('echo "Terraform v1.4.7"'))).toBe(false);
    expect(meetsEveryCdktfCheck(terraformRunning('echo "Terraform v1.9.0"; exit 1'))).toBe(false);
    expect(meetsEveryCdktfCheck(terraformRunning('echo "no version here"'))).toBe(false);
  });

  it('is one line naming the command when it does not answer in time, never a wait without end', () => {
    const binary = terraformRunning('exec sleep 30');
    const started = Date.now();
    expect(() => meetsEveryCdktfCheck(binary, 300)).toThrow(UserError);
    expect(() => meetsEveryCdktfCheck(binary, 300)).toThrow(
      `\`${binary} version\` did not answer within 0.3 s: check the terraform on PATH (or TERRAFORM_BINARY_NAME), or remove it from PATH to synthesize without its checks`,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe("cdktf's own checks, which one `terraform version` answers", () => {
  /** The compiled sources of cdktf's library. */
  function cdktfSources(): string[] {
    const root = join(dirname(require.resolve('cdktf/package.json')), 'lib');
    return (readdirSync(root, { recursive: true }) as string[])
      .filter((file) => file.endsWith('.js'))
      .map((file) => readFileSync(join(root, file), 'utf8'));
  }

  it('ask for no newer Terraform than the version the synthesis asks for once', () => {
    const asked = cdktfSources().flatMap((source) =>
      [...source.matchAll(/ValidateTerraformVersion\("([^"]+)"/g)].map((match) => match[1]),
    );
    expect(new Set(asked)).toEqual(new Set(['>=1.5', '>=1.4', '>=1.1']));
    const newest = minVersion(NEWEST_TERRAFORM_CDKTF_CHECKS)!;
    for (const range of asked) expect(minVersion(range)!.compare(newest)).toBeLessThanOrEqual(0);
  });

  it('are Terraform versions and the provider check, which the synthesis runs itself when it leaves them out', () => {
    const kinds = cdktfSources().flatMap((source) =>
      [...source.matchAll(/addValidation\(new ([\w.]+)\(/g)].map((match) => match[1].split('.').at(-1)),
    );
    expect(new Set(kinds)).toEqual(new Set(['ValidateTerraformVersion', 'ValidateProviderPresence']));
  });
});
