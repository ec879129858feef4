import { runCli } from '../../src/cli/main';

/** Runs `cross-account <args>` in-process and captures what it prints, its output a pipe (not a terminal, no COLUMNS). */
export async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return cliWithOutput({ isTTY: false }, args);
}

/** Runs `cross-account <args>` in-process as {@link cli} does, its output a terminal of `columns` columns. */
export async function cliOnTerminal(
  columns: number,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  return cliWithOutput({ isTTY: true, columns }, args);
}

async function cliWithOutput(
  terminal: { isTTY: boolean; columns?: number },
  args: readonly string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  const saved = { isTTY: process.stdout.isTTY, columns: process.stdout.columns, COLUMNS: process.env.COLUMNS };
  Object.assign(process.stdout, terminal);
  delete process.env.COLUMNS;
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
    Object.assign(process.stdout, { isTTY: saved.isTTY, columns: saved.columns });
    if (saved.COLUMNS !== undefined) process.env.COLUMNS = saved.COLUMNS;
    write.mockRestore();
    commander.mockRestore();
    error.mockRestore();
  }
}
