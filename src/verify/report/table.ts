import type { VerifyReport } from '../verify-stack';
import { lintSummary, reportTables } from './tables';

/** Plain-text tables for a terminal (the default format). */
export function formatTable(report: VerifyReport): string {
  const blocks = reportTables(report).map((table) => {
    const lines = [table.headers, ...table.rows];
    const widths = table.headers.map((_, column) => Math.max(...lines.map((line) => line[column].length)));
    const text = lines.map((line) =>
      line
        .map((cell, column) => (column === line.length - 1 ? cell : cell.padEnd(widths[column])))
        .join('  ')
        .trimEnd(),
    );
    return [table.title, ...text.map((line) => `  ${line}`)].join('\n');
  });
  blocks.push(lintSummary(report, (line) => `  ${line}`));
  return `${blocks.join('\n\n')}\n`;
}
