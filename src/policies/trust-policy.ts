import { mfaConditions, type MfaRequirement } from './mfa-condition';
import { accountRootArn, type Partition } from './arn';
import type { Conditions, TrustPolicyDocument } from './policy-statement';

/** IAM policy variable that names the calling IAM user (resolved by AWS at request time). */
export const USERNAME_VARIABLE = '${aws:username}';

/** Props of {@link trustPolicy}. */
export interface TrustPolicyProps extends MfaRequirement {
  /** Partition of the accounts (from the region). @default aws */
  readonly partition?: Partition;
  /** Account id of the trusted (identity) account whose principals may assume the role. */
  readonly trustedAccountId: string;
  /**
   * ARNs of the only principals trusted (in the stack, Terraform references such
   * as `${aws_iam_user.x.arn}`). @default the identity account root, so the
   * identity side's policies decide who may assume
   */
  readonly trustedPrincipalArns?: readonly string[];
  /** Value the caller must pass as `ExternalId`. @default none */
  readonly externalId?: string;
  /** Accept only sessions named after the calling IAM user. @default false */
  readonly sessionNameMustMatchUser?: boolean;
}

/**
 * The role's trust policy: the identity account (or only the listed principals)
 * may call sts:AssumeRole, subject to their own identity policies and to the
 * conditions the role asks for (MFA, external id, session name).
 */
export function trustPolicy(props: TrustPolicyProps): TrustPolicyDocument {
  const principals = props.trustedPrincipalArns?.length
    ? props.trustedPrincipalArns
    : [accountRootArn(props.partition ?? 'aws', props.trustedAccountId)];
  const conditions: Conditions = {
    ...mfaConditions(props),
    ...(props.externalId !== undefined && { StringEquals: { 'sts:ExternalId': props.externalId } }),
    ...(props.sessionNameMustMatchUser && { StringLike: { 'sts:RoleSessionName': USERNAME_VARIABLE } }),
  };
  return {
    statements: [
      {
        sid: props.trustedPrincipalArns?.length ? 'TrustListedPrincipals' : 'TrustIdentityAccount',
        effect: 'Allow',
        principals: { AWS: principals },
        actions: ['sts:AssumeRole'],
        ...(Object.keys(conditions).length > 0 && { conditions }),
      },
    ],
  };
}
