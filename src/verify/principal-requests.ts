import { assumedRoleArn, parseArn } from '../policies/arn';
import type { AccessRequest } from './evaluate-request';
import type { StackRoleAccess, StackUser } from '../access/stack-principals';
import { trustRequirements } from '../policies/trust-requirements';

/** A user or role of the stack that makes requests. */
export type StackPrincipal = StackUser | StackRoleAccess;

/** What a request is made on: a resource ARN, its account and its resource policy if the stack has one. */
export interface RequestTarget {
  /** The resource ARN, or `*`. */
  readonly resource: string;
  /** Display name: the role name for a role of the stack, else the ARN. */
  readonly label: string;
  readonly accountId: string;
  /** A role's trust policy when the target is a role of the stack. @default none */
  readonly resourcePolicy?: StackRoleAccess['trustPolicy'];
}

/** True for a role (it has a trust policy), false for a user. */
export function isRole(principal: StackPrincipal): principal is StackRoleAccess {
  return 'trustPolicy' in principal;
}

/**
 * What `on` names: a role of the stack by name or ARN (its trust policy is the
 * resource policy), or any other ARN. S3 ARNs carry no account: the bucket is
 * taken to be in the principal's own account, so that its identity policies
 * alone decide (the strictest reading of "may this role touch that bucket").
 */
export function resolveTarget(on: string, principal: StackPrincipal, roles: readonly StackRoleAccess[]): RequestTarget {
  const role = roles.find((candidate) => candidate.name === on || candidate.arn === on);
  if (role) return roleTarget(role);
  const accountInArn = parseArn(on)?.account ?? '';
  return {
    resource: on,
    label: on,
    accountId: /^\d{12}$/.test(accountInArn) ? accountInArn : principal.accountId,
  };
}

/** A role of the stack as a target: its ARN, in its account, its trust policy the resource policy. */
export function roleTarget(role: StackRoleAccess): RequestTarget {
  return { resource: role.arn, label: role.name, accountId: role.accountId, resourcePolicy: role.trustPolicy };
}

/** The request `principal` makes for `action` on `target`: its own identity policies, the target's resource policy. */
export function requestOf(
  principal: StackPrincipal,
  action: string,
  target: RequestTarget,
  context: Readonly<Record<string, string>> = {},
): AccessRequest {
  return {
    // A role acts through a session of it, as after sts:AssumeRole.
    principal: isRole(principal)
      ? assumedRoleArn(principal.partition, principal.accountId, principal.name, 'cross-account-verify')
      : principal.arn,
    action,
    resource: target.resource,
    resourceAccountId: target.accountId,
    identityPolicies: identityPoliciesOf(principal),
    ...(target.resourcePolicy && { resourcePolicy: target.resourcePolicy }),
    ...(isRole(principal) &&
      principal.permissionsBoundary?.document && {
        permissionsBoundary: {
          label: principal.permissionsBoundary.label,
          document: principal.permissionsBoundary.document,
        },
      }),
    // What AWS itself puts in an IAM user's request context (policy variables such as ${aws:username} read it).
    context: isRole(principal) ? context : { 'aws:username': principal.name, ...context },
  };
}

const identityPolicyLists = new WeakMap<StackPrincipal, AccessRequest['identityPolicies']>();

/**
 * The identity policies of `principal` that have a document, as one list for
 * all its requests: a 1,000-user matrix asks 50 times per user, and what is
 * worked out from a list (its documents' ids) is kept per list.
 */
function identityPoliciesOf(principal: StackPrincipal): AccessRequest['identityPolicies'] {
  let policies = identityPolicyLists.get(principal);
  if (!policies) {
    policies = principal.policies.flatMap((policy) =>
      policy.document ? [{ label: policy.label, document: policy.document }] : [],
    );
    identityPolicyLists.set(principal, policies);
  }
  return policies;
}

/**
 * The context of a user who assumes `role` the way it asks (what `cross-account
 * assume` sends): MFA when its trust requires it, its external id, and a session
 * named after the user. The matrix asks with it, so it shows who gets in when
 * doing it right; expectations can ask without.
 */
export function compliantAssumeContext(role: StackRoleAccess, user: StackUser): Record<string, string> {
  const requirements = trustRequirements(role.trustPolicy);
  return {
    'sts:RoleSessionName': user.name,
    ...(requirements.mfa && { 'aws:MultiFactorAuthPresent': 'true', 'aws:MultiFactorAuthAge': '0' }),
    ...(requirements.externalId !== undefined && { 'sts:ExternalId': requirements.externalId }),
  };
}
