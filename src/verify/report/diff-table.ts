import type { DiffReport } from '../access-diff';
import { DIFF_HEADERS, diffCounts, diffRow, diffTables } from './diff-rows';
import { textTable } from './text-table';

/** Plain-text tables for a terminal (diff's default format): a summary line, then gains, then losses. */
export function formatDiffTable(report: DiffReport): string {
  const blocks = [
    `Access diff ${report.base} -> ${report.head}: ${diffCounts(report)}`,
    ...diffTables(report).map((table) =>
      textTable(
        table.title,
        DIFF_HEADERS,
        table.changes.map((change) => diffRow(change, (side) => `${side.decision}: ${side.reason}`)),
      ),
    ),
  ];
  return `${blocks.join('\n\n')}\n`;
}
