import { IamGroup } from '@cdktf/provider-aws/lib/iam-group';
import { IamGroupPolicy } from '@cdktf/provider-aws/lib/iam-group-policy';
import { IamGroupPolicyAttachment } from '@cdktf/provider-aws/lib/iam-group-policy-attachment';
import { IamUser } from '@cdktf/provider-aws/lib/iam-user';
import { IamUserGroupMembership } from '@cdktf/provider-aws/lib/iam-user-group-membership';
import { IamUserPolicy } from '@cdktf/provider-aws/lib/iam-user-policy';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Construct } from 'constructs';
import type { GroupSettings, UserSettings } from '../config';
import { assumeRolePolicy, type AssumableRole } from '../policies';
import { managedPolicyId } from './managed-policy-id';
import { toTerraformPolicyJson } from './terraform-policy-json';

/** Name of the inline policy (of a group or a user) that allows or denies assuming roles. */
export const ASSUME_ROLES_POLICY_NAME = 'AssumeCrossAccountRoles';

/** Props of {@link IdentityAccount}. */
export interface IdentityAccountProps {
  /** Provider of the trusted (identity) account. */
  readonly provider: AwsProvider;
  /** Groups to create, with the roles they allow or deny. @default [] */
  readonly groups?: readonly GroupSettings[];
  /** Users to create, with their group memberships and own allow/deny. @default [] */
  readonly users?: readonly UserSettings[];
}

/** A group or user with the roles it allows or denies. */
type AssumeHolder = Pick<GroupSettings, 'name' | 'allowAssume' | 'denyAssume'>;

/**
 * The trusted account's side: groups with their managed policies, users, and
 * each user's (non-exclusive) group memberships; then, through
 * {@link grantAssumeRoles}, the assume-role policies. The policies come second
 * because roles may trust these users by ARN: users never depend on roles, only
 * the policies do, so Terraform's graph has no cycle.
 * No access keys or console passwords are created: none lands in state.
 */
export class IdentityAccount extends Construct {
  private readonly provider: AwsProvider;
  private readonly groups = new Map<
    string,
    { readonly scope: Construct; readonly group: IamGroup; readonly settings: GroupSettings }
  >();
  private readonly users = new Map<
    string,
    { readonly scope: Construct; readonly user: IamUser; readonly settings: UserSettings }
  >();

  constructor(scope: Construct, id: string, props: IdentityAccountProps) {
    super(scope, id);
    const { provider } = props;
    this.provider = provider;

    for (const settings of props.groups ?? []) {
      const scopeOfGroup = new Construct(this, `group-${settings.name}`);
      const group = new IamGroup(scopeOfGroup, 'group', { provider, name: settings.name });
      this.groups.set(settings.name, { scope: scopeOfGroup, group, settings });
      for (const policyArn of settings.managedPolicyArns) {
        new IamGroupPolicyAttachment(scopeOfGroup, `managed-${managedPolicyId(policyArn)}`, {
          provider,
          group: group.name,
          policyArn,
        });
      }
    }

    for (const settings of props.users ?? []) {
      const scopeOfUser = new Construct(this, `user-${settings.name}`);
      const user = new IamUser(scopeOfUser, 'user', { provider, name: settings.name });
      this.users.set(settings.name, { scope: scopeOfUser, user, settings });
      if (settings.groups.length > 0) {
        new IamUserGroupMembership(scopeOfUser, 'groups', {
          provider,
          user: user.name,
          groups: settings.groups.map((name) => {
            const group = this.groups.get(name);
            if (!group) throw new Error(`IdentityAccount: user "${settings.name}" names unknown group "${name}"`);
            return group.group.name;
          }),
        });
      }
    }
  }

  /** The ARN of a user this construct creates, as a Terraform reference (for trust policies). */
  userArn(name: string): string {
    const user = this.users.get(name);
    if (!user) throw new Error(`IdentityAccount: no user "${name}"`);
    return user.user.arn;
  }

  /** Adds each group's and user's inline policy allowing or denying the roles it names. */
  grantAssumeRoles(roles: ReadonlyMap<string, AssumableRole>): void {
    const { provider } = this;
    const policyText = (holder: AssumeHolder) => {
      if (holder.allowAssume.length + holder.denyAssume.length === 0) return undefined;
      const roleNamed = (name: string) => {
        const role = roles.get(name);
        if (!role) throw new Error(`IdentityAccount: "${holder.name}" names unknown role "${name}"`);
        return role;
      };
      return toTerraformPolicyJson(
        assumeRolePolicy({ allow: holder.allowAssume.map(roleNamed), deny: holder.denyAssume.map(roleNamed) }),
      );
    };
    for (const { scope, group, settings } of this.groups.values()) {
      const policy = policyText(settings);
      if (policy) {
        new IamGroupPolicy(scope, 'assume-roles', {
          provider,
          name: ASSUME_ROLES_POLICY_NAME,
          group: group.name,
          policy,
        });
      }
    }
    for (const { scope, user, settings } of this.users.values()) {
      const policy = policyText(settings);
      if (policy) {
        new IamUserPolicy(scope, 'assume-roles', { provider, name: ASSUME_ROLES_POLICY_NAME, user: user.name, policy });
      }
    }
  }
}
