import { DataAwsIamGroup } from '@cdktf/provider-aws/lib/data-aws-iam-group';
import { DataAwsIamUser } from '@cdktf/provider-aws/lib/data-aws-iam-user';
import { IamGroup } from '@cdktf/provider-aws/lib/iam-group';
import { IamGroupPolicy } from '@cdktf/provider-aws/lib/iam-group-policy';
import { IamGroupPolicyAttachment } from '@cdktf/provider-aws/lib/iam-group-policy-attachment';
import { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import { IamUser } from '@cdktf/provider-aws/lib/iam-user';
import { IamUserGroupMembership } from '@cdktf/provider-aws/lib/iam-user-group-membership';
import { IamUserPolicy } from '@cdktf/provider-aws/lib/iam-user-policy';
import { IamUserPolicyAttachment } from '@cdktf/provider-aws/lib/iam-user-policy-attachment';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Construct } from 'constructs';
import type { GroupSettings, UserSettings } from '../config';
import { assumeRolePolicy, type AssumableRole } from '../policies';
import { iamArn, type Partition } from '../policies/arn';
import { existingMemberCheck } from './existing-member-check';
import { managedPolicyId } from './managed-policy-id';
import { toTerraformPolicyJson } from './terraform-policy-json';

/** Props of {@link IdentityAccount}. */
export interface IdentityAccountProps {
  /** Provider of the trusted (identity) account. */
  readonly provider: AwsProvider;
  /** The identity account's id: the ARN of a managed assume policy to import carries it. */
  readonly accountId: string;
  /** Partition of the accounts, from the region. */
  readonly partition: Partition;
  /** Groups to create, import or reference, with the roles they allow or deny. @default [] */
  readonly groups?: readonly GroupSettings[];
  /** Users to create, import or reference, with their group memberships and own allow/deny. @default [] */
  readonly users?: readonly UserSettings[];
}

/** A group or user of the settings, as the rest of the stack refers to it. */
interface Holder<S> {
  readonly scope: Construct;
  readonly settings: S;
  /** Its name as a Terraform reference: to the resource, or to the data source of an existing one. */
  readonly name: string;
}

/**
 * The trusted account's side: groups with their managed policies, users, and
 * each user's (non-exclusive) group memberships; then, through
 * {@link grantAssumeRoles}, the assume-role policies. The policies come second
 * because roles may trust these users by ARN: users never depend on roles, only
 * the policies do, so Terraform's graph has no cycle.
 *
 * A group or user with `existing: reference` is read through a data source (the
 * plan fails if it is missing) and never created, changed or deleted: only the
 * policies, attachments and memberships the stack owns are added to it, by name.
 * `existing: import` keeps the resource and adds an `import` block.
 * No access keys or console passwords are created: none lands in state.
 */
export class IdentityAccount extends Construct {
  private readonly props: IdentityAccountProps;
  private readonly groups = new Map<string, Holder<GroupSettings>>();
  private readonly users = new Map<string, Holder<UserSettings> & { readonly arn: string }>();

  constructor(scope: Construct, id: string, props: IdentityAccountProps) {
    super(scope, id);
    this.props = props;
    const { provider } = props;
    const users = props.users ?? [];

    for (const settings of props.groups ?? []) {
      const scopeOfGroup = new Construct(this, `group-${settings.name}`);
      const members = users.filter((user) => user.existingMemberships.includes(settings.name)).map((u) => u.name);
      const name = this.groupName(scopeOfGroup, settings, members);
      this.groups.set(settings.name, { scope: scopeOfGroup, settings, name });
      for (const policyArn of settings.managedPolicyArns) {
        new IamGroupPolicyAttachment(scopeOfGroup, `managed-${managedPolicyId(policyArn)}`, {
          provider,
          group: name,
          policyArn,
        });
      }
    }

    for (const settings of users) {
      const scopeOfUser = new Construct(this, `user-${settings.name}`);
      const user = this.userOf(scopeOfUser, settings);
      this.users.set(settings.name, { scope: scopeOfUser, settings, ...user });
      if (settings.groups.length > 0) {
        // Non-exclusive: it adds and removes only these memberships, never the user's others.
        new IamUserGroupMembership(scopeOfUser, 'groups', {
          provider,
          user: user.name,
          groups: settings.groups.map((name) => this.holder(this.groups, name, settings.name).name),
        });
      }
      for (const policyArn of settings.managedPolicyArns) {
        new IamUserPolicyAttachment(scopeOfUser, `managed-${managedPolicyId(policyArn)}`, {
          provider,
          user: user.name,
          policyArn,
        });
      }
    }
  }

