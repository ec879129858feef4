import { App } from 'cdktf';
import util from 'node:util';
import which from 'which';
import type { Settings } from './config';
import { CrossAccountStack, STACK_NAME } from './stack';
import { ProblemsFound } from './user-error';

/**
 * Builds the cdktf app holding the one stack; `outdir` defaults to cdktf's (cdktf.out, or CDKTF_OUTDIR).
 *
 * As it synthesizes, cdktf checks that the terraform binary is recent enough for the blocks the stack writes
 * (moved and import blocks, terraform_data), running `terraform version` for each. Where no terraform is on PATH
 * there is nothing to check, and synthesizing needs none (plan and deploy do, and say so), so the checks are left
 * out rather than failing; `skipValidation` leaves them out too, for a stack only read back, never planned.
 * @default false
 */
export function buildApp(settings: Settings, outdir?: string, skipValidation = false): App {
  quietCdktfIsArrayDeprecation();
  const validate = !skipValidation && terraformOnPath();
  const app = new App({ ...(outdir && { outdir }), ...(!validate && { skipValidation: true }) });
  new CrossAccountStack(app, STACK_NAME, settings);
  return app;
}

/** Whether the terraform binary cdktf runs (TERRAFORM_BINARY_NAME, else `terraform`) is on PATH. */
function terraformOnPath(): boolean {
  return which.sync(process.env.TERRAFORM_BINARY_NAME || 'terraform', { nothrow: true }) !== null;
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
