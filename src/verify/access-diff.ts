// Over 200 lines for one concept: pairing the requests of two stacks and deciding what each side gains or
// loses; the types a diff report is made of sit with the function that builds them.
import { compareNames } from '../name-order';
import { decide, type MatrixEntry } from './access-matrix';
import { explainChange } from './change-causes';
import { compliantAssumeContext, resolveTarget, type StackPrincipal } from './principal-requests';
import { roleProbes, type RoleProbe } from './role-probes';
import {
  readStackPrincipals,
  type StackPrincipals,
  type StackRoleAccess,
  type StackUser,
} from '../access/stack-principals';
import type { SynthesizedStackJson } from '../access/synthesized-stack';

// Loads the IAM evaluator (AGPL-3.0, a devDependency): import this module lazily, never from ./index.

/** What one side decided for a request, and why. */
export interface SideDecision {
  readonly decision: MatrixEntry['decision'];
  /** The deciding policy and statement in words, as verify prints them. */
  readonly reason: string;
}

/** One request whose access differs between the base and the head. */
export interface AccessChange {
  /** User or role name. */
  readonly principal: string;
  readonly principalKind: 'user' | 'role';
  /** The one IAM action requested. */
  readonly action: string;
  /** The role's name for sts:AssumeRole (its ARN when two roles share the name), else the resource ARN. */
  readonly resource: string;
  /** The base's decision; null when the principal or the role does not exist there. */
  readonly before: SideDecision | null;
  /** The head's decision; null when the principal or the role does not exist there. */
  readonly after: SideDecision | null;
  /** The settings change that caused it, when the two sides' policies tell; null when they do not. */
  readonly because: string | null;
}

/** Who gained and who lost which access. */
export interface AccessDiff {
  /** Requests not allowed (or not possible) on the base and allowed on the head. */
  readonly gained: readonly AccessChange[];
  /** Requests allowed on the base and not on the head. */
  readonly lost: readonly AccessChange[];
  /** How many requests were evaluated on each side (the union of both sides' users × roles and role probes). */
  readonly compared: number;
}

/** A diff with the names of its sides, as the report formats print it. */
export interface DiffReport {
  /** How the base is named: a path, or `main:config/default.yaml (3f2a1bc)`. */
  readonly base: string;
  readonly head: string;
  readonly diff: AccessDiff;
}

/** One request evaluated on one side, with what the evaluation read. */
export interface EvaluatedRequest {
  readonly entry: MatrixEntry;
  /** The user or role that asked. */
  readonly principal: StackPrincipal;
  /** For sts:AssumeRole: the role asked for (its trust policy took part). @default none */
  readonly role?: StackRoleAccess;
}

/** One request on both sides; a side without the principal (or the role asked for) has no evaluation. */
export interface PairedRequest {
  readonly principal: Pair<StackPrincipal>;
  readonly principalKind: 'user' | 'role';
  /** For sts:AssumeRole: the role on each side. @default none */
  readonly role?: Pair<StackRoleAccess>;
  readonly action: string;
  readonly resource: string;
  readonly before?: EvaluatedRequest;
  readonly after?: EvaluatedRequest;
}

/** The same principal on the base and on the head (matched by ARN). */
export interface Pair<T> {
  readonly before?: T;
  readonly after?: T;
}

/** Options of {@link diffStacks} and {@link diffAccess}. */
export interface AccessDiffOptions {
  /**
   * Request context of the role sessions that make the role probes, e.g. the
   * `aws:TokenIssueTime` of sessions already handed out, which a
   * `revokeSessionsBefore` denies. @default none: a session no condition on it can tell apart
   */
  readonly roleSessionContext?: Readonly<Record<string, string>>;
}

/** Rebuilds both stacks' principals and compares their access. */
export async function diffStacks(
  base: { readonly label: string; readonly stack: SynthesizedStackJson },
  head: { readonly label: string; readonly stack: SynthesizedStackJson },
  options: AccessDiffOptions = {},
): Promise<DiffReport> {
  const [before, after] = await Promise.all([readStackPrincipals(base.stack), readStackPrincipals(head.stack)]);
  return { base: base.label, head: head.label, diff: await diffAccess(before, after, options) };
}

/**
 * Evaluates what verify's matrix asks, on both sides: every user × every role
 * (sts:AssumeRole, asked the way each role requires) and each role's probes, the
 * union of both sides' so that a probe new on one side is asked on the other
 * too. Lists only the requests allowed on one side and not on the other.
 */
