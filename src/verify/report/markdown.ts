import type { VerifyReport } from '../verify-stack';
import { lintSummary, reportTables } from './tables';

/** GitHub-flavoured Markdown, for a pull request comment. */
export function formatMarkdown(report: VerifyReport): string {
  const escape = (cell: string) => cell.replace(/\|/g, '\\|');
  const blocks = reportTables(report).map((table) =>
    [
      `### ${table.title}`,
      '',
      `| ${table.headers.join(' | ')} |`,
      `|${table.headers.map(() => ' --- |').join('')}`,
      ...table.rows.map((row) => `| ${row.map(escape).map(withMark).join(' | ')} |`),
    ].join('\n'),
  );
  blocks.push(`### ${lintSummary(report, (line) => `- ${escape(line)}`)}`);
  return `${blocks.join('\n\n')}\n`;
}

/** Marks decisions with a symbol, so a reviewer sees them at a glance. */
function withMark(cell: string): string {
  if (cell === 'Allowed') return '✅ Allowed';
  if (cell === 'ExplicitlyDenied') return '⛔ ExplicitlyDenied';
  if (cell === 'ImplicitlyDenied') return '🚫 ImplicitlyDenied';
  if (cell.endsWith('(FAILS)')) return `❌ ${cell}`;
  return cell;
}
