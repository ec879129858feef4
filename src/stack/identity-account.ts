import { IamGroup } from '@cdktf/provider-aws/lib/iam-group';
import { IamGroupPolicy } from '@cdktf/provider-aws/lib/iam-group-policy';
import { IamGroupPolicyAttachment } from '@cdktf/provider-aws/lib/iam-group-policy-attachment';
import { IamUser } from '@cdktf/provider-aws/lib/iam-user';
import { IamUserGroupMembership } from '@cdktf/provider-aws/lib/iam-user-group-membership';
import { IamUserPolicy } from '@cdktf/provider-aws/lib/iam-user-policy';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Construct } from 'constructs';
import type { GroupSettings, UserSettings } from '../config';
import { assumeRolePolicy, toPolicyJson, type AssumableRole } from '../policies';
import { managedPolicyId } from './managed-policy-id';

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
  /** Every role a group or user may name, by role name, with its ARN as a Terraform reference. */
  readonly roles: ReadonlyMap<string, AssumableRole>;
}

/**
 * The trusted account's side: groups with their assume-role policies and
 * managed policies, users, and each user's (non-exclusive) group memberships.
 * No access keys or console passwords are created: none lands in state.
 */
export class IdentityAccount extends Construct {
  constructor(scope: Construct, id: string, props: IdentityAccountProps) {
    super(scope, id);
    const { provider } = props;
    const groups = new Map<string, IamGroup>();
    const assumePolicyText = (holder: {
      readonly name: string;
      readonly allowAssume: readonly string[];
      readonly denyAssume: readonly string[];
    }) => {
      if (holder.allowAssume.length + holder.denyAssume.length === 0) return undefined;
      const roleNamed = (name: string) => {
        const role = props.roles.get(name);
        if (!role) throw new Error(`IdentityAccount: "${holder.name}" names unknown role "${name}"`);
        return role;
      };
      return toPolicyJson(
        assumeRolePolicy({ allow: holder.allowAssume.map(roleNamed), deny: holder.denyAssume.map(roleNamed) }),
      );
    };

    for (const settings of props.groups ?? []) {
      const scopeOfGroup = new Construct(this, `group-${settings.name}`);
      const group = new IamGroup(scopeOfGroup, 'group', { provider, name: settings.name });
      groups.set(settings.name, group);
      const policy = assumePolicyText(settings);
      if (policy) {
        new IamGroupPolicy(scopeOfGroup, 'assume-roles', {
          provider,
          name: ASSUME_ROLES_POLICY_NAME,
          group: group.name,
          policy,
        });
      }
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
      if (settings.groups.length > 0) {
        new IamUserGroupMembership(scopeOfUser, 'groups', {
          provider,
          user: user.name,
          groups: settings.groups.map((name) => {
            const group = groups.get(name);
            if (!group) throw new Error(`IdentityAccount: user "${settings.name}" names unknown group "${name}"`);
            return group.name;
          }),
        });
      }
      const policy = assumePolicyText(settings);
      if (policy) {
        new IamUserPolicy(scopeOfUser, 'assume-roles', {
          provider,
          name: ASSUME_ROLES_POLICY_NAME,
          user: user.name,
          policy,
        });
      }
    }
  }
}
