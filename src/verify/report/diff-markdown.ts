import type { DiffReport } from '../access-diff';
import { DIFF_HEADERS, diffCounts, diffRow, diffTables } from './diff-rows';
import { escapeCell, markDecision } from './markdown-cells';

/** A pull request comment: a summary line, then gains, then losses, then what was compared. */
export function formatDiffMarkdown(report: DiffReport): string {
  const blocks = [
    `**Access diff** ${code(report.base)} → ${code(report.head)}: ${diffCounts(report, (text) => `**${text}**`)}`,
  ];
  for (const table of diffTables(report)) {
    blocks.push(
      [
        `### ${table.title} (${table.changes.length})`,
        '',
        `| ${DIFF_HEADERS.join(' | ')} |`,
        `|${DIFF_HEADERS.map(() => ' --- |').join('')}`,
        ...table.changes.map(
          (change) =>
            `| ${diffRow(change, (side) => `${markDecision(side.decision)}: ${side.reason}`)
              .map(escapeCell)
              .join(' | ')} |`,
        ),
      ].join('\n'),
    );
  }
  blocks.push(
    '<sub>Evaluated offline from the synthesized Terraform JSON of both sides: every user × every role ' +
      "(sts:AssumeRole, asked with the conditions each role requires) and each role's probes (its buckets, " +
      'another bucket, dangerous actions). Unchanged access is not listed.</sub>',
  );
  return `${blocks.join('\n\n')}\n`;
}

/** A side's name as inline code; a backtick inside would end it early. */
function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}
