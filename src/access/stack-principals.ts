// Over 200 lines for one concept: rebuilding each user and role of a synthesized stack with every policy that
// applies to it (inline, attached, group, boundary, existing outside the stack), which verify and diff read.
import { compareNames } from '../name-order';
import { isAwsManagedPolicyArn, type Partition } from '../policies/arn';
import { parsePolicyDocument, type PolicyDocument } from '../policies/policy-statement';
import { awsManagedPolicyDocument } from './aws-managed-policies';
import { readExistingResources, type ExistingResource } from './existing-resources';
import { listStackRoles, resolveReferences, type StackRole } from './stack-roles';
import { listDataSources, listResources, providerAccount, type SynthesizedStackJson } from './synthesized-stack';

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
  readonly document?: PolicyDocument;
}

/** A user of the stack with every identity policy that applies to it, its groups' included. */
export interface StackUser {
  /** IAM user name. */
  readonly name: string;
  /** Account key (provider alias) that holds it. */
  readonly account: string;
  /** That account's pinned id. */
  readonly accountId: string;
  /** That account's partition. */
  readonly partition: Partition;
  /** That account's region (its provider's). */
  readonly region: string;
  /** The ARN it will have: `arn:<partition>:iam::<account id>:user/<name>`. */
  readonly arn: string;
  /** Names of the groups it is a member of: those the stack makes it join, then those it already belongs to. */
  readonly groups: readonly string[];
  /** Its own policies, then its groups'. */
  readonly policies: readonly PrincipalPolicy[];
  /**
   * The user itself and the groups it is in that exist outside the stack: what was put on them there is not in
   * the JSON, so `policies` holds only the stack's. Empty when the stack creates them all.
   */
  readonly existing: readonly ExistingResource[];
}

