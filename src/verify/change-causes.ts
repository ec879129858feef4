import type { EvaluatedRequest, PairedRequest } from './access-diff';
import type { DecidingStatement } from './evaluate-request';
import { isRole } from './principal-requests';
import { toPolicyObject, type PolicyDocument } from '../policies/policy-statement';
import type { PrincipalPolicy } from '../access/stack-principals';

/**
 * The settings changes behind one gained or lost request, read from the
 * deciding statements on both sides (a membership, a group's or user's allow or
 * deny, a role's policy or trust, a managed policy attached or detached). A
 * statement counts only when it decided on one side and is different or gone on
 * the other, and only where the other side's decision shows it could matter
 * (the kind of policy that lacked an allow there, or a deny). Empty when nothing
 * changed that way: the diff then says nothing rather than guess.
 */
export function explainChange(request: PairedRequest): string[] {
  const { before, after } = request;
  if (!before || !after) return existenceCauses(request);
  const gained = after.entry.decision === 'Allowed';
  const [allowing, refusing] = gained ? [after, before] : [before, after];
  const when = gained ? 'now' : 'no longer';
  const missing = new Set(
    refusing.entry.decision === 'ImplicitlyDenied' ? refusing.entry.deciding.map((reason) => reason.policyType) : [],
  );
  const grants = allowing.entry.deciding.flatMap((reason) => {
    const status = statementStatus(reason, allowing, refusing);
    // An explicit deny hides whether the other side allowed: only an allow that is gone there counts.
    const matters = missing.has(reason.policyType) || (missing.size === 0 && status.gone);
    return matters && isChanged(status) ? [describe(status, 'allows', when)] : [];
  });
  const denies =
    refusing.entry.decision === 'ExplicitlyDenied'
      ? refusing.entry.deciding.flatMap((reason) => {
          const status = statementStatus(reason, refusing, allowing);
          return isChanged(status) ? [describe(status, 'denies', gained ? 'no longer' : 'now')] : [];
        })
      : [];
  return [...new Set([...grants, ...denies])];
}

/** A statement that decided on one side and is gone or different on the other. */
interface ChangedStatement {
  /** Gone with a membership, with its whole policy, or by itself; or there but different. */
  readonly kind: 'membership' | 'policy' | 'statement' | 'changed';
  /** True when it is not there at all on the other side (not merely different). */
  readonly gone: boolean;
  /** The user or role that made the request. */
  readonly principal: string;
  /** The identity policy that holds it. @default none: the trust policy of {@link role} */
  readonly policy?: PrincipalPolicy;
  /** The role whose trust policy holds it. @default none */
  readonly role?: string;
  /** Its Sid, or `#<n>`. */
  readonly statement: string;
}

/** How a statement that decided on one side stands on the other: the same, changed, or unknown (say nothing). */
type StatementStatus = ChangedStatement | { readonly kind: 'same' | 'unknown'; readonly gone: false };

function isChanged(status: StatementStatus): status is ChangedStatement {
  return status.kind !== 'same' && status.kind !== 'unknown';
}

function statementStatus(reason: DecidingStatement, from: EvaluatedRequest, other: EvaluatedRequest): StatementStatus {
  const principal = from.principal.name;
  if (reason.statement === undefined) return { kind: 'unknown', gone: false };
  if (reason.policyType === 'resource') {
    if (!from.role || !other.role) return { kind: 'unknown', gone: false };
    const compared = compareStatements(from.role.trustPolicy, other.role.trustPolicy, reason.statement);
    if (compared === 'same') return { kind: 'same', gone: false };
    return {
      kind: compared,
      gone: compared === 'statement',
      principal,
      role: from.role.name,
      statement: reason.statement,
    };
  }
  const policy = from.principal.policies.find((candidate) => candidate.label === reason.policy);
  if (reason.policyType !== 'identity' || !policy) return { kind: 'unknown', gone: false };
  const found = { principal, policy, statement: reason.statement };
  if (
    policy.holder.kind === 'group' &&
    !isRole(other.principal) &&
    !other.principal.groups.includes(policy.holder.name)
  )
    return { kind: 'membership', gone: true, ...found };
  const counterpart = other.principal.policies.find(
    (candidate) =>
      candidate.holder.kind === policy.holder.kind &&
      candidate.holder.name === policy.holder.name &&
      candidate.name === policy.name,
  );
  if (!counterpart) return { kind: 'policy', gone: true, ...found };
  if (!policy.document || !counterpart.document) return { kind: 'unknown', gone: false };
  const compared = compareStatements(policy.document, counterpart.document, reason.statement);
  return compared === 'same'
    ? { kind: 'same', gone: false }
    : { kind: compared, gone: compared === 'statement', ...found };
}

/** Whether statement `id` (a Sid, or `#<n>` counted from 1) of `document` is in `other`, and the same there. */
function compareStatements(
  document: PolicyDocument,
  other: PolicyDocument,
  id: string,
): 'same' | 'statement' | 'changed' {
  const mine = statementJson(document, id);
  const theirs = statementJson(other, id);
  if (theirs === undefined) return 'statement';
  return mine === theirs ? 'same' : 'changed';
}

function statementJson(document: PolicyDocument, id: string): string | undefined {
  const index = /^#\d+$/.test(id)
    ? Number(id.slice(1)) - 1
    : document.statements.findIndex((statement) => statement.sid === id);
  const statement = document.statements[index];
  return statement && JSON.stringify(toPolicyObject({ statements: [statement] }).Statement);
}

/** The change in the words of the settings: a membership, a group's allow, a role's trust, a managed policy. */
function describe(status: ChangedStatement, effect: 'allows' | 'denies', when: 'now' | 'no longer'): string {
  const { principal, policy, statement } = status;
  if (!policy) return `role ${status.role}'s trust policy ${when} ${effect} it (${statement})`;
  const { kind: holderKind, name: holder } = policy.holder;
  if (status.kind === 'membership') {
    const verb = when === 'now' ? 'joined' : 'left';
    const which = effect === 'allows' ? '' : `, which ${when === 'now' ? 'denies' : 'denied'} it`;
    return `membership: ${principal} ${verb} ${holder}${which}`;
  }
  if (status.kind === 'policy' && policy.origin === 'aws-managed')
    return `managed policy ${policy.name} ${when === 'now' ? 'attached to' : 'detached from'} ${holderKind} ${holder}`;
  const subject =
    holderKind === 'group'
      ? `group ${holder}`
      : holderKind === 'user'
        ? `user ${holder}'s own policy`
        : `role ${holder}'s policy`;
  return `${subject} ${when} ${effect} it (${policy.name}, ${statement})`;
}

/** A principal or role that exists on one side only: new or removed, with the groups a new user gets it through. */
function existenceCauses(request: PairedRequest): string[] {
  const kind = request.principalKind;
  const causes: string[] = [];
  const { principal, role } = request;
  if (!principal.before) {
    const through = request.after?.entry.deciding.flatMap((reason) => {
      const policy = request.after?.principal.policies.find((candidate) => candidate.label === reason.policy);
      return policy?.holder.kind === 'group' ? [policy.holder.name] : [];
    });
    const groups = [...new Set(through)];
    const via = groups.length === 0 ? '' : `, in group${groups.length > 1 ? 's' : ''} ${groups.join(', ')}`;
    causes.push(`new ${kind} ${principal.after?.name}${via}`);
  } else if (!principal.after) causes.push(`${kind} ${principal.before.name} removed`);
  if (role && !role.before) causes.push(`new role ${role.after?.name}`);
  else if (role && !role.after) causes.push(`role ${role.before?.name} removed`);
  return causes;
}
