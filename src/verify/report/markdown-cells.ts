import type { AccessDecision } from '../evaluate-request';

/** A table cell's text, safe inside a GitHub-flavoured Markdown table: `|` would end the cell, `<` start HTML. */
export function escapeCell(cell: string): string {
  return cell.replace(/\|/g, '\\|').replace(/</g, '&lt;');
}

const DECISION_MARKS: Readonly<Record<AccessDecision['decision'], string>> = {
  Allowed: '✅',
  ExplicitlyDenied: '⛔',
  ImplicitlyDenied: '🚫',
  Invalid: '❓',
};

/** A decision with its symbol (`✅ Allowed`), so a reviewer sees it at a glance. */
export function markDecision(decision: AccessDecision['decision']): string {
  return `${DECISION_MARKS[decision]} ${decision}`;
}