/** A role of the stack with its identity policies (trust policy references resolved). */
export interface StackRoleAccess extends StackRole {
  /** Attached and inline identity policies. */
  readonly policies: readonly PrincipalPolicy[];
  /** The managed policy that caps what the policies can allow, with its document when known. @default none */
  readonly permissionsBoundary?: PrincipalPolicy;
  /** The role's account's region (its provider's). */
  readonly region: string;
  /** The role itself when it was imported: policies attached to it outside the stack are not in `policies`. */
  readonly existing: readonly ExistingResource[];
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

/** Every policy of the stack by holder, and every user's groups, read synchronously. */
export interface StackPolicies {
  /** The policies put on or attached to a user, group or role (AWS managed ones without their document). */
  policiesOf(kind: Holder['kind'], name: string): readonly PrincipalPolicy[];
  /** The groups a user is made a member of. */
  groupsOf(userName: string): readonly string[];
  /** Every policy once, holder by holder. */
  readonly all: readonly PrincipalPolicy[];
}

const INLINE_POLICY_TYPES: ReadonlyMap<string, Holder['kind']> = new Map([
  ['aws_iam_user_policy', 'user'],
  ['aws_iam_group_policy', 'group'],
  ['aws_iam_role_policy', 'role'],
]);

const ATTACHMENT_TYPES: ReadonlyMap<string, Holder['kind']> = new Map([
  ['aws_iam_user_policy_attachment', 'user'],
  ['aws_iam_group_policy_attachment', 'group'],
  ['aws_iam_role_policy_attachment', 'role'],
]);

/**
 * Reads which policies the stack puts on each user, group and role: inline
 * policies, attached customer managed policies (with their documents) and
 * attached AWS managed policies (named, their documents not loaded: see
 * {@link readStackPrincipals}).
 */
export function readStackPolicies(stack: SynthesizedStackJson): StackPolicies {
  const resources = listResources(stack);
  const resolve = (text: unknown) => resolveReferences(String(text), stack);
  const customerPolicies = new Map(
    resources
      .filter((resource) => resource.type === 'aws_iam_policy')
      .map((resource) => [
        resolve(`\${aws_iam_policy.${resource.name}.arn}`),
        { name: String(resource.attributes.name), document: parsePolicyDocument(resolve(resource.attributes.policy)) },
      ]),
  );
  const byHolder = new Map<string, PrincipalPolicy[]>();
  const add = (holder: Holder, policy: Omit<PrincipalPolicy, 'holder' | 'label'>) => {
    const key = `${holder.kind}/${holder.name}`;
    const label = holder.kind === 'role' ? policy.name : `${holder.name}/${policy.name}`;
    byHolder.set(key, [...(byHolder.get(key) ?? []), { ...policy, holder, label }]);
  };
  const memberships = new Map<string, string[]>();

  for (const { type, attributes } of resources) {
    const inlineKind = INLINE_POLICY_TYPES.get(type);
    const attachedKind = ATTACHMENT_TYPES.get(type);
    if (inlineKind) {
      add(
        { kind: inlineKind, name: resolve(attributes[inlineKind]) },
        { name: String(attributes.name), origin: 'inline', document: parsePolicyDocument(resolve(attributes.policy)) },
      );
    } else if (attachedKind) {
      const arn = resolve(attributes.policy_arn);
      const customer = customerPolicies.get(arn);
      add(
        { kind: attachedKind, name: resolve(attributes[attachedKind]) },
        isAwsManagedPolicyArn(arn)
          ? { name: arn.split('/').at(-1) ?? arn, origin: 'aws-managed', arn }
          : { name: customer?.name ?? arn.split('/').at(-1) ?? arn, origin: 'customer-managed', arn, ...customer },
      );
    } else if (type === 'aws_iam_user_group_membership') {
      const user = resolve(attributes.user);
      const groups = ((attributes.groups as unknown[] | undefined) ?? []).map(resolve);
      memberships.set(user, [...(memberships.get(user) ?? []), ...groups]);
    }
  }
  return {
    policiesOf: (kind, name) => byHolder.get(`${kind}/${name}`) ?? [],
    groupsOf: (userName) => memberships.get(userName) ?? [],
    all: [...byHolder.values()].flat(),
  };
}

/**
 * Rebuilds each principal's policies from the synthesized JSON, the way IAM will
 * see them once applied: a user's inline and attached policies plus those of the
 * groups it joins (aws_iam_user_group_membership, or memberships the plan checks
 * on an existing group); a role's attached (customer or AWS managed, with AWS's
 * current documents) and inline policies. Users and groups that exist outside
 * the stack are listed in `existing`: only the stack's policies are known of them.
 */
export async function readStackPrincipals(stack: SynthesizedStackJson): Promise<StackPrincipals> {
  const read = readStackPolicies(stack);
  const stackRoles = listStackRoles(stack);
  const managed = new Map<string, Promise<PolicyDocument | undefined>>();
  const managedArns = [
    ...read.all.flatMap((policy) => (policy.origin === 'aws-managed' && policy.arn ? [policy.arn] : [])),
    ...stackRoles.flatMap((role) => role.permissionsBoundaryArn ?? []).filter(isAwsManagedPolicyArn),
  ];
  for (const arn of managedArns) if (!managed.has(arn)) managed.set(arn, awsManagedPolicyDocument(arn));
  const documents = new Map(
    await Promise.all([...managed].map(async ([arn, document]) => [arn, await document] as const)),
  );
  const withDocuments = new Map(
    read.all.map((policy) => [
      policy,
      policy.origin === 'aws-managed' && policy.arn ? { ...policy, document: documents.get(policy.arn) } : policy,
    ]),
  );
  const policiesOf = (kind: Holder['kind'], name: string) =>
    read.policiesOf(kind, name).map((policy) => withDocuments.get(policy) ?? policy);
  const existing = readExistingResources(stack);
  const existingAs = (kind: ExistingResource['kind'], name: string): ExistingResource[] =>
    existing.all.filter((resource) => resource.kind === kind && resource.name === name);
  const userBlocks = [
    ...listResources(stack)
      .filter((resource) => resource.type === 'aws_iam_user')
      .map((resource) => ({ resource, name: resource.attributes.name, address: `aws_iam_user.${resource.name}` })),
    // An existing user the stack only reads (`existing: reference`).
    ...listDataSources(stack)
      .filter((source) => source.type === 'aws_iam_user')
      .map((source) => ({
        resource: source,
        name: source.attributes.user_name,
        address: `data.aws_iam_user.${source.name}`,
      })),
  ];
  const users = userBlocks
    .map(({ resource, name: nameValue, address }): StackUser => {
      const name = String(nameValue);
      const { id: accountId, partition, region } = providerAccount(stack, resource.account);
      const groups = [...read.groupsOf(name), ...existing.existingMembershipsOf(name)];
      return {
        name,
        account: resource.account,
        accountId,
        partition,
        region,
        arn: resolveReferences(`\${${address}.arn}`, stack),
        groups,
        policies: [...policiesOf('user', name), ...groups.flatMap((group) => policiesOf('group', group))],
        existing: [...existingAs('user', name), ...groups.flatMap((group) => existingAs('group', group))],
      };
    })
    .sort((a, b) => compareNames(a.name, b.name));
  const boundaryOf = (role: StackRole): PrincipalPolicy | undefined => {
    const arn = role.permissionsBoundaryArn;
    if (!arn) return undefined;
    const holder = { kind: 'role', name: role.name } as const;
    const name = arn.split('/').at(-1) ?? arn;
    if (isAwsManagedPolicyArn(arn))
      return { label: name, name, holder, origin: 'aws-managed', arn, document: documents.get(arn) };
    const customer = read.all.find((policy) => policy.origin === 'customer-managed' && policy.arn === arn);
    return {
      label: customer?.name ?? name,
      name: customer?.name ?? name,
      holder,
      origin: 'customer-managed',
      arn,
      document: customer?.document,
    };
  };
  // listStackRoles already reads each trust policy as AWS will (references resolved).
  const roles = stackRoles.map((role): StackRoleAccess => {
    const permissionsBoundary = boundaryOf(role);
    return {
      ...role,
      region: providerAccount(stack, role.account).region,
      policies: policiesOf('role', role.name),
      existing: existingAs('role', role.name),
      ...(permissionsBoundary && { permissionsBoundary }),
    };
  });
  return { users, roles, policies: read.all.map((policy) => withDocuments.get(policy) ?? policy) };
}
