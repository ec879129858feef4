import { buildAccessMatrix, type AccessMatrix } from './access-matrix';
import { checkExpectations, type Expectation, type ExpectationResult } from './check-expectations';
import { lintPolicies, type LintFinding } from './policy-lint';
import { readStackPrincipals, type StackPrincipals } from './stack-principals';
import type { SynthesizedStackJson } from './synthesized-stack';

/** Everything `cross-account verify` found about one synthesized stack. */
export interface VerifyReport {
  readonly principals: StackPrincipals;
  readonly matrix: AccessMatrix;
  readonly expectations: readonly ExpectationResult[];
  readonly findings: readonly LintFinding[];
  /** One line per failed expectation or lint finding; verify passes when empty. */
  readonly problems: readonly string[];
}

/** Rebuilds the principals of `stack`, evaluates the access matrix and `expectations`, and lints its policies. */
export async function verifyStack(
  stack: SynthesizedStackJson,
  expectations: readonly Expectation[],
): Promise<VerifyReport> {
  const principals = await readStackPrincipals(stack);
  const [matrix, checked, findings] = await Promise.all([
    buildAccessMatrix(principals),
    checkExpectations(expectations, principals),
    lintPolicies(principals),
  ]);
  const problems = [
    ...checked.filter((result) => !result.holds).map((result) => result.text),
    ...findings.map((finding) => `lint: ${formatFinding(finding)}`),
  ];
  return { principals, matrix, expectations: checked, findings, problems };
}

/** `Developers/AssumeCrossAccountRoles, statement AllowX: s3:GetObjekt is not an IAM action` */
export function formatFinding(finding: LintFinding): string {
  const where = finding.statement ? `${finding.policy}, statement ${finding.statement}` : finding.policy;
  return `${where}: ${finding.message}`;
}
