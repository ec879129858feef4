import type { StackPrincipals } from '../../access/stack-principals';
import type { MatrixEntry } from '../access-matrix';
import { capabilityFindings } from './capability-findings';
import { escalationFindings } from './privilege-escalation';
import { removableDenyFindings } from './removable-denies';
import { roleChainFindings } from './role-chains';
import { REVIEW_FINDING_IDS, type ReviewFinding } from './review-finding';

/**
 * Reviews what every user and role of the stack may do beyond what the
 * settings meant to give: full admin, bucket policies, bucket deletion, every
 * bucket, privilege escalation, denies it can lift, denied roles reached
 * through another role. `evaluated` are the requests verify already decided
 * (the matrix and the expectations): the denies among them are checked for
 * self-removal, the matrix's assumptions start the role chains.
 * Findings come by id (in {@link REVIEW_FINDING_IDS} order), then users before roles.
 */
export async function reviewAccess(
  principals: StackPrincipals,
  assume: readonly MatrixEntry[],
  evaluated: readonly MatrixEntry[],
): Promise<ReviewFinding[]> {
  const everyone = [...principals.users, ...principals.roles];
  // Grouped once: filtering 50,000 entries for each of 1,000 users was most of a large stack's review.
  const evaluatedBy = groupByPrincipal(evaluated);
  const perPrincipal = await Promise.all(
    everyone.map(async (principal) => {
      const capabilities = await capabilityFindings(principal);
      const isAdmin = capabilities.some((finding) => finding.finding === 'admin-access');
      return [
        ...capabilities,
        // Full admin implies every escalation; saying so again would be noise.
        ...(isAdmin ? [] : await escalationFindings(principal, principals)),
        ...(await removableDenyFindings(principal, evaluatedBy.get(principal.name) ?? [])),
      ];
    }),
  );
  const findings = [...perPrincipal.flat(), ...(await roleChainFindings(principals, groupByPrincipal(assume)))];
  const order = (finding: ReviewFinding) => REVIEW_FINDING_IDS.indexOf(finding.finding);
  // Array.prototype.sort is stable: within an id, principals keep the users-then-roles order.
  return findings.sort((a, b) => order(a) - order(b));
}

/** Entries by the name of the principal that asked, each list in the order given. */
function groupByPrincipal(entries: readonly MatrixEntry[]): Map<string, MatrixEntry[]> {
  const byPrincipal = new Map<string, MatrixEntry[]>();
  for (const entry of entries) {
    const list = byPrincipal.get(entry.principal);
    if (list) list.push(entry);
    else byPrincipal.set(entry.principal, [entry]);
  }
  return byPrincipal;
}
