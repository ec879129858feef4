import { execFileSync } from 'node:child_process';
import type { SynthesizedStackJson } from '../../src/access';
import { synthesizeSettingsFile } from './synthesize';
import { tempFolder } from './temp-folder';
import {
  findProviderMirror,
  planManyOffline,
  type OfflinePlanManyProps,
  planOffline,
  terraformRunner,
  type OfflinePlanProps,
  type OfflinePlanResult,
  type TerraformRun,
  type TerraformRunnerProps,
} from '../../tools/terraform';

if (process.env.CROSS_ACCOUNT_TESTS === 'unit') {
  // `npm run test:unit` (run on each further Node in CI) leaves out the real-Terraform tests listed in
  // tools/jest/real-terraform-first.js.
  throw new Error(
    'this file runs real Terraform: add it to REAL_TERRAFORM_TESTS in tools/jest/real-terraform-first.js',
  );
}

/** Why real Terraform cannot run here, or undefined when it can. */
function terraformUnavailable(): string | undefined {
  try {
    execFileSync('terraform', ['version'], { stdio: 'ignore', env: { ...process.env, CHECKPOINT_DISABLE: '1' } });
  } catch {
    return 'terraform is not on PATH';
  }
  const mirror = findProviderMirror();
  return 'missing' in mirror ? mirror.missing : undefined;
}

const unavailable = terraformUnavailable();
if (unavailable && process.env.CI === 'true') {
  // In CI a missing terraform or mirror must fail the run, never skip silently.
  throw new Error(`real Terraform tests cannot run in CI: ${unavailable}`);
}

/** `describe` for tests that run real Terraform: skipped, saying why, where it or the mirror is missing (never under CI=true). */
export const describeWithTerraform: jest.Describe = unavailable
  ? Object.assign(
      (name: string, fn: () => void) => describe.skip(`${name} (skipped: ${unavailable}; set TF_PROVIDER_MIRROR)`, fn),
      describe,
    )
  : describe;

/**
 * The one way tests plan a synthesized stack offline: a fresh folder, the found mirror; optionally against a
 * state, reading the saved plan back, and with what exists in each account (by alias) for what the stack
 * imports or reads (default: what the stack says exists).
 */
export function planStackOffline(
  stack: SynthesizedStackJson,
  options: Pick<OfflinePlanProps, 'state' | 'readPlan' | 'existing'> = {},
): Promise<OfflinePlanResult> {
  return planOffline({ stack, workDir: planFolder(), mirror: mirrorPath(), ...options });
}

/**
 * Several stacks planned by one Terraform run (the provider schema loads once, alike providers start once), each
 * with its own result; optionally each against a state of its own, and read back.
 */
export function planStacksOffline(
  stacks: Readonly<Record<string, SynthesizedStackJson>>,
  options: Pick<OfflinePlanManyProps, 'states' | 'readPlan'> = {},
): Promise<Record<string, OfflinePlanResult>> {
  return planManyOffline({ stacks, workDir: planFolder(), mirror: mirrorPath(), ...options });
}

function mirrorPath(): string {
  const mirror = findProviderMirror();
  if ('missing' in mirror) throw new Error(mirror.missing);
  return mirror.path;
}

function planFolder(): string {
  return tempFolder('cross-account-plan-');
}

/** A terraform runner in `workDir` that installs the provider from the found mirror (see terraformRunner). */
export function terraformIn(
  workDir: string,
  props: Omit<TerraformRunnerProps, 'workDir' | 'mirror'> = {},
): TerraformRun {
  return terraformRunner({ ...props, workDir, mirror: mirrorPath() });
}

/** The output of a command that must succeed; its failure fails the test with terraform's own words. */
export function succeeded(output: { code: number; stdout: string; stderr: string }): string {
  if (output.code !== 0) throw new Error(output.stderr || output.stdout);
  return output.stdout;
}

/**
 * The part of a settings file's synthesized stack that decides where its state
 * lives and whom it belongs to, exactly as synthesized: the backend (local or
 * `cloud`), the locals and the `terraform_data` record. The AWS resources and
 * provider are left out, so no command starts the ~700 MB aws provider (about
 * 3 s of CPU each); every settings file's whole stack is planned in offline-plan.test.ts.
 */
export function ownershipSlice(file: string, env: NodeJS.ProcessEnv = {}): Record<string, unknown> {
  const json = synthesizeSettingsFile(file, env).json as Record<string, unknown> & {
    resource: Record<string, unknown>;
    terraform: Record<string, unknown>;
  };
  const { backend, cloud } = json.terraform;
  return {
    terraform: { backend, cloud },
    locals: json.locals,
    resource: { terraform_data: json.resource.terraform_data },
  };
}
