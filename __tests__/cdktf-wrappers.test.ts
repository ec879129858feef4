import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runInProject, type ShellResult } from './support/cdktf-app';
import { PROJECT_ROOT } from './support/project';
import { terraformRunning } from './support/stub-terraform';
import { tempFolder } from './support/temp-folder';

/**
 * A `terraform` for cdktf to run (through TERRAFORM_BINARY_NAME): it logs each call with its folder and
 * CHECKPOINT_DISABLE, answers as Terraform would, and fails the command named in STUB_FAIL.
 */
function stubTerraform(): { readonly env: NodeJS.ProcessEnv; calls(): string[] } {
  const binary = terraformRunning(`
echo "$(basename "$(dirname "$PWD")")/$(basename "$PWD") $* CHECKPOINT_DISABLE=$CHECKPOINT_DISABLE" >> "\${0%/*}/calls.log"
[ "$1" = "$STUB_FAIL" ] && { echo "Error: $1 failed"; exit 1; }
case "$1" in
  version) echo '{"terraform_version":"1.9.8","platform":"linux_amd64","provider_selections":{}}';;
  plan) echo "Plan: 11 to add, 0 to change, 0 to destroy.";;
  output) echo '{}';;
  *) echo "terraform $1: done";;
esac`);
  const log = join(dirname(binary), 'calls.log');
  return {
    env: { TERRAFORM_BINARY_NAME: binary },
    calls: () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : []),
  };
}

const DEFAULT = join(PROJECT_ROOT, 'config/default.yaml');
const ESCAPE = '\u001b';

/** Lines printed more than once (a redrawn spinner), blank lines aside. */
const repeated = (text: string) =>
  text.split('\n').filter((line, i, lines) => line.trim() !== '' && lines.indexOf(line) !== i);

describe('npm run synth, plan and deploy in a CI log or a pipe', () => {
  // The two runs of the real cdktf CLI (~10 s each) start together; the tests below read their results.
  const planTerraform = stubTerraform();
  const deployTerraform = stubTerraform();
  let planned: ShellResult;
  let deployed: ShellResult;
  beforeAll(async () => {
    [planned, deployed] = await Promise.all([
      runInProject(`npm run -s plan -- --config ${DEFAULT} --outdir ${join(tempFolder('plan-'), 'cdktf.out')}`, {
        ...planTerraform.env,
        CHECKPOINT_DISABLE: '',
      }),
      runInProject(
        `npm run -s deploy -- --config ${DEFAULT} --outdir ${join(tempFolder('deploy-'), 'cdktf.out')} --auto-approve`,
        { ...deployTerraform.env, STUB_FAIL: 'apply' },
      ),
    ]);
  });

  it('npm run synth prints plain text, each line once', async () => {
    const outdir = join(tempFolder('synth-plain-'), 'cdktf.out');
    const { code, stdout, stderr } = await runInProject('npm run -s synth', {
      CROSS_ACCOUNT_CONFIG: DEFAULT,
      CDKTF_OUTDIR: outdir,
    });
    expect(code).toBe(0);
    expect(stdout + stderr).not.toContain(ESCAPE);
    expect(repeated(stdout)).toEqual([]);
    expect(stdout).toContain('Generated Terraform code for the stacks: cross-account\n');
  });

  it('npm run plan checks the settings, prints what each account gets, then runs cdktf plan, plain text once', async () => {
    const terraform = planTerraform;
    const { code, stdout, stderr } = planned;
    expect(stderr).not.toContain('failed');
    expect(code).toBe(0);
    expect(stdout + stderr).not.toContain(ESCAPE);
    expect(repeated(stdout)).toEqual([]);
    const check = stdout.indexOf(`${DEFAULT}: valid (2 accounts, 1 role, 2 groups, 2 users)\n`);
    const summary = stdout.indexOf('prod (999999999999): 3 to create\n');
    const plan = stdout.indexOf('Plan: 11 to add, 0 to change, 0 to destroy.');
    expect([check, summary, plan].every((at) => at >= 0)).toBe(true);
    expect(check < summary && summary < plan).toBe(true);
    // cdktf did not synthesize again: it planned the stack just written, with no checkpoint calls.
    expect(terraform.calls()).toContain('stacks/cross-account plan -input=false -out plan CHECKPOINT_DISABLE=1');
    expect(terraform.calls().every((call) => call.endsWith('CHECKPOINT_DISABLE=1'))).toBe(true);
  });

  it('npm run plan refuses a bad settings file with one line per problem before cdktf starts', async () => {
    const terraform = stubTerraform();
    const work = tempFolder('plan-bad-');
    const bad = join(work, 'bad.yaml');
    writeFileSync(bad, readFileSync(DEFAULT, 'utf8').replace('id: "999999999999"', 'id: "9999"'));
    const { code, stdout, stderr } = await runInProject(
      `npm run -s plan -- --config ${bad} --outdir ${join(work, 'cdktf.out')}`,
      terraform.env,
    );
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.split('\n')).toContain(
      `${bad}: accounts.prod.id: must be exactly 12 digits (AWS account ids have 12)`,
    );
    expect(existsSync(join(work, 'cdktf.out'))).toBe(false);
    expect(terraform.calls()).toEqual([]);
  });

  it('npm run deploy checks the settings, then asks for --auto-approve where nobody can approve, before anything runs', async () => {
    const terraform = stubTerraform();
    const outdir = join(tempFolder('deploy-tty-'), 'cdktf.out');
    const { code, stdout, stderr } = await runInProject(`npm run -s deploy -- --outdir ${outdir} < /dev/null`, {
      ...terraform.env,
    });
    expect(code).toBe(1);
    expect(stdout).toBe('config/default.yaml: valid (2 accounts, 1 role, 2 groups, 2 users)\n');
    expect(stderr).toContain(
      'deploy asks you to approve the plan in a terminal: run it in one, or pass --auto-approve\n',
    );
    expect(existsSync(outdir)).toBe(false);
    expect(terraform.calls()).toEqual([]);
  });

  it('npm run deploy --auto-approve applies the stack it synthesized, and a failed apply is exit 1 and one line of ours', async () => {
    const terraform = deployTerraform;
    const { code, stdout, stderr } = deployed;
    expect(stdout).toContain('prod (999999999999): 3 to create\n');
    expect(stdout + stderr).not.toContain(ESCAPE);
    expect(terraform.calls()).toContain('stacks/cross-account apply -auto-approve CHECKPOINT_DISABLE=1');
    expect(code).toBe(1);
    expect(stderr.trimEnd().split('\n').at(-1)).toBe('cdktf deploy failed (exit code 1): its output is above');
  });
});
