import type { PrincipalPolicy } from '../../access/stack-principals';
import { iamArn } from '../../policies/arn';
import type { MatrixEntry } from '../access-matrix';
import type { StackPrincipal } from '../principal-requests';
import { allowedBy, decidingPolicies, ask, unique } from './review-requests';
import { REVIEW_FINDINGS, type ReviewFinding } from './review-finding';

const KIND_IN_ACTION = { user: 'User', group: 'Group', role: 'Role' } as const;

/**
 * The requests that take `policy` away from `principal` or rewrite it: delete
 * or overwrite an inline policy, detach a managed one, leave the group that
 * holds it, or write a new default version of a customer managed policy.
 */
function removalRequests(principal: StackPrincipal, policy: PrincipalPolicy): { action: string; resource: string }[] {
  const { kind, name } = policy.holder;
  const holder = iamArn(principal.partition, principal.accountId, kind, name);
  const Kind = KIND_IN_ACTION[kind];
  const actions =
    policy.origin === 'inline' ? [`iam:Delete${Kind}Policy`, `iam:Put${Kind}Policy`] : [`iam:Detach${Kind}Policy`];
  if (kind === 'group') actions.push('iam:RemoveUserFromGroup');
  return [
    ...actions.map((action) => ({ action, resource: holder })),
    ...(policy.origin === 'customer-managed' && policy.arn
      ? [{ action: 'iam:CreatePolicyVersion', resource: policy.arn }]
      : []),
  ];
}

/**
 * `self-removable-deny`: each policy that explicitly denied `principal` one of
 * `denied` (requests the matrix and the expectations evaluated) and that the
 * principal may itself remove or rewrite, asked in the context it was denied in.
 * A deny the principal can lift is no deny.
 */
export async function removableDenyFindings(
  principal: StackPrincipal,
  denied: readonly MatrixEntry[],
): Promise<ReviewFinding[]> {
  const byPolicy = new Map<string, { policy: PrincipalPolicy; entry: MatrixEntry }>();
  for (const entry of denied) {
    if (entry.principal !== principal.name || entry.decision !== 'ExplicitlyDenied') continue;
    for (const reason of entry.deciding) {
      const policy = principal.policies.find((candidate) => candidate.label === reason.policy);
      if (reason.policyType === 'identity' && policy && !byPolicy.has(policy.label))
        byPolicy.set(policy.label, { policy, entry });
    }
  }
  const findings: ReviewFinding[] = [];
  for (const { policy, entry } of byPolicy.values()) {
    const removals = await Promise.all(
      removalRequests(principal, policy).map(({ action, resource }) => ask(principal, action, resource, entry.context)),
    );
    const allowed = removals.filter((removal) => removal.decision === 'Allowed');
    if (allowed.length === 0) continue;
    const on = unique(allowed.map((removal) => describeIamResource(removal.resource))).join(' and ');
    findings.push({
      finding: 'self-removable-deny',
      principal: principal.name,
      policies: [policy.label, ...decidingPolicies(allowed)],
      message:
        `${REVIEW_FINDINGS['self-removable-deny']}: ${entry.action} on ${entry.target} is ${entry.because}, ` +
        `and it may ${unique(allowed.map((removal) => removal.action)).join(', ')} on ${on}, allowed by ${allowedBy(allowed)}`,
    });
  }
  return findings;
}

/** `arn:aws:iam::1:group/Testers` → `group Testers` */
function describeIamResource(arn: string): string {
  const match = /:(user|group|role|policy)\/(?:.*\/)?([^/]+)$/.exec(arn);
  return match ? `${match[1]} ${match[2]}` : arn;
}
