import { TerraformOutput } from 'cdktf';
import { Construct } from 'constructs';
import { roleOutputName } from '../config';
import { iamArn, PARTITION_HOSTS, type Partition } from '../policies/arn';

/** What a user needs to use one role after deploy. */
export interface RoleAccess {
  /** The role's name. */
  readonly roleName: string;
  /** Id of the account that holds the role. */
  readonly accountId: string;
  /** The role's ARN (a Terraform reference). */
  readonly roleArn: string;
  /** The console's switch-role URL ({@link toSwitchRoleUrl}). */
  readonly switchRoleUrl: string;
  /** Name of the AWS CLI profile that uses the role. */
  readonly profileName: string;
  /** Profile the role is assumed from: the identity account's profile, or `default`. */
  readonly sourceProfile: string;
  /** Region written into the profile. */
  readonly region: string;
  /** Id of the identity account, where the users' MFA devices live. */
  readonly identityAccountId: string;
  /** Partition of the accounts: the console's sign-in host and every ARN depend on it. */
  readonly partition: Partition;
  /** The role trusts only MFA sessions: the profile needs `mfa_serial`. @default false */
  readonly requireMfa?: boolean;
  /** The external id the role asks for: written as `external_id`; no switch-role URL. @default none */
  readonly externalId?: string;
  /** The role accepts only sessions named after the user: the profile needs `role_session_name`. @default false */
  readonly sessionNameMustMatchUser?: boolean;
}

/** Props of {@link AccessOutputs}. */
export interface AccessOutputsProps {
  /** One entry per role. */
  readonly roles: readonly RoleAccess[];
}

/** Why a role with an external id has no switch-role URL. */
export const NO_SWITCH_ROLE_NOTE =
  'no switch-role URL: the role requires an external id, which the console cannot send; use the AWS CLI profile';

/**
 * One output per role, `role_<name>`: its ARN, the console switch-role URL (or,
 * for a role with an external id, `switch_role_note` saying why there is none),
 * the `~/.aws/config` profile text that uses it, and that profile's name,
 * source profile and region as fields of their own.
 */
export class AccessOutputs extends Construct {
  constructor(scope: Construct, id: string, props: AccessOutputsProps) {
    super(scope, id);
    for (const access of props.roles) {
      const output = new TerraformOutput(this, `role-${access.roleName}`, {
        description: `How to use role ${access.roleName} in account ${access.accountId}`,
        value: {
          arn: access.roleArn,
          ...(access.externalId === undefined
            ? { switch_role_url: access.switchRoleUrl }
            : { switch_role_note: NO_SWITCH_ROLE_NOTE }),
          aws_config_profile: toProfileText(access),
          // The same facts as fields, so tools read them without parsing the profile text.
          profile_name: access.profileName,
          source_profile: access.sourceProfile,
          region: access.region,
        },
      });
      output.overrideLogicalId(roleOutputName(access.roleName));
    }
  }
}

/** The console's switch-role link, with the account, role and display name filled in. */
export function toSwitchRoleUrl(access: {
  readonly roleName: string;
  readonly accountId: string;
  /** Label shown in the console after switching. */
  readonly displayName: string;
  readonly partition: Partition;
}): string {
  const query = new URLSearchParams({
    roleName: access.roleName,
    account: access.accountId,
    displayName: access.displayName,
  });
  return `https://${PARTITION_HOSTS[access.partition].signin}/switchrole?${query.toString()}`;
}

/**
 * The `~/.aws/config` profile section (`role_arn` + `source_profile`) for this role,
 * with the lines its trust policy needs: `mfa_serial` and `role_session_name`
 * differ per person, so they carry a `<…>` placeholder and a comment saying
 * what to write; `external_id` is the role's own.
 */
export function toProfileText(
  access: Pick<
    RoleAccess,
    | 'profileName'
    | 'roleArn'
    | 'sourceProfile'
    | 'region'
    | 'identityAccountId'
    | 'partition'
    | 'requireMfa'
    | 'externalId'
    | 'sessionNameMustMatchUser'
  >,
): string {
  return [
    `[profile ${access.profileName}]`,
    `role_arn = ${access.roleArn}`,
    `source_profile = ${access.sourceProfile}`,
    ...(access.requireMfa
      ? [
          `# the role requires MFA: replace <your-mfa-device> with the name of your MFA device in account ${access.identityAccountId}`,
          `mfa_serial = ${iamArn(access.partition, access.identityAccountId, 'mfa', '<your-mfa-device>')}`,
        ]
      : []),
    ...(access.externalId !== undefined ? [`external_id = ${access.externalId}`] : []),
    ...(access.sessionNameMustMatchUser
      ? [
          '# the role accepts only sessions named after you: replace <your-user-name> with your IAM user name',
          'role_session_name = <your-user-name>',
        ]
      : []),
    `region = ${access.region}`,
    '',
  ].join('\n');
}
