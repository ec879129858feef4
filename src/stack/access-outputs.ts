import { TerraformOutput } from 'cdktf';
import { Construct } from 'constructs';

/** What a user needs to use one role after deploy. */
export interface RoleAccess {
  /** The role's name. */
  readonly roleName: string;
  /** Id of the account that holds the role. */
  readonly accountId: string;
  /** The role's ARN (a Terraform reference). */
  readonly roleArn: string;
  /** Label shown in the console after switching. */
  readonly displayName: string;
  /** Name of the AWS CLI profile that uses the role. */
  readonly profileName: string;
  /** Profile the role is assumed from: the identity account's profile, or `default`. */
  readonly sourceProfile: string;
  /** Region written into the profile. */
  readonly region: string;
}

/** Props of {@link AccessOutputs}. */
export interface AccessOutputsProps {
  /** One entry per role. */
  readonly roles: readonly RoleAccess[];
}

/**
 * One output per role, `role_<name>`: its ARN, the console switch-role URL and
 * the `~/.aws/config` profile text that uses it.
 */
export class AccessOutputs extends Construct {
  constructor(scope: Construct, id: string, props: AccessOutputsProps) {
    super(scope, id);
    for (const access of props.roles) {
      const output = new TerraformOutput(this, access.roleName, {
        description: `How to use role ${access.roleName} in account ${access.accountId}`,
        value: {
          arn: access.roleArn,
          switch_role_url: toSwitchRoleUrl(access),
          aws_config_profile: toProfileText(access),
        },
      });
      output.overrideLogicalId(outputName(access.roleName));
    }
  }
}

/** Output name of a role: `role_` + the name with characters Terraform refuses replaced by `_`. */
export function outputName(roleName: string): string {
  return `role_${roleName.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/** The console's switch-role link (tutorial 004), with the account, role and display name filled in. */
export function toSwitchRoleUrl(access: Pick<RoleAccess, 'roleName' | 'accountId' | 'displayName'>): string {
  const query = new URLSearchParams({
    roleName: access.roleName,
    account: access.accountId,
    displayName: access.displayName,
  });
  return `https://signin.aws.amazon.com/switchrole?${query.toString()}`;
}

/** The `~/.aws/config` section of tutorial 000's `prod-s3` profile, for this role. */
export function toProfileText(
  access: Pick<RoleAccess, 'profileName' | 'roleArn' | 'sourceProfile' | 'region'>,
): string {
  return [
    `[profile ${access.profileName}]`,
    `role_arn = ${access.roleArn}`,
    `source_profile = ${access.sourceProfile}`,
    `region = ${access.region}`,
    '',
  ].join('\n');
}
