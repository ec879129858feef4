import { awsManagedPolicyDocument, isAwsManagedPolicyArn } from './aws-managed-policies';
import type { PolicyJson } from '../policies/policy-json';
import { listStackRoles, resolveReferences, type StackRole } from './stack-roles';
import { accountIdsByAlias, listResources, type SynthesizedStackJson } from './synthesized-stack';

/** Where a principal's policy comes from. */
export type PolicyOrigin = 'inline' | 'customer-managed' | 'aws-managed';

/** One identity policy that applies to a principal, as the stack will attach it. */
export interface PrincipalPolicy {
  /** Unique per principal: `Developers/AssumeCrossAccountRoles` (holder/name) for users, the policy name for roles. */
  readonly label: string;
  /** The policy's name. */
  readonly name: string;
  /** The user, group or role it is put on or attached to. */
  readonly holder: { readonly kind: 'user' | 'group' | 'role'; readonly name: string };
  /** Inline, customer managed (an aws_iam_policy) or AWS managed. */
  readonly origin: PolicyOrigin;
  /** The managed policy's ARN. @default none (inline policies have none) */
  readonly arn?: string;
  /** The document, references resolved; undefined when neither the stack nor AWS's managed policies hold it. */
  readonly document?: PolicyJson;
}

/** A user of the stack with every identity policy that applies to it, its groups' included. */
export interface StackUser {
  /** IAM user name. */
  readonly name: string;
  /** Account key (provider alias) that holds it. */
  readonly account: string;
  /** That account's pinned id. */
  readonly accountId: string;
  /** The ARN it will have: `arn:aws:iam::<account id>:user/<name>`. */
  readonly arn: string;
  /** Names of the groups it is made a member of. */
  readonly groups: readonly string[];
  /** Its own policies, then its groups'. */
  readonly policies: readonly PrincipalPolicy[];
}

/** A role of the stack with its identity policies (trust policy references resolved). */
export interface StackRoleAccess extends StackRole {
  /** Attached and inline identity policies. */
  readonly policies: readonly PrincipalPolicy[];
}

/** Every user and role of the stack with its policies, in name order. */
export interface StackPrincipals {
  /** Every user (the identity account's). */
  readonly users: readonly StackUser[];
  /** Every role (the trusting accounts'). */
  readonly roles: readonly StackRoleAccess[];
  /** Every identity policy of the stack, once each (a group's with or without members). */
  readonly policies: readonly PrincipalPolicy[];
}

type Holder = PrincipalPolicy['holder'];

/**
 * Rebuilds each principal's policies from the synthesized JSON, the way IAM will
 * see them once applied: a user's inline and attached policies plus those of the
 * groups it joins (aws_iam_user_group_membership); a role's attached (customer or
 * AWS managed) and inline policies.
 */
export async function readStackPrincipals(stack: SynthesizedStackJson): Promise<StackPrincipals> {
  const resources = listResources(stack);
  const ids = accountIdsByAlias(stack);
  const resolve = (text: unknown) => resolveReferences(String(text), stack);
  const customerPolicies = new Map(
    resources
      .filter((resource) => resource.type === 'aws_iam_policy')
      .map((resource) => [
        resolve(`\${aws_iam_policy.${resource.name}.arn}`),
        { name: String(resource.attributes.name), document: parsePolicy(resolve(resource.attributes.policy)) },
      ]),
  );

  const byHolder = new Map<string, PrincipalPolicy[]>();
  const add = (holder: Holder, policy: Omit<PrincipalPolicy, 'holder' | 'label'>) => {
    const key = `${holder.kind}/${holder.name}`;
    const label = holder.kind === 'role' ? policy.name : `${holder.name}/${policy.name}`;
    byHolder.set(key, [...(byHolder.get(key) ?? []), { ...policy, holder, label }]);
  };
  const inline = { aws_iam_user_policy: 'user', aws_iam_group_policy: 'group', aws_iam_role_policy: 'role' } as const;
  const attached = {
    aws_iam_user_policy_attachment: 'user',
    aws_iam_group_policy_attachment: 'group',
    aws_iam_role_policy_attachment: 'role',
  } as const;
  const memberships = new Map<string, string[]>();

  for (const { type, attributes } of resources) {
    if (type in inline) {
      const kind = inline[type as keyof typeof inline];
      add(
        { kind, name: resolve(attributes[kind]) },
        { name: String(attributes.name), origin: 'inline', document: parsePolicy(resolve(attributes.policy)) },
      );
    } else if (type in attached) {
      const kind = attached[type as keyof typeof attached];
      const arn = resolve(attributes.policy_arn);
      const customer = customerPolicies.get(arn);
      add(
        { kind, name: resolve(attributes[kind]) },
        isAwsManagedPolicyArn(arn)
          ? {
              name: arn.split('/').at(-1) ?? arn,
              origin: 'aws-managed',
              arn,
              document: await awsManagedPolicyDocument(arn),
            }
          : { name: customer?.name ?? arn.split('/').at(-1) ?? arn, origin: 'customer-managed', arn, ...customer },
      );
    } else if (type === 'aws_iam_user_group_membership') {
      const user = resolve(attributes.user);
      const groups = ((attributes.groups as unknown[] | undefined) ?? []).map(resolve);
      memberships.set(user, [...(memberships.get(user) ?? []), ...groups]);
    }
  }

  const policiesOf = (kind: Holder['kind'], name: string) => byHolder.get(`${kind}/${name}`) ?? [];
  const users = resources
    .filter((resource) => resource.type === 'aws_iam_user')
    .map((resource): StackUser => {
      const name = String(resource.attributes.name);
      const accountId = ids.get(resource.account) ?? '000000000000';
      const groups = memberships.get(name) ?? [];
      return {
        name,
        account: resource.account,
        accountId,
        arn: resolve(`\${aws_iam_user.${resource.name}.arn}`),
        groups,
        policies: [...policiesOf('user', name), ...groups.flatMap((group) => policiesOf('group', group))],
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  // listStackRoles already reads each trust policy as AWS will (references resolved).
  const roles = listStackRoles(stack).map((role) => ({ ...role, policies: policiesOf('role', role.name) }));
  return { users, roles, policies: [...byHolder.values()].flat() };
}

function parsePolicy(text: string): PolicyJson | undefined {
  try {
    return JSON.parse(text) as PolicyJson;
  } catch {
    return undefined;
  }
}
