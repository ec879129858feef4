import { runCli } from '../../src/cli/main';

/** Runs `cross-account <args>` in-process and captures what it prints. */
export async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  // Commander writes its own errors (an unknown format) straight to stderr.
  const commander = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  const error = jest.spyOn(console, 'error').mockImplementation((...parts) => {
    stderr += `${parts.join(' ')}\n`;
  });
  try {
    return { code: await runCli(args), stdout, stderr };
  } finally {
    write.mockRestore();
    commander.mockRestore();
    error.mockRestore();
  }
}
