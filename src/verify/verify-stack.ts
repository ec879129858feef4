import { buildAccessMatrix, type AccessMatrix } from './access-matrix';
import { checkExpectations, type Expectation, type ExpectationResult } from './check-expectations';
import { formatFinding, type LintFinding } from './lint-finding';
import { findNotEvaluated, type NotEvaluated } from './not-evaluated';
import { lintPolicies } from './policy-lint';
import { applyAcknowledgements, type Acknowledgement } from './review/acknowledgements';
import { reviewAccess } from './review/review-access';
import { formatReviewFinding, type ReviewFinding } from './review/review-finding';
import { readStackPrincipals, type StackPrincipals } from '../access/stack-principals';
import type { SynthesizedStackJson } from '../access/synthesized-stack';

// Loads the IAM evaluator (AGPL-3.0, a devDependency): import this module lazily, never from ./index.

/** Everything `cross-account verify` found about one synthesized stack. */
export interface VerifyReport {
  /** Users and roles rebuilt from the JSON, with their policies. */
  readonly principals: StackPrincipals;
  /** Users × roles, roles × probes. */
  readonly matrix: AccessMatrix;
  /** One result per action of each expectation of the settings. */
  readonly expectations: readonly ExpectationResult[];
  /** Policy lint findings; each one fails verify. */
  readonly findings: readonly LintFinding[];
  /** Review findings, each marked with the reason of its acknowledgement if it has one; the others fail verify. */
  readonly review: readonly ReviewFinding[];
  /** One line per failed expectation, lint finding, unacknowledged review finding or stale acknowledgement; verify passes when empty. */
  readonly problems: readonly string[];
  /** Users and roles that exist outside the stack, or are in a group that does: their other policies are unknown. */
  readonly notEvaluated: readonly NotEvaluated[];
}

/**
 * Rebuilds the principals of `stack`, evaluates the access matrix and `expectations`, lints its policies and
 * reviews what each principal may do, `acknowledgements` marking the review findings that are intended.
 */
export async function verifyStack(
  stack: SynthesizedStackJson,
  expectations: readonly Expectation[],
  acknowledgements: readonly Acknowledgement[] = [],
): Promise<VerifyReport> {
  const principals = await readStackPrincipals(stack);
  const [matrix, checked, findings] = await Promise.all([
    buildAccessMatrix(principals),
    checkExpectations(expectations, principals),
    lintPolicies(principals),
  ]);
  const evaluated = [...matrix.assume, ...matrix.roleActions, ...checked.map((result) => result.entry)];
  const review = applyAcknowledgements(await reviewAccess(principals, matrix.assume, evaluated), acknowledgements);
  const problems = [
    ...checked.filter((result) => !result.holds).map((result) => result.text),
    ...findings.map((finding) => `lint: ${formatFinding(finding)}`),
    ...review.findings
      .filter((finding) => finding.acknowledged === undefined)
      .map((finding) => `review: ${formatReviewFinding(finding)}`),
    ...review.stale,
  ];
  return {
    principals,
    matrix,
    expectations: checked,
    findings,
    review: review.findings,
    problems,
    notEvaluated: findNotEvaluated(principals),
  };
}
