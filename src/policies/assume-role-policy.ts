import { mfaConditions, type MfaRequirement } from './mfa-condition';
import { uniqueSids, type IdentityPolicy, type IdentityStatement } from './policy-statement';

/** A role a group's members may, or may not, assume; its MFA requirement is repeated on the allow. */
export interface AssumableRole extends MfaRequirement {
  /** The role's name in the settings (names the statement). */
  readonly name: string;
  /** The role's ARN: in the stack, a Terraform reference such as `${aws_iam_role.x.arn}`. */
  readonly arn: string;
}

/** Props of {@link assumeRolePolicy}. */
export interface AssumeRolePolicyProps {
  /** Roles to allow. @default [] */
  readonly allow?: readonly AssumableRole[];
  /** Roles to deny explicitly; a deny wins over any allow from another group. @default [] */
  readonly deny?: readonly AssumableRole[];
}

/**
 * A group's identity policy: one statement per role, allowing or explicitly
 * denying sts:AssumeRole on it. An allow carries the role's MFA conditions, so
 * the identity account asks for MFA too; a deny is unconditional.
 */
export function assumeRolePolicy(props: AssumeRolePolicyProps): IdentityPolicy {
  const each = [
    ...(props.allow ?? []).map((role) => ({ effect: 'Allow' as const, role })),
    ...(props.deny ?? []).map((role) => ({ effect: 'Deny' as const, role })),
  ];
  const sids = uniqueSids(each.map(({ effect, role }) => [effect, 'Assume', role.name]));
  return {
    statements: each.map(({ effect, role }, i): IdentityStatement => {
      const conditions = effect === 'Allow' ? mfaConditions(role) : {};
      return {
        sid: sids[i],
        effect,
        actions: ['sts:AssumeRole'],
        resources: [role.arn],
        ...(Object.keys(conditions).length > 0 && { conditions }),
      };
    }),
  };
}
