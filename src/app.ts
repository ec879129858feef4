import { App, type TerraformStack } from 'cdktf';
import { ValidateProviderPresence } from 'cdktf/lib/validations/validate-provider-presence';
import { execFileSync } from 'node:child_process';
import util from 'node:util';
import satisfies from 'semver/functions/satisfies';
import which from 'which';
import type { Settings } from './config';
import { CrossAccountStack, STACK_NAME } from './stack';
import { ProblemsFound, UserError } from './user-error';

/**
 * Builds the cdktf app holding the one stack; `outdir` defaults to cdktf's (cdktf.out, or CDKTF_OUTDIR).
 *
 * As it synthesizes, cdktf checks that the terraform binary is recent enough for the blocks the stack writes
 * (moved and import blocks, terraform_data, the cloud block), running `terraform version` in a shell for each
 * block: about 50 ms apiece, 5 s for a stack that imports 100 users. One `terraform version` answers them all:
 * when it meets the newest version any of them asks for, cdktf's checks are left out and its one other check
 * (a provider for every resource) runs here; otherwise cdktf runs its checks and says which blocks need more.
 * Where no terraform is on PATH there is no version to check, and synthesizing needs none (plan and deploy do,
 * and say so), so the version checks are left out rather than failing (the provider check still runs);
 * `skipValidation` leaves out every check, for a stack only read back, never planned. @default false
 */
export function buildApp(settings: Settings, outdir?: string, skipValidation = false): App {
  quietCdktfIsArrayDeprecation();
  const binary = process.env.TERRAFORM_BINARY_NAME || 'terraform';
  const cdktfChecks = !skipValidation && terraformOnPath(binary) && !meetsEveryCdktfCheck(binary);
  const app = new App({ ...(outdir && { outdir }), ...(!cdktfChecks && { skipValidation: true }) });
  const stack = new CrossAccountStack(app, STACK_NAME, settings);
  if (!cdktfChecks && !skipValidation) expectProviders(stack);
  return app;
}

/** Whether the terraform binary cdktf runs (TERRAFORM_BINARY_NAME, else `terraform`) is on PATH. */
function terraformOnPath(binary: string): boolean {
  return which.sync(binary, { nothrow: true }) !== null;
}

/**
 * The newest Terraform that a check of cdktf 0.21.0 (its last release) asks for: 1.5, for import and moved blocks
 * (terraform_data asks for 1.4, the cloud block for 1.1). `__tests__/synth-terraform-check.test.ts` reads cdktf's
 * checks and fails should one ask for more.
 */
export const NEWEST_TERRAFORM_CDKTF_CHECKS = '>=1.5';

/**
 * Whether `binary version` says a version that every check of cdktf's accepts: read as cdktf reads it (the first
 * `x.y.z` of its output) and compared as cdktf compares it. A failing command or no version leaves the checks to
 * cdktf, which then says what it could not determine; a command that does not answer within `timeoutMs` is a
 * {@link UserError} (cdktf's checks would wait for it without end).
 */
export function meetsEveryCdktfCheck(binary: string, timeoutMs = 10_000): boolean {
  let output: string;
  try {
    output = execFileSync(binary, ['version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: timeoutMs,
      // No call to HashiCorp's checkpoint service to ask whether a newer terraform exists.
      env: { ...process.env, CHECKPOINT_DISABLE: '1' },
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ETIMEDOUT') {
      throw new UserError(
        `\`${binary} version\` did not answer within ${timeoutMs / 1000} s: check the terraform on PATH (or TERRAFORM_BINARY_NAME), or remove it from PATH to synthesize without its checks`,
      );
    }
    return false;
  }
  const version = /\d+\.\d+\.\d+/.exec(output)?.[0];
  return version !== undefined && satisfies(version, NEWEST_TERRAFORM_CDKTF_CHECKS);
}

/** cdktf's check that every resource has its provider, which it runs with the others it left out. */
function expectProviders(stack: TerraformStack): void {
  const missing = new ValidateProviderPresence(stack).validate();
  if (missing.length > 0) throw new Error(missing.join('\n'));
}

/** How cdktf starts the error of failed checks, before one `  [construct path] message` per check. */
const CDKTF_CHECKS_FAILED = 'Validation failed with the following errors:';

/**
 * Writes the app's stacks to its outdir. A check of cdktf's that fails (a terraform too old for the stack's
 * blocks) is a problem the user fixes: one line each, the same problem once, before anything is written.
 */
export function synthesizeApp(app: App): void {
  try {
    app.synth();
  } catch (error) {
    if (!(error instanceof Error) || !error.message.startsWith(CDKTF_CHECKS_FAILED)) throw error;
    const problems = error.message
      .slice(CDKTF_CHECKS_FAILED.length)
      .split(/\n {2}\[[^\]\n]*\] /)
      .map((problem) => problem.split('\n')[0].trim())
      .filter((problem) => problem !== '');
    throw new ProblemsFound([...new Set(problems)].map((problem) => `cdktf.out not written: ${problem}`));
  }
}

/**
 * cdktf 0.21.0, its last release, calls `util.isArray` when it synthesizes outputs, and Node 22 and
 * later print a DEP0044 DeprecationWarning for that call on the user's stderr. Node documents
 * `util.isArray` as an alias of `Array.isArray`: pointing it there changes no result and silences
 * that one warning, where `--no-deprecation` would hide every other.
 */
function quietCdktfIsArrayDeprecation(): void {
  Object.defineProperty(util, 'isArray', { value: Array.isArray });
}
