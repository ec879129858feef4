import { describeDecision } from './describe-decision';
import type { AccessDecision } from './evaluate-request';
import {
  compliantAssumeContext,
  isRole,
  requestOf,
  resolveTarget,
  roleTarget,
  type RequestTarget,
  type StackPrincipal,
} from './principal-requests';
import { roleProbes, type RoleProbe } from './role-probes';
import { ONE_BY_ONE, SharedEvaluations, type RequestEvaluator } from './shared-evaluations';
import type { StackPrincipals } from '../access/stack-principals';

/** One cell of the access matrix: who, what, on what, the decision and why. */
export interface MatrixEntry {
  /** User or role name. */
  readonly principal: string;
  /** The one IAM action requested. */
  readonly action: string;
  /** Resource ARN. */
  readonly resource: string;
  /** The role name for a role of the stack, else the ARN. */
  readonly target: string;
  /** Allowed, ExplicitlyDenied, ImplicitlyDenied, or Invalid (the request cannot be evaluated). */
  readonly decision: AccessDecision['decision'];
  /** Deciding policies and statements. */
  readonly deciding: AccessDecision['deciding'];
  /** The deciding policy and statement in words. */
  readonly because: string;
  /** The request context it was asked with (MFA, external id, session name, token issue time…). */
  readonly context: Readonly<Record<string, string>>;
  /** For role probes: why the request is tried. @default none */
  readonly probe?: RoleProbe['kind'];
}

/** Who may assume which role, and what each role may then do. */
export interface AccessMatrix {
  /** Every user × every role: sts:AssumeRole, asked the way the role's trust policy asks (MFA, external id, session name). */
  readonly assume: readonly MatrixEntry[];
  /** Every role × its probes. */
  readonly roleActions: readonly MatrixEntry[];
}

/**
 * Evaluates every user against every role, and every role against its probes.
 * One request at a time: started all at once, 50,000 evaluations of a 1,000-user
 * stack held every one's working state at the same time (1.5 GB, most of the CPU in GC).
 * `evaluator` shares one evaluation between principals whose requests cannot differ
 * (see {@link SharedEvaluations}); {@link ONE_BY_ONE} evaluates each on its own.
 */
export async function buildAccessMatrix(
  principals: StackPrincipals,
  evaluator: RequestEvaluator = new SharedEvaluations(),
): Promise<AccessMatrix> {
  const assume: MatrixEntry[] = [];
  const targets = principals.roles.map((role) => ({ role, target: roleTarget(role) }));
  for (const user of principals.users) {
    for (const { role, target } of targets) {
      assume.push(
        await decide(user, 'sts:AssumeRole', target, compliantAssumeContext(role, user), undefined, evaluator),
      );
    }
  }
  const roleActions: MatrixEntry[] = [];
  for (const role of principals.roles) {
    for (const probe of roleProbes(role)) {
      const target = resolveTarget(probe.resource, role, principals.roles);
      roleActions.push(await decide(role, probe.action, target, {}, probe.kind, evaluator));
    }
  }
  return { assume, roleActions };
}

/** Evaluates one request of `principal` and words the outcome. */
export async function decide(
  principal: StackPrincipal,
  action: string,
  target: RequestTarget,
  context: Readonly<Record<string, string>> = {},
  probe?: RoleProbe['kind'],
  evaluator: RequestEvaluator = ONE_BY_ONE,
): Promise<MatrixEntry> {
  const request = requestOf(principal, action, target, context);
  const decision = await evaluator.decide(
    request,
    isRole(principal) ? { arn: request.principal } : { arn: principal.arn, userName: principal.name },
  );
  return {
    principal: principal.name,
    action,
    resource: target.resource,
    target: target.label,
    context,
    decision: decision.decision,
    deciding: decision.deciding,
    because: describeDecision(
      decision,
      target.resourcePolicy ? 'trust policy' : undefined,
      isRole(principal) ? principal.permissionsBoundary?.label : undefined,
    ),
    ...(probe && { probe }),
  };
}
