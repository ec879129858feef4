import { mfaConditions, type MfaRequirement } from './mfa-condition';
import { toSid, type IdentityPolicy, type IdentityStatement } from './policy-statement';

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
  const statement = (effect: 'Allow' | 'Deny', role: AssumableRole): IdentityStatement => {
    const conditions = effect === 'Allow' ? mfaConditions(role) : {};
    return {
      sid: toSid(effect, 'Assume', role.name),
      effect,
      actions: ['sts:AssumeRole'],
      resources: [role.arn],
      ...(Object.keys(conditions).length > 0 && { conditions }),
    };
  };
  return {
    statements: [
      ...(props.allow ?? []).map((role) => statement('Allow', role)),
      ...(props.deny ?? []).map((role) => statement('Deny', role)),
    ],
  };
}
