import type { VerifyReport } from '../verify-stack';
import { lintSummary, notEvaluatedSummary, reportTables } from './tables';
import { textTable } from './text-table';

/** Plain-text tables for a terminal (the default format). */
export function formatTable(report: VerifyReport): string {
  const blocks = reportTables(report).map((table) => textTable(table.title, table.headers, table.rows));
  const notEvaluated = notEvaluatedSummary(report, (line) => `  ${line}`);
  if (notEvaluated) blocks.push(notEvaluated);
  blocks.push(lintSummary(report, (line) => `  ${line}`));
  return `${blocks.join('\n\n')}\n`;
}
