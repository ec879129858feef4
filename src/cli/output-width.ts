/** Columns a report may use when standard output is not a terminal: fits a 100–120 column log or terminal. */
export const PIPE_WIDTH = 100;

/**
 * The width to fit text output to: the terminal's when standard output is
 * one, else `COLUMNS` when set (as `ls` and Python read it), else
 * {@link PIPE_WIDTH}, so CI logs and pipes get lines that fit too.
 */
export function outputWidth(
  output: { readonly isTTY?: boolean; readonly columns?: number } = process.stdout,
  env: NodeJS.ProcessEnv = process.env,
): number {
  if (output.isTTY && output.columns && output.columns > 0) return output.columns;
  const columns = Number(env.COLUMNS);
  return Number.isInteger(columns) && columns > 0 ? columns : PIPE_WIDTH;
}
