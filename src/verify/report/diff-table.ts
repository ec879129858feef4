import type { DiffReport } from '../access-diff';
import { DIFF_HEADERS, diffCounts, diffRow, diffTables } from './diff-rows';
import type { TextFormatOptions } from './table';
import { textTable } from './text-table';

/** Plain-text tables for a terminal (diff's default format), fitted to `width`: a summary line, then gains, then losses. */
export function formatDiffTable(report: DiffReport, options: TextFormatOptions = {}): string {
  const blocks = [
    `Access diff ${report.base} -> ${report.head}: ${diffCounts(report)}`,
    ...diffTables(report).map((table) =>
      textTable(
        table.title,
        DIFF_HEADERS,
        table.changes.map((change) => diffRow(change, (side) => `${side.decision}: ${side.reason}`)),
        { width: options.width, columns: ['fixed', 'fixed', 'path', 'prose', 'prose', 'prose'] },
      ),
    ),
  ];
  return `${blocks.join('\n\n')}\n`;
}
