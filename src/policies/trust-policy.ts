import type { PolicyDocument } from './policy-statement';

/** Props of {@link trustPolicy}. */
export interface TrustPolicyProps {
  /** Account id of the trusted (identity) account whose principals may assume the role. */
  readonly trustedAccountId: string;
}

/**
 * The role's trust policy: principals of the identity account may call
 * sts:AssumeRole, subject to their own identity policies (the groups' allow/deny).
 */
export function trustPolicy(props: TrustPolicyProps): PolicyDocument {
  return {
    statements: [
      {
        sid: 'TrustIdentityAccount',
        effect: 'Allow',
        principals: { AWS: [`arn:aws:iam::${props.trustedAccountId}:root`] },
        actions: ['sts:AssumeRole'],
      },
    ],
  };
}
