import type { VerifyReport } from '../verify-stack';
import { lintSummary, notEvaluatedSummary, reportTables } from './tables';
import { textTable, wrapWords } from './text-table';

/** Options of the plain-text formats. */
export interface TextFormatOptions {
  /** Columns to fit (a terminal's width); longer reasons wrap. @default unlimited: one line per row */
  readonly width?: number;
}

/** Plain-text tables for a terminal (the default format), fitted to `width`. */
export function formatTable(report: VerifyReport, options: TextFormatOptions = {}): string {
  const { width } = options;
  const blocks = reportTables(report).map((table) =>
    textTable(table.title, table.headers, table.rows, { width, columns: table.columns }),
  );
  const item = (line: string) =>
    wrapWords(line, (width ?? Infinity) - 4)
      .map((part, i) => `${i === 0 ? '  ' : '    '}${part}`)
      .join('\n');
  const notEvaluated = notEvaluatedSummary(report, item);
  if (notEvaluated) blocks.push(notEvaluated);
  if (report.review.length === 0) blocks.push('Review findings: none');
  blocks.push(lintSummary(report, item));
  return `${blocks.join('\n\n')}\n`;
}
