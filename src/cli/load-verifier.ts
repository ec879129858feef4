import { UserError } from '../user-error';

/**
 * Loads src/verify, which holds the IAM evaluator (a devDependency, AGPL-3.0):
 * `verify` and `diff` call this, so that the other commands run without it.
 */
export async function loadVerifier(): Promise<typeof import('../verify')> {
  try {
    return await import('../verify');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
    throw new UserError(
      `verify and diff need the devDependencies (@cloud-copilot/iam-simulate and the IAM data): run \`npm install\` (${(error as Error).message.split('\n')[0]})`,
    );
  }
}
