import type { VerifyReport } from '../verify-stack';
import { escapeCell, markDecision } from './markdown-cells';
import { lintSummary, notEvaluatedSummary, reportTables } from './tables';

/** GitHub-flavoured Markdown, for a pull request comment. */
export function formatMarkdown(report: VerifyReport): string {
  const blocks = reportTables(report).map((table) =>
    [
      `### ${table.title}`,
      '',
      `| ${table.headers.join(' | ')} |`,
      `|${table.headers.map(() => ' --- |').join('')}`,
      ...table.rows.map((row) => `| ${row.map(escapeCell).map(withMark).join(' | ')} |`),
    ].join('\n'),
  );
  const notEvaluated = notEvaluatedSummary(report, (line) => `- ${escapeCell(line)}`);
  if (notEvaluated) blocks.push(`### ${notEvaluated}`);
  if (report.review.length === 0) blocks.push('### Review findings: none');
  blocks.push(`### ${lintSummary(report, (line) => `- ${escapeCell(line)}`)}`);
  return `${blocks.join('\n\n')}\n`;
}

/** Marks decisions and failed expectations with a symbol. */
function withMark(cell: string): string {
  if (cell === 'Allowed' || cell === 'ExplicitlyDenied' || cell === 'ImplicitlyDenied') return markDecision(cell);
  if (cell.endsWith('(FAILS)')) return `❌ ${cell}`;
  return cell;
}
