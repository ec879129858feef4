import type { StackPrincipals, StackRoleAccess } from '../../access/stack-principals';
import { trustRequirements } from '../../policies/trust-requirements';
import { decide, type MatrixEntry } from '../access-matrix';
import { resolveTarget } from '../principal-requests';
import { decidingPolicies, mayAllow, REVIEW_CONTEXT } from './review-requests';
import { REVIEW_FINDINGS, type ReviewFinding } from './review-finding';

/**
 * How a role's session asks for another role: the way a person who chains
 * roles would, with what the target's trust asks for (MFA carried from the first
 * sign-in, the external id, which sits in the settings) and a session name of
 * their choosing. A trust that wants the session named after an IAM user
 * refuses it: a role session has no user name.
 */
function chainedAssumeContext(target: StackRoleAccess): Record<string, string> {
  const { externalId } = trustRequirements(target.trustPolicy);
  return {
    ...REVIEW_CONTEXT,
    'sts:RoleSessionName': 'chained-session',
    ...(externalId !== undefined && { 'sts:ExternalId': externalId }),
  };
}

/** One hop of a chain: the role reached and the decision that allowed it. */
interface Hop {
  readonly role: string;
  readonly entry: MatrixEntry;
}

/**
 * `reaches-denied-role`: a user the matrix does not let assume role A (denied,
 * or not allowed) who may assume role B whose session may assume A — whose
 * permissions allow sts:AssumeRole on A and whose account or session A's trust
 * admits — through any number of hops. One finding per user and role reached.
 * `assumeBy`: the matrix's sts:AssumeRole entries by user name.
 */
export async function roleChainFindings(
  principals: StackPrincipals,
  assumeBy: ReadonlyMap<string, readonly MatrixEntry[]>,
): Promise<ReviewFinding[]> {
  const roles = new Map(principals.roles.map((role) => [role.name, role]));
  const hopsFrom = new Map<string, Promise<Hop[]>>();
  const hops = (from: StackRoleAccess): Promise<Hop[]> => {
    let found = hopsFrom.get(from.name);
    if (!found) {
      found = Promise.all(
        principals.roles
          .filter((to) => to.name !== from.name)
          // Across accounts only an identity policy can allow sts:AssumeRole (a trust policy never does alone):
          // without one that names it, no hop to another account is allowed, and only allowed hops are kept.
          .filter((to) => to.accountId === from.accountId || mayAllow(from, 'sts:AssumeRole'))
          .map(async (to) => ({
            role: to.name,
            entry: await decide(
              from,
              'sts:AssumeRole',
              resolveTarget(to.name, from, principals.roles),
              chainedAssumeContext(to),
            ),
          })),
      ).then((all) => all.filter((hop) => hop.entry.decision === 'Allowed'));
      hopsFrom.set(from.name, found);
    }
    return found;
  };

  const findings: ReviewFinding[] = [];
  for (const user of principals.users) {
    const direct = new Map((assumeBy.get(user.name) ?? []).map((entry) => [entry.target, entry]));
    // Breadth first, so each role is reported with its shortest chain.
    const paths = new Map<string, Hop[]>();
    const queue: Hop[][] = [];
    for (const [role, entry] of direct) {
      if (entry.decision !== 'Allowed') continue;
      paths.set(role, [{ role, entry }]);
      queue.push([{ role, entry }]);
    }
    for (let path = queue.shift(); path; path = queue.shift()) {
      const last = roles.get(path[path.length - 1].role);
      if (!last) continue;
      for (const hop of await hops(last)) {
        if (paths.has(hop.role)) continue;
        const longer = [...path, hop];
        paths.set(hop.role, longer);
        queue.push(longer);
      }
    }
    for (const [role, path] of paths) {
      const refused = direct.get(role);
      if (path.length < 2 || !refused) continue;
      findings.push({
        finding: 'reaches-denied-role',
        principal: user.name,
        policies: decidingPolicies([
          ...(refused.decision === 'ExplicitlyDenied' ? [refused] : []),
          ...path.map((hop) => hop.entry),
        ]),
        message: `${REVIEW_FINDINGS['reaches-denied-role']}: ${describeRefusal(role, refused)}, but ${describeChain(path)}`,
      });
    }
  }
  return findings;
}

function describeRefusal(role: string, refused: MatrixEntry): string {
  return refused.decision === 'ExplicitlyDenied'
    ? `${refused.action} on ${role} is ${refused.because}`
    : `it may not assume ${role} directly (${refused.because})`;
}

/** `it may assume Hub (…), whose session may assume Target (…)` */
function describeChain(path: readonly Hop[]): string {
  const [first, ...rest] = path;
  return [
    `it may assume ${first.role} (${first.entry.because})`,
    ...rest.map((hop, i) => `${path[i].role}'s session may assume ${hop.role} (${hop.entry.because})`),
  ].join(', and ');
}