export async function diffAccess(
  base: StackPrincipals,
  head: StackPrincipals,
  options: AccessDiffOptions = {},
): Promise<AccessDiff> {
  const sessionContext = options.roleSessionContext ?? {};
  const users = pairByArn(base.users, head.users);
  const roles = pairByArn(base.roles, head.roles);
  const label = roleLabels(roles);
  const requests: Promise<PairedRequest>[] = [];
  for (const user of users)
    for (const role of roles) {
      const assume = (side: StackPrincipals, who?: StackUser, asked?: StackRoleAccess) =>
        who && asked
          ? evaluate(who, 'sts:AssumeRole', asked.arn, side, compliantAssumeContext(asked, who), asked)
          : undefined;
      requests.push(
        pairRequest({ principal: user, principalKind: 'user', role, action: 'sts:AssumeRole', resource: label(role) }, [
          assume(base, user.before, role.before),
          assume(head, user.after, role.after),
        ]),
      );
    }
  for (const role of roles)
    for (const probe of unionProbes(role)) {
      const run = (side: StackPrincipals, who?: StackRoleAccess) =>
        who && evaluate(who, probe.action, probe.resource, side, sessionContext, undefined, probe.kind);
      requests.push(
        pairRequest({ principal: role, principalKind: 'role', action: probe.action, resource: probe.resource }, [
          run(base, role.before),
          run(head, role.after),
        ]),
      );
    }
  const paired = await Promise.all(requests);
  const allowed = (side?: EvaluatedRequest) => side?.entry.decision === 'Allowed';
  return {
    gained: paired.filter((request) => !allowed(request.before) && allowed(request.after)).map(toChange),
    lost: paired.filter((request) => allowed(request.before) && !allowed(request.after)).map(toChange),
    compared: paired.length,
  };
}

async function evaluate(
  principal: StackPrincipal,
  action: string,
  on: string,
  side: StackPrincipals,
  context: Readonly<Record<string, string>>,
  role?: StackRoleAccess,
  probe?: RoleProbe['kind'],
): Promise<EvaluatedRequest> {
  const entry = await decide(principal, action, resolveTarget(on, principal, side.roles), context, probe);
  return { entry, principal, ...(role && { role }) };
}

async function pairRequest(
  request: Omit<PairedRequest, 'before' | 'after'>,
  [before, after]: readonly [Promise<EvaluatedRequest> | undefined, Promise<EvaluatedRequest> | undefined],
): Promise<PairedRequest> {
  const [base, head] = await Promise.all([before, after]);
  return { ...request, ...(base && { before: base }), ...(head && { after: head }) };
}

function toChange(request: PairedRequest): AccessChange {
  const side = (evaluated?: EvaluatedRequest): SideDecision | null =>
    evaluated ? { decision: evaluated.entry.decision, reason: evaluated.entry.because } : null;
  const because = explainChange(request);
  return {
    principal: (request.principal.after ?? request.principal.before)!.name,
    principalKind: request.principalKind,
    action: request.action,
    resource: request.resource,
    before: side(request.before),
    after: side(request.after),
    because: because.length > 0 ? because.join('; ') : null,
  };
}

/** Users or roles of both sides, matched by ARN, in name order (a role moved to another account is two). */
function pairByArn<T extends { readonly arn: string; readonly name: string }>(
  before: readonly T[],
  after: readonly T[],
): Pair<T>[] {
  const pairs = new Map<string, { before?: T; after?: T }>();
  for (const item of before) pairs.set(item.arn, { before: item });
  for (const item of after) pairs.set(item.arn, { ...pairs.get(item.arn), after: item });
  const name = (pair: Pair<T>) => (pair.after ?? pair.before)!.name;
  return [...pairs.values()].sort((a, b) => compareNames(name(a), name(b)));
}

/** A role is named by its name, or by its ARN when another role of either side has the same name. */
function roleLabels(roles: readonly Pair<StackRoleAccess>[]): (role: Pair<StackRoleAccess>) => string {
  const count = new Map<string, number>();
  for (const role of roles) {
    const { name } = (role.after ?? role.before)!;
    count.set(name, (count.get(name) ?? 0) + 1);
  }
  return (role) => {
    const { name, arn } = (role.after ?? role.before)!;
    return count.get(name) === 1 ? name : arn;
  };
}

const PROBE_ORDER: readonly RoleProbe['kind'][] = ['granted', 'other-bucket', 'dangerous'];

/**
 * The probes of a role on either side, once each and in verify's order (its
 * buckets, other buckets, dangerous actions): a probe new on one side is asked
 * on the other too, so that a new grant shows what the role could not do before.
 */
function unionProbes(role: Pair<StackRoleAccess>): RoleProbe[] {
  const probes = [...(role.before ? roleProbes(role.before) : []), ...(role.after ? roleProbes(role.after) : [])];
  const seen = new Set<string>();
  return probes
    .filter((probe) => {
      const key = `${probe.action} ${probe.resource}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => PROBE_ORDER.indexOf(a.kind) - PROBE_ORDER.indexOf(b.kind));
}
