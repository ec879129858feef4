import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { UserError } from '../user-error';

/** What to run the cdktf CLI with. */
export interface CdktfRun {
  /** The settings file, passed on as CROSS_ACCOUNT_CONFIG should cdktf run the app. */
  readonly config: string;
  /** Whether our standard output is a terminal. @default process.stdout.isTTY */
  readonly terminal?: boolean;
}

/**
 * The environment the cdktf CLI runs with: no HashiCorp checkpoint calls, the
 * settings file, and, when the output is not a terminal (a CI log, a pipe),
 * `CI=1`, with which cdktf's terminal UI (ink) prints each final line once
 * instead of redrawing spinners with escape codes.
 */
export function cdktfEnvironment(run: CdktfRun, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const terminal = run.terminal ?? Boolean(process.stdout.isTTY);
  return {
    ...env,
    CHECKPOINT_DISABLE: '1',
    CROSS_ACCOUNT_CONFIG: run.config,
    ...(!terminal && { CI: env.CI || '1' }),
  };
}

/**
 * Runs the project's cdktf CLI (`cdktf plan …`) on this terminal and waits for
 * it. Its output is its own; a non-zero exit is a {@link UserError} naming it.
 */
export async function runCdktf(args: readonly string[], run: CdktfRun): Promise<void> {
  const cli = join(dirname(require.resolve('cdktf-cli/package.json')), 'bundle', 'bin', 'cdktf');
  const child = spawn(process.execPath, [cli, ...args], { stdio: 'inherit', env: cdktfEnvironment(run) });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (exitCode, signal) => resolve(exitCode ?? (signal ? 128 : 1)));
  });
  if (code !== 0) throw new UserError(`cdktf ${args[0]} failed (exit code ${code}): its output is above`);
}
