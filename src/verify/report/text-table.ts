/** A titled table as aligned plain text for a terminal: two spaces between columns, the last one not padded. */
export function textTable(title: string, headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [headers, ...rows];
  const widths = headers.map((_, column) => Math.max(...lines.map((line) => line[column].length)));
  const text = lines.map((line) =>
    line
      .map((cell, column) => (column === line.length - 1 ? cell : cell.padEnd(widths[column])))
      .join('  ')
      .trimEnd(),
  );
  return [title, ...text.map((line) => `  ${line}`)].join('\n');
}
