import type { StackPrincipals } from '../../access/stack-principals';
import { iamArn } from '../../policies/arn';
import type { MatrixEntry } from '../access-matrix';
import { isRole, type StackPrincipal } from '../principal-requests';
import { ESCALATION_METHODS, methodName, type EscalationMethod, type EscalationTarget } from './escalation-methods';
import { allowedBy, decidingPolicies, firstAllowed, mayAllow, regionalArn, someOther, unique } from './review-requests';
import { REVIEW_FINDINGS, type ReviewFinding } from './review-finding';

/**
 * The published privilege-escalation methods ({@link ESCALATION_METHODS}) that
 * `principal` may use, each request tried on the principal's own user, role,
 * groups and policies and on resources of its account it was not given: one
 * `privilege-escalation` finding naming them, or none.
 */
export async function escalationFindings(
  principal: StackPrincipal,
  principals: StackPrincipals,
): Promise<ReviewFinding[]> {
  const targets = escalationTargets(principal, principals);
  const usable: { method: EscalationMethod; entries: MatrixEntry[] }[] = [];
  for (const method of ESCALATION_METHODS) {
    if (method.principals === 'users' && isRole(principal)) continue;
    if (method.principals === 'roles' && !isRole(principal)) continue;
    const entries: MatrixEntry[] = [];
    for (const request of method.requests) {
      // The targets are listed only for an action the principal's policies name: "other users" are 999 ARNs.
      const entry = mayAllow(principal, request.action)
        ? await firstAllowed(principal, request.action, targets(request.on))
        : undefined;
      if (!entry) break;
      entries.push(entry);
    }
    if (entries.length === method.requests.length) usable.push({ method, entries });
  }
  if (usable.length === 0) return [];
  const [first, ...others] = usable;
  const more = others.length > 0 ? `; also ${others.map(({ method }) => methodName(method)).join(', ')}` : '';
  const entries = usable.flatMap((found) => found.entries);
  return [
    {
      finding: 'privilege-escalation',
      principal: principal.name,
      policies: decidingPolicies(entries),
      message:
        `${REVIEW_FINDINGS['privilege-escalation']}: ${methodName(first.method)} (it ${first.method.gains})${more}, ` +
        `allowed by ${allowedBy(entries)}`,
    },
  ];
}

/** The resources each kind of target stands for, for `principal`, each list made when first asked for. */
function escalationTargets(
  principal: StackPrincipal,
  principals: StackPrincipals,
): (target: EscalationTarget) => readonly string[] {
  const { partition, accountId } = principal;
  const sameAccount = <T extends { readonly accountId: string; readonly name: string }>(list: readonly T[]) =>
    list.filter((other) => other.accountId === accountId && other.name !== principal.name);
  const ownGroups = isRole(principal) ? [] : principal.groups;
  const groupArn = (group: string) => iamArn(partition, accountId, 'group', group);
  const lists: Readonly<Record<EscalationTarget, () => readonly string[]>> = {
    itself: () => [principal.arn],
    'its-groups': () => ownGroups.map(groupArn),
    'other-groups': () => [
      someOther(principal, 'group'),
      ...unique(sameAccount(principals.users).flatMap((user) => user.groups))
        .filter((group) => !ownGroups.includes(group))
        .map(groupArn),
    ],
    'other-users': () => [someOther(principal, 'user'), ...sameAccount(principals.users).map((user) => user.arn)],
    'other-roles': () => [someOther(principal, 'role'), ...sameAccount(principals.roles).map((role) => role.arn)],
    policies: () => [
      ...unique(principal.policies.flatMap((policy) => (policy.origin === 'customer-managed' && policy.arn) || [])),
      someOther(principal, 'policy'),
    ],
    function: () => [regionalArn(principal, 'lambda', 'function:some-other-function')],
    instance: () => [regionalArn(principal, 'ec2', 'instance/i-00000000000000000')],
    stack: () => [
      regionalArn(principal, 'cloudformation', 'stack/some-other-stack/00000000-0000-0000-0000-000000000000'),
    ],
    none: () => ['*'],
  };
  const made = new Map<EscalationTarget, readonly string[]>();
  return (target) => {
    let arns = made.get(target);
    if (!arns) made.set(target, (arns = lists[target]()));
    return arns;
  };
}
