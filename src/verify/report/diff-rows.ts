import type { AccessChange, DiffReport, SideDecision } from '../access-diff';

/** Column headers of the gained and lost tables. */
export const DIFF_HEADERS = ['PRINCIPAL', 'ACTION', 'RESOURCE', 'BEFORE', 'AFTER', 'BECAUSE'] as const;

/** One titled table: gained or lost, with its rows. */
export interface DiffTable {
  readonly title: string;
  readonly changes: readonly AccessChange[];
}

/** The tables to print, gains first; none when nothing changed. */
export function diffTables(report: DiffReport): DiffTable[] {
  return [
    { title: 'Gained', changes: report.diff.gained },
    { title: 'Lost', changes: report.diff.lost },
  ].filter((table) => table.changes.length > 0);
}

/** `4 gained, 1 lost (18 requests compared)`, or that nothing changed; `bold` marks the gained count. */
export function diffCounts(report: DiffReport, bold: (text: string) => string = (text) => text): string {
  const { gained, lost, compared } = report.diff;
  const requests = `(${compared} request${compared === 1 ? '' : 's'} compared)`;
  if (gained.length === 0 && lost.length === 0) return `no access gained or lost ${requests}`;
  const gainedText = `${gained.length} gained`;
  return `${gained.length > 0 ? bold(gainedText) : gainedText}, ${lost.length} lost ${requests}`;
}

/** One change as cells; `side` words a decision (plain for the terminal, marked for Markdown). */
export function diffRow(change: AccessChange, side: (decision: SideDecision) => string): string[] {
  return [
    `${change.principalKind} ${change.principal}`,
    change.action,
    change.resource,
    change.before ? side(change.before) : '(none)',
    change.after ? side(change.after) : '(none)',
    change.because ?? '',
  ];
}
