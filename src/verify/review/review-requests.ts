import { coversAction } from '../../policies/action-match';
import { formatArn, iamArn, s3Arn, type IamResourceKind } from '../../policies/arn';
import type { PolicyDocument } from '../../policies/policy-statement';
import { decide, type MatrixEntry } from '../access-matrix';
import type { StackPrincipal } from '../principal-requests';
import { OTHER_BUCKET } from '../role-probes';

/**
 * The context of the review's own requests: a principal that can sign in with
 * MFA will, so an allow that asks for MFA counts (the review asks what is
 * possible, not what happens by default).
 */
export const REVIEW_CONTEXT: Readonly<Record<string, string>> = {
  'aws:MultiFactorAuthPresent': 'true',
  'aws:MultiFactorAuthAge': '0',
};

/**
 * Evaluates `action` on `resource` (in the principal's own account) as `principal`, with no resource policy.
 * Without a resource policy only an identity policy can allow, so when no Allow statement of the principal
 * names the action the answer is known without the evaluator: the review asks hundreds of such questions.
 */
export async function ask(
  principal: StackPrincipal,
  action: string,
  resource: string,
  context: Readonly<Record<string, string>> = REVIEW_CONTEXT,
): Promise<MatrixEntry> {
  if (!mayAllow(principal, action))
    return {
      principal: principal.name,
      action,
      resource,
      target: resource,
      context,
      decision: 'ImplicitlyDenied',
      deciding: [{ policyType: 'identity' }],
      because: 'no identity policy allows it',
    };
  return decide(principal, action, { resource, label: resource, accountId: principal.accountId }, context);
}

const allowsByDocument = new WeakMap<PolicyDocument, Map<string, boolean>>();

/** False when no Allow statement of `principal`'s policies names `action`: then nothing but a resource policy could allow it. */
export function mayAllow(principal: StackPrincipal, action: string): boolean {
  return principal.policies.some((policy) => policy.document !== undefined && allows(policy.document, action));
}

/** Whether an Allow statement of `document` names `action`; worked out once per document (1,000 users share a few). */
function allows(document: PolicyDocument, action: string): boolean {
  let byAction = allowsByDocument.get(document);
  if (!byAction) allowsByDocument.set(document, (byAction = new Map()));
  let answer = byAction.get(action);
  if (answer === undefined) {
    answer = document.statements.some((statement) => statement.effect === 'Allow' && coversAction(statement, action));
    byAction.set(action, answer);
  }
  return answer;
}

/** The first of `resources` on which `principal` may do `action`, with the decision; undefined when none. */
export async function firstAllowed(
  principal: StackPrincipal,
  action: string,
  resources: readonly string[],
  context?: Readonly<Record<string, string>>,
): Promise<MatrixEntry | undefined> {
  // Asked on each of another 999 users' ARNs, the no-allow answer would be worked out 999 times.
  if (!mayAllow(principal, action)) return undefined;
  for (const resource of resources) {
    const entry = await ask(principal, action, resource, context);
    if (entry.decision === 'Allowed') return entry;
  }
  return undefined;
}

/** Labels of the identity policies that decided `entries` (allowed or denied them), once each, in order. */
export function decidingPolicies(entries: readonly MatrixEntry[]): string[] {
  return unique(
    entries.flatMap((entry) =>
      entry.deciding.flatMap((reason) => (reason.policyType === 'identity' && reason.policy ? [reason.policy] : [])),
    ),
  );
}

/** `AmazonS3FullAccess (#1) + …`: the deciding statements of `entries`, once each. */
export function allowedBy(entries: readonly MatrixEntry[]): string {
  return unique(entries.map((entry) => entry.because)).join('; ');
}

/** Values once each, in first-seen order. */
export function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** A resource that exists nowhere in the stack, in the principal's own account: what is allowed there is allowed on any. */
export function someOther(principal: StackPrincipal, kind: IamResourceKind): string {
  return iamArn(principal.partition, principal.accountId, kind, `some-other-${kind}`);
}

/** A bucket no principal of the stack was given. */
export function someOtherBucket(principal: StackPrincipal, key?: string): string {
  return s3Arn(principal.partition, OTHER_BUCKET, key);
}

/** A resource of a regional service in the principal's account and region, e.g. `lambda`, `function:some-function`. */
export function regionalArn(principal: StackPrincipal, service: string, resource: string): string {
  return formatArn({
    partition: principal.partition,
    service,
    region: principal.region,
    account: principal.accountId,
    resource,
  });
}
