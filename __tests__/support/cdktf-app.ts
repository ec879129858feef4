import { exec } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './project';

/** What a command run in a shell printed, and its exit code. */
export interface ShellResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command in a shell at the project root with only PATH, HOME and `env` set, as a user's terminal would. */
export function runInProject(command: string, env: NodeJS.ProcessEnv): Promise<ShellResult> {
  const base = { PATH: process.env.PATH, HOME: process.env.HOME, CHECKPOINT_DISABLE: '1' };
  return new Promise((resolve) => {
    exec(command, { cwd: PROJECT_ROOT, env: { ...base, ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** Runs cdktf.json's `app` command, as `cdktf synth` does, with these settings and output folder. */
export function runCdktfApp(settingsFile: string, outdir: string): Promise<ShellResult> {
  const { app } = JSON.parse(readFileSync(join(PROJECT_ROOT, 'cdktf.json'), 'utf8')) as { app: string };
  return runInProject(app, { CROSS_ACCOUNT_CONFIG: settingsFile, CDKTF_OUTDIR: outdir });
}
