import type { VerifyReport } from '../verify-stack';

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
      review: report.review.map((finding) => ({ ...finding, acknowledged: finding.acknowledged ?? null })),
      notEvaluated: report.notEvaluated,
      problems: report.problems,
    },
    null,
    2,
  )}\n`;
}
