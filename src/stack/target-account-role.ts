import { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Construct } from 'constructs';
import type { RoleSettings } from '../config';
import type { Partition } from '../policies/arn';
import { bucketAccessPolicy, REVOKE_SESSIONS_POLICY_NAME, revokeSessionsPolicy, trustPolicy } from '../policies';
import { managedPolicyId } from './managed-policy-id';
import { toTerraformPolicyJson } from './terraform-policy-json';

/** Props of {@link TargetAccountRole}. */
export interface TargetAccountRoleProps {
  /** The role's settings (name, bucket access, managed policies, session limits). */
  readonly role: RoleSettings;
  /** Provider of the trusting account that holds the role. */
  readonly provider: AwsProvider;
  /** Id of the trusted (identity) account whose principals may assume the role. */
  readonly trustedAccountId: string;
  /** Partition of the accounts, from the region. */
  readonly partition: Partition;
  /** ARNs (Terraform references) of the `trustedPrincipals` users. @default none: the identity account root */
  readonly trustedPrincipalArns?: readonly string[];
}

/**
 * The trusting account's side: the role (its trust policy asking for what the
 * settings require: MFA, external id, session name, listed principals; and its
 * permissions boundary), its least-privilege bucket policy,
 * attachments of that policy and any AWS managed policies, and, when
 * `revokeSessionsBefore` is set, the inline policy that revokes older sessions.
 */
export class TargetAccountRole extends Construct {
  /** The IAM role; `role.arn` is the reference other accounts' policies use. */
  readonly role: IamRole;

  constructor(scope: Construct, id: string, props: TargetAccountRoleProps) {
    super(scope, id);
    const { role: settings, provider } = props;

    this.role = new IamRole(this, 'role', {
      provider,
      name: settings.name,
      assumeRolePolicy: toTerraformPolicyJson(
        trustPolicy({
          trustedAccountId: props.trustedAccountId,
          partition: props.partition,
          trustedPrincipalArns: props.trustedPrincipalArns,
          requireMfa: settings.requireMfa,
          mfaMaxAgeSeconds: settings.mfaMaxAgeSeconds,
          externalId: settings.externalId,
          sessionNameMustMatchUser: settings.sessionNameMustMatchUser,
        }),
      ),
      maxSessionDuration: settings.maxSessionDuration,
      permissionsBoundary: settings.permissionsBoundaryArn ?? undefined,
    });
    // Adopted as it is; the plan then shows what the settings change on it (its trust policy, say).
    if (settings.existing === 'import') this.role.importFrom(settings.name, provider);

    if (settings.bucketAccess.length > 0) {
      const bucketPolicy = new IamPolicy(this, 'bucket-access-policy', {
        provider,
        name: settings.policyName,
        description: `S3 access of role ${settings.name}`,
        policy: toTerraformPolicyJson(bucketAccessPolicy(settings.bucketAccess, props.partition)),
      });
      new IamRolePolicyAttachment(this, 'bucket-access-attachment', {
        provider,
        role: this.role.name,
        policyArn: bucketPolicy.arn,
      });
    }

    for (const policyArn of settings.managedPolicyArns) {
      new IamRolePolicyAttachment(this, `managed-${managedPolicyId(policyArn)}`, {
        provider,
        role: this.role.name,
        policyArn,
      });
    }

    if (settings.revokeSessionsBefore) {
      new IamRolePolicy(this, 'revoke-older-sessions', {
        provider,
        name: REVOKE_SESSIONS_POLICY_NAME,
        role: this.role.name,
        policy: toTerraformPolicyJson(revokeSessionsPolicy(settings.revokeSessionsBefore)),
      });
    }
  }
}