  /** The user's resource (imported when it exists), or for `existing: reference` its data source: name and ARN. */
  private userOf(scope: Construct, settings: UserSettings): { readonly name: string; readonly arn: string } {
    const { provider } = this.props;
    if (settings.existing === 'reference') {
      const data = new DataAwsIamUser(scope, 'user', { provider, userName: settings.name });
      return { name: data.userName, arn: data.arn };
    }
    const user = new IamUser(scope, 'user', { provider, name: settings.name });
    if (settings.existing === 'import') user.importFrom(settings.name, provider);
    // Tokens are getters of the construct: copied one by one, never spread.
    return { name: user.name, arn: user.arn };
  }

  /** The ARN of a user of the settings, as a Terraform reference (for trust policies). */
  userArn(name: string): string {
    return this.holder(this.users, name, 'a trust policy').arn;
  }

  /** Adds each group's and user's policy allowing or denying the roles it names, inline or managed. */
  grantAssumeRoles(roles: ReadonlyMap<string, AssumableRole>): void {
    const { provider } = this.props;
    for (const [kind, holders] of [
      ['group', this.groups],
      ['user', this.users],
    ] as const) {
      for (const { scope, settings, name } of holders.values()) {
        const policy = this.assumePolicyText(settings, roles);
        if (!policy) continue;
        const { assumePolicy } = settings;
        if (assumePolicy.type === 'inline') {
          if (kind === 'group')
            new IamGroupPolicy(scope, 'assume-roles', { provider, name: assumePolicy.name, group: name, policy });
          else new IamUserPolicy(scope, 'assume-roles', { provider, name: assumePolicy.name, user: name, policy });
          continue;
        }
        const managed = new IamPolicy(scope, 'assume-roles-policy', {
          provider,
          // No description: it forces replacement, so an imported policy made without one would be deleted.
          name: assumePolicy.name,
          policy,
        });
        if (assumePolicy.existing === 'import')
          managed.importFrom(iamArn(this.props.partition, this.props.accountId, 'policy', assumePolicy.name), provider);
        if (kind === 'group')
          new IamGroupPolicyAttachment(scope, 'assume-roles-attachment', {
            provider,
            group: name,
            policyArn: managed.arn,
          });
        else
          new IamUserPolicyAttachment(scope, 'assume-roles-attachment', {
            provider,
            user: name,
            policyArn: managed.arn,
          });
      }
    }
  }

  /**
   * The group's resource (imported when it exists), or for `existing: reference`
   * its data source; either way a data source checks at plan time that each
   * user whose `existingMemberships` names the group is in it.
   */
  private groupName(scope: Construct, settings: GroupSettings, members: readonly string[]): string {
    const { provider } = this.props;
    const check = members.length > 0 ? { lifecycle: { postcondition: members.map(existingMemberCheck) } } : {};
    if (settings.existing === 'reference')
      return new DataAwsIamGroup(scope, 'group', { provider, groupName: settings.name, ...check }).groupName;
    const group = new IamGroup(scope, 'group', { provider, name: settings.name });
    if (settings.existing === 'import') group.importFrom(settings.name, provider);
    // By name, not by reference to the resource being imported, so it is read while planning.
    if (members.length > 0) new DataAwsIamGroup(scope, 'members', { provider, groupName: settings.name, ...check });
    return group.name;
  }

  private assumePolicyText(
    holder: Pick<GroupSettings, 'name' | 'allowAssume' | 'denyAssume'>,
    roles: ReadonlyMap<string, AssumableRole>,
  ): string | undefined {
    if (holder.allowAssume.length + holder.denyAssume.length === 0) return undefined;
    const roleNamed = (name: string) => {
      const role = roles.get(name);
      if (!role) throw new Error(`IdentityAccount: "${holder.name}" names unknown role "${name}"`);
      return role;
    };
    return toTerraformPolicyJson(
      assumeRolePolicy({ allow: holder.allowAssume.map(roleNamed), deny: holder.denyAssume.map(roleNamed) }),
    );
  }

  private holder<H>(holders: ReadonlyMap<string, H>, name: string, by: string): H {
    const found = holders.get(name);
    if (!found) throw new Error(`IdentityAccount: ${by} names unknown "${name}"`);
    return found;
  }
}
