import { formatFinding } from '../lint-finding';
import type { MatrixEntry } from '../access-matrix';
import type { VerifyReport } from '../verify-stack';
import type { ColumnKind } from './text-table';

/** One titled table of the report: headers and rows of plain text. */
export interface ReportTable {
  readonly title: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** How a terminal may cut each column (see {@link ColumnKind}); Markdown and JSON never cut. */
  readonly columns: readonly ColumnKind[];
}

const PROBE_NAMES: Readonly<Record<NonNullable<MatrixEntry['probe']>, string>> = {
  granted: 'its bucket',
  'other-bucket': 'other bucket',
  dangerous: 'dangerous',
};

/** The matrix, expectations and lint findings as tables, shared by the text and Markdown formats. */
export function reportTables(report: VerifyReport): ReportTable[] {
  const tables: ReportTable[] = [
    {
      title:
        'Who may assume which role (sts:AssumeRole, asked with the MFA, external id and session name each role requires)',
      headers: ['USER', 'ROLE', 'DECISION', 'BECAUSE'],
      columns: ['fixed', 'fixed', 'fixed', 'prose'],
      rows: report.matrix.assume.map((entry) => [entry.principal, entry.target, entry.decision, entry.because]),
    },
    {
      title: 'What each role may do',
      headers: ['ROLE', 'PROBE', 'ACTION', 'RESOURCE', 'DECISION', 'BECAUSE'],
      columns: ['group', 'fixed', 'fixed', 'path', 'fixed', 'prose'],
      rows: report.matrix.roleActions.map((entry) => [
        entry.principal,
        entry.probe ? PROBE_NAMES[entry.probe] : '',
        entry.action,
        entry.resource,
        entry.decision,
        entry.because,
      ]),
    },
  ];
  if (report.review.length > 0) {
    tables.push({
      title: `Review findings: ${countReview(report)}`,
      headers: ['FINDING', 'PRINCIPAL', 'WHY', 'ACKNOWLEDGED'],
      columns: ['fixed', 'fixed', 'prose', 'prose'],
      rows: report.review.map((finding) => [
        finding.finding,
        finding.principal,
        finding.message,
        finding.acknowledged ?? 'no (FAILS)',
      ]),
    });
  }
  if (report.expectations.length > 0) {
    tables.push({
      title: `Expectations: ${countFailed(report)}`,
      headers: ['#', 'PRINCIPAL', 'EXPECTED', 'ACTION', 'ON', 'DECISION', 'BECAUSE'],
      columns: ['fixed', 'fixed', 'fixed', 'fixed', 'path', 'fixed', 'prose'],
      rows: report.expectations.map((result) => [
        String(result.index),
        result.entry.principal,
        result.holds ? result.expected : `${result.expected} (FAILS)`,
        result.entry.action,
        result.entry.target,
        result.entry.decision,
        result.entry.because,
      ]),
    });
  }
  return tables;
}

function countReview(report: VerifyReport): string {
  const open = report.review.filter((finding) => finding.acknowledged === undefined).length;
  const total = report.review.length;
  return open === 0
    ? `${total}, ${total === 1 ? '' : 'all '}acknowledged`
    : `${open} of ${total} not acknowledged (each fails verify: remove the access, or acknowledge it under \`acknowledge\` with a reason)`;
}

function countFailed(report: VerifyReport): string {
  const failed = report.expectations.filter((result) => !result.holds).length;
  return failed === 0 ? `all ${report.expectations.length} hold` : `${failed} of ${report.expectations.length} fail`;
}

function lintTitle(report: VerifyReport): string {
  return report.findings.length === 0
    ? 'Policy lint: no findings'
    : `Policy lint: ${report.findings.length} finding(s)`;
}

/** The lint findings as a title line and one item per finding. */
export function lintSummary(report: VerifyReport, item: (line: string) => string): string {
  return [lintTitle(report), ...report.findings.map(formatFinding).map(item)].join('\n');
}

/** The principals whose other policies are unknown, as a title line and one item each; none when all are the stack's. */
export function notEvaluatedSummary(report: VerifyReport, item: (line: string) => string): string | undefined {
  if (report.notEvaluated.length === 0) return undefined;
  return [
    `Not evaluated: ${report.notEvaluated.length} principal(s) exist, or are in groups that exist, outside the stack`,
    ...report.notEvaluated.map((entry) => item(entry.note)),
  ].join('\n');
}
