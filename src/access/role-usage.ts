import { parseArn } from '../policies/arn';
import { bucketGrants } from '../policies/bucket-grants';
import { actionMatches } from '../policies/action-match';
import type { PolicyDocument } from '../policies/policy-statement';
import { trustRequirements, type TrustRequirements } from '../policies/trust-requirements';
import { UserError } from '../user-error';
import { readStackPolicies } from './stack-principals';
import { listStackRoles, resolveReferences, type StackRole } from './stack-roles';
import { providerAccount, type SynthesizedStackJson } from './synthesized-stack';

/** A role of the stack with what a person needs to use it after deploy. */
export interface RoleUsage extends StackRole {
  /** AWS CLI profile name: the `profile_name` of the role's `role_<name>` output. @default the role name */
  readonly profileName: string;
  /**
   * Profile the role is assumed from: the output's `source_profile` (the settings' `sourceProfile`). Never a
   * provider's deploying profile. @default `default`
   */
  readonly sourceProfile: string;
  /** Region of the role account's provider. */
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
  return listStackRoles(stack).map((role) => {
    const output = outputOf(stack, role);
    const identityAccountId = trustedAccountId(role.trustPolicy);
    const field = (key: string) => (typeof output?.[key] === 'string' ? (output[key] as string) : undefined);
    return {
      ...role,
      profileName: field('profile_name') ?? role.name,
      sourceProfile: field('source_profile') ?? 'default',
      region: field('region') ?? providerAccount(stack, role.account).region,
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
 * stack is the user's mistake: a {@link UserError} naming the stack as `where`
 * (`config/default.yaml`, `the stack in cdktf.out (…)`) and listing its roles.
 */
export function findRoleUsage(stack: SynthesizedStackJson, nameOrArn: string, where = 'the stack'): RoleUsage {
  const roles = listRoleUsages(stack);
  const role = roles.find((r) => r.name === nameOrArn || r.arn === nameOrArn || r.profileName === nameOrArn);
  if (role) return role;
  const names = roles.map((r) => r.name).join(', ') || 'none';
  throw new UserError(`role "${nameOrArn}" is not in ${where}; its roles: ${names}`);
}

/** A bucket a role's own policies name, and the object actions they allow on it. */
export interface RoleBucket {
  readonly bucket: string;
  /** Object actions (on `<bucket>/*`), as written, sorted. */
  readonly objectActions: readonly string[];
}

/** The buckets a role's attached (customer managed) or inline policies allow it to use, with the object actions on each. */
export function roleBucketGrants(stack: SynthesizedStackJson, role: StackRole): RoleBucket[] {
  const documents = readStackPolicies(stack)
    .policiesOf('role', role.name)
    .flatMap((policy): PolicyDocument[] =>
      policy.origin !== 'aws-managed' && policy.document ? [policy.document] : [],
    );
  const buckets = new Map<string, Set<string>>();
  for (const grant of bucketGrants(documents)) {
    const actions = buckets.get(grant.bucket) ?? new Set<string>();
    if (grant.objects) actions.add(grant.action);
    buckets.set(grant.bucket, actions);
  }
  return [...buckets].map(([bucket, actions]) => ({ bucket, objectActions: [...actions].sort() }));
}

/** True when the bucket's object actions include writing objects (`s3:PutObject`, or a wildcard covering it). */
export function allowsObjectWrites(bucket: RoleBucket): boolean {
  return bucket.objectActions.some((action) => actionMatches(action, 's3:PutObject'));
}

/** `${aws_iam_role.x.arn}` in an output's `arn` names the role the output describes. */
function outputOf(stack: SynthesizedStackJson, role: StackRole): Readonly<Record<string, unknown>> | undefined {
  const arnRef = `\${${role.address}.arn}`;
  return Object.values(stack.output ?? {})
    .map((output) => output.value as Readonly<Record<string, unknown>> | undefined)
    .find((value) => value?.arn === arnRef || value?.arn === role.arn);
}

/** Account id of the first AWS principal (`arn:…:iam::<id>:root`, a user or role there, or a bare id). */
function trustedAccountId(policy: PolicyDocument): string | undefined {
  for (const statement of policy.statements) {
    const principals = statement.principals;
    if (!principals || principals === '*') continue;
    for (const principal of principals.AWS ?? []) {
      const account = parseArn(principal)?.account ?? principal;
      if (/^\d{12}$/.test(account)) return account;
    }
  }
  return undefined;
}
