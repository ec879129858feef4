import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { endOfLifeNotice } from '../../src/cli/node-support';
import { PROJECT_ROOT } from './project';

/** How a `cross-account` process ended and what it printed. */
export interface CliProcessResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A running `bin/cross-account.js`: wait for a line of its output, then for its end. */
export interface CliProcess {
  readonly child: ChildProcessWithoutNullStreams;
  /** Resolves once stdout holds text matching `pattern`. */
  stdoutMatches(pattern: RegExp): Promise<void>;
  readonly finished: Promise<CliProcessResult>;
}

/**
 * Starts `cross-account <args>` as a real child process (a real process gets
 * real signals and a real end of standard input), with `env` as its whole
 * environment and `input` written to its standard input, which is then closed
 * (`null`: left open and silent, as a pipe in CI that nobody writes to).
 * Its stderr comes without the Node end-of-life notice of an old Node
 * (node-warnings.test.ts tests that), so a test sees the command's own lines on any Node.
 */
export function startCliProcess(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  input: string | null = '',
): CliProcess {
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'bin/cross-account.js'), ...args], {
    cwd: PROJECT_ROOT,
    env,
  });
  let stdout = '';
  let stderr = '';
  const watchers: { pattern: RegExp; resolve: () => void }[] = [];
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
    for (const watcher of watchers.filter((w) => w.pattern.test(stdout))) {
      watchers.splice(watchers.indexOf(watcher), 1);
      watcher.resolve();
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  if (input !== null) child.stdin.end(input);
  const notice = endOfLifeNotice(process.version);
  const finished = new Promise<CliProcessResult>((resolve) =>
    child.on('close', (code, signal) =>
      resolve({ code, signal, stdout, stderr: notice ? stderr.replace(`${notice}\n`, '') : stderr }),
    ),
  );
  return {
    child,
    stdoutMatches: (pattern) =>
      pattern.test(stdout)
        ? Promise.resolve()
        : new Promise<void>((resolve, reject) => {
            watchers.push({ pattern, resolve });
            void finished.then((result) =>
              reject(new Error(`cross-account ended before printing ${pattern}: ${JSON.stringify(result)}`)),
            );
          }),
    finished,
  };
}
