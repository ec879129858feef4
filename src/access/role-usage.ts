import { UserError } from '../user-error';
import { statementsOf, type PolicyJson } from '../policies/policy-json';
import { listStackRoles, resolveReferences, type StackRole } from './stack-roles';
import { listResources, type SynthesizedStackJson } from './synthesized-stack';
import { trustRequirements, type TrustRequirements } from '../policies/trust-requirements';

/** A role of the stack with what a person needs to use it after deploy. */
export interface RoleUsage extends StackRole {
  /** AWS CLI profile name: from the role's `role_<name>` output. @default the role name */
  readonly profileName: string;
  /** Profile the role is assumed from: the identity account provider's profile. @default `default` */
  readonly sourceProfile: string;
  /** Region of the role account's provider. @default us-east-1 */
  readonly region: string;
  /** Account id of the principals the trust policy names (the identity account). @default none */
  readonly identityAccountId?: string;
  /** What the trust policy asks for: MFA, external id, session name. */
  readonly requirements: TrustRequirements;
  /** The console's switch-role URL from the role's output. @default none */
  readonly switchRoleUrl?: string;
}

/** Every role of the stack as a {@link RoleUsage}, in name order. */
export function listRoleUsages(stack: SynthesizedStackJson): RoleUsage[] {
  const providers = stack.provider?.aws ?? [];
  const providerOf = (alias: string) => providers.find((provider) => provider.alias === alias);
  const providerOfAccount = (id: string) =>
    providers.find((provider) => (provider.allowed_account_ids as string[] | undefined)?.includes(id));
  return listStackRoles(stack).map((role) => {
    const output = outputOf(stack, role);
    const identityAccountId = trustedAccountId(role.trustPolicy, stack);
    const identityProvider = identityAccountId ? providerOfAccount(identityAccountId) : undefined;
    const region = providerOf(role.account)?.region;
    const profileText = typeof output?.aws_config_profile === 'string' ? output.aws_config_profile : '';
    return {
      ...role,
      profileName: /^\[profile ([^\]]+)\]/m.exec(profileText)?.[1].trim() ?? role.name,
      sourceProfile: typeof identityProvider?.profile === 'string' ? identityProvider.profile : 'default',
      region: typeof region === 'string' ? region : 'us-east-1',
      ...(identityAccountId && { identityAccountId }),
      requirements: trustRequirements(role.trustPolicy),
      ...(typeof output?.switch_role_url === 'string' && {
        switchRoleUrl: resolveReferences(output.switch_role_url, stack),
      }),
    };
  });
}

/**
 * The role named (IAM name or profile name) or with that ARN. A name not in the
 * stack is the user's mistake: a {@link UserError} listing the roles there are.
 */
export function findRoleUsage(stack: SynthesizedStackJson, nameOrArn: string): RoleUsage {
  const roles = listRoleUsages(stack);
  const role = roles.find((r) => r.name === nameOrArn || r.arn === nameOrArn || r.profileName === nameOrArn);
  if (role) return role;
  const names = roles.map((r) => r.name).join(', ') || 'none';
  throw new UserError(`role "${nameOrArn}" is not in the settings (roles: ${names})`);
}

/** The buckets a role's attached or inline policies allow it to use, with the object actions on each. */
export function roleBucketGrants(
  stack: SynthesizedStackJson,
  role: StackRole,
): { readonly bucket: string; readonly objectActions: readonly string[] }[] {
  const resources = listResources(stack);
  const roleNameRef = `\${${role.address}.name}`;
  const policyArns = resources
    .filter((r) => r.type === 'aws_iam_role_policy_attachment' && r.attributes.role === roleNameRef)
    .map((r) => resolveReferences(String(r.attributes.policy_arn), stack));
  const documents = [
    ...resources
      .filter(
        (r) =>
          r.type === 'aws_iam_policy' && policyArns.includes(resolveReferences(`\${${r.type}.${r.name}.arn}`, stack)),
      )
      .map((r) => String(r.attributes.policy)),
    ...resources
      .filter((r) => r.type === 'aws_iam_role_policy' && r.attributes.role === roleNameRef)
      .map((r) => String(r.attributes.policy)),
  ].map((text) => JSON.parse(resolveReferences(text, stack)) as PolicyJson);
  const grants = new Map<string, Set<string>>();
  for (const statement of documents.flatMap(statementsOf).filter((s) => s.Effect === 'Allow')) {
    for (const resource of [statement.Resource ?? []].flat()) {
      const bucket = /^arn:aws[\w-]*:s3:::([^/*]+)(\/\*)?$/.exec(resource);
      if (!bucket) continue;
      const actions = grants.get(bucket[1]) ?? new Set<string>();
      if (bucket[2]) for (const action of [statement.Action ?? []].flat()) actions.add(action);
      grants.set(bucket[1], actions);
    }
  }
  return [...grants].map(([bucket, actions]) => ({ bucket, objectActions: [...actions].sort() }));
}

/** `${aws_iam_role.x.arn}` in an output's `arn` names the role the output describes. */
function outputOf(stack: SynthesizedStackJson, role: StackRole): Readonly<Record<string, unknown>> | undefined {
  const arnRef = `\${${role.address}.arn}`;
  return Object.values(stack.output ?? {})
    .map((output) => output.value as Readonly<Record<string, unknown>> | undefined)
    .find((value) => value?.arn === arnRef || value?.arn === role.arn);
}

/** Account id of the first AWS principal (`arn:aws:iam::<id>:root`, or a user or role there by reference). */
function trustedAccountId(policy: PolicyJson, stack: SynthesizedStackJson): string | undefined {
  for (const statement of statementsOf(policy)) {
    const principal = statement.Principal;
    if (!principal || principal === '*') continue;
    for (const reference of [principal.AWS ?? []].flat()) {
      const arn = resolveReferences(reference, stack);
      const id = /^arn:aws[\w-]*:iam::(\d{12}):/.exec(arn)?.[1] ?? (/^\d{12}$/.test(arn) ? arn : undefined);
      if (id) return id;
    }
  }
  return undefined;
}
