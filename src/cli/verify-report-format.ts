import { formatFinding, type MatrixEntry, type VerifyReport } from '../access';

/** One titled table of the report: headers and rows of plain text. */
interface ReportTable {
  readonly title: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

const PROBE_NAMES: Readonly<Record<NonNullable<MatrixEntry['probe']>, string>> = {
  granted: 'its bucket',
  'other-bucket': 'other bucket',
  dangerous: 'dangerous',
};

/** The matrix, expectations and lint findings as tables, shared by the text and Markdown formats. */
function reportTables(report: VerifyReport): ReportTable[] {
  const tables: ReportTable[] = [
    {
      title:
        'Who may assume which role (sts:AssumeRole, asked with the MFA, external id and session name each role requires)',
      headers: ['USER', 'ROLE', 'DECISION', 'BECAUSE'],
      rows: report.matrix.assume.map((entry) => [entry.principal, entry.target, entry.decision, entry.because]),
    },
    {
      title: 'What each role may do',
      headers: ['ROLE', 'PROBE', 'ACTION', 'RESOURCE', 'DECISION', 'BECAUSE'],
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
  if (report.expectations.length > 0) {
    tables.push({
      title: `Expectations: ${countFailed(report)}`,
      headers: ['#', 'PRINCIPAL', 'EXPECTED', 'ACTION', 'ON', 'DECISION', 'BECAUSE'],
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

/** Plain-text tables for a terminal (the default format). */
export function formatTable(report: VerifyReport): string {
  const blocks = reportTables(report).map((table) => {
    const lines = [table.headers, ...table.rows];
    const widths = table.headers.map((_, column) => Math.max(...lines.map((line) => line[column].length)));
    const text = lines.map((line) =>
      line
        .map((cell, column) => (column === line.length - 1 ? cell : cell.padEnd(widths[column])))
        .join('  ')
        .trimEnd(),
    );
    return [table.title, ...text.map((line) => `  ${line}`)].join('\n');
  });
  blocks.push(lintSummary(report, (line) => `  ${line}`));
  return `${blocks.join('\n\n')}\n`;
}

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

/** The whole report as JSON, for other tools. */
export function formatJson(report: VerifyReport): string {
  return `${JSON.stringify(
    {
      passed: report.problems.length === 0,
      assume: report.matrix.assume,
      roleActions: report.matrix.roleActions,
      expectations: report.expectations.map(({ index, expected, holds, entry }) => ({
        index,
        expected,
        holds,
        ...entry,
      })),
      findings: report.findings,
      problems: report.problems,
    },
    null,
    2,
  )}\n`;
}

function countFailed(report: VerifyReport): string {
  const failed = report.expectations.filter((result) => !result.holds).length;
  return failed === 0 ? `all ${report.expectations.length} hold` : `${failed} of ${report.expectations.length} fail`;
}

function lintSummary(report: VerifyReport, item: (line: string) => string): string {
  if (report.findings.length === 0) return 'Policy lint: no findings';
  return [`Policy lint: ${report.findings.length} finding(s)`, ...report.findings.map(formatFinding).map(item)].join(
    '\n',
  );
}

function withMark(cell: string): string {
  if (cell === 'Allowed') return '✅ Allowed';
  if (cell === 'ExplicitlyDenied') return '⛔ ExplicitlyDenied';
  if (cell === 'ImplicitlyDenied') return '🚫 ImplicitlyDenied';
  if (cell.endsWith('(FAILS)')) return `❌ ${cell}`;
  return cell;
}
