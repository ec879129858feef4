import { TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import type { Settings } from '../config';
import type { AssumableRole } from '../policies';
import { AccessOutputs, toSwitchRoleUrl } from './access-outputs';
import { AccountProviders } from './account-providers';
import { AccountScopes } from './account-scopes';
import { IdentityAccount } from './identity-account';
import { SharedBucket } from './shared-bucket';
import { SettingsFileOwner } from './settings-file-owner';
import { SettingsRecord } from './settings-record';
import { configureStateBackend } from './state-backend';
import { TargetAccountRole } from './target-account-role';
import { literalSettings } from './terraform-literal';

export { STACK_NAME } from './stack-name';

/**
 * The whole system from validated settings: providers, buckets and roles in the
 * trusting accounts, groups and users in the identity account (referring to the
 * roles' ARNs), outputs, the state backend, the record of which settings
 * file that state belongs to, and the record of the settings in the metadata.
 */
export class CrossAccountStack extends TerraformStack {
  constructor(scope: Construct, id: string, input: Settings) {
    super(scope, id);
    // The one place settings enter the stack: from here on, every string is a Terraform literal.
    const settings = literalSettings(input);
    const identity = settings.accounts[settings.identityAccount];
    const accounts = new AccountScopes(this, settings.accounts);
    const providers = new AccountProviders(this, 'aws', {
      accounts: settings.accounts,
      region: settings.region,
      tags: settings.tags,
    });

    for (const bucket of settings.buckets.filter((b) => b.create)) {
      new SharedBucket(accounts.of(bucket.account), `bucket-${bucket.name}`, {
        name: bucket.name,
        provider: providers.forAccount(bucket.account),
      });
    }

    // Users first: a role may trust them by ARN; the assume-role policies follow the roles.
    const identityAccount = new IdentityAccount(accounts.of(settings.identityAccount), 'identity', {
      provider: providers.forAccount(settings.identityAccount),
      accountId: identity.id,
      partition: settings.partition,
      groups: settings.groups,
      users: settings.users,
    });

    const roles = new Map<string, AssumableRole>();
    for (const role of settings.roles) {
      const target = new TargetAccountRole(accounts.of(role.account), `role-${role.name}`, {
        role,
        provider: providers.forAccount(role.account),
        trustedAccountId: identity.id,
        partition: settings.partition,
        trustedPrincipalArns: role.trustedPrincipals?.map((name) => identityAccount.userArn(name)),
      });
      roles.set(role.name, {
        name: role.name,
        arn: target.role.arn,
        requireMfa: role.requireMfa,
        mfaMaxAgeSeconds: role.mfaMaxAgeSeconds,
      });
    }
    identityAccount.grantAssumeRoles(roles);
    accounts.keepAddressesFromBeforeAccountScopes();

    new AccessOutputs(this, 'outputs', {
      roles: settings.roles.map((role, i) => ({
        roleName: role.name,
        accountId: settings.accounts[role.account].id,
        roleArn: roles.get(role.name)!.arn,
        // Percent-encoded from the text as the user wrote it: a URL holds no `${` or `%{`, so it is a literal as it is.
        switchRoleUrl: toSwitchRoleUrl({
          roleName: input.roles[i].name,
          accountId: input.accounts[input.roles[i].account].id,
          displayName: input.roles[i].displayName,
          partition: input.partition,
        }),
        profileName: role.profileName,
        sourceProfile: settings.sourceProfile,
        region: settings.region,
        identityAccountId: identity.id,
        partition: settings.partition,
        requireMfa: role.requireMfa,
        externalId: role.externalId,
        sessionNameMustMatchUser: role.sessionNameMustMatchUser,
      })),
    });

    configureStateBackend(this, settings.backend);
    new SettingsFileOwner(this, 'settings-file-owner', { settingsFile: settings.settingsFile });
    new SettingsRecord(this, 'settings-record', {
      settingsFile: settings.settingsFile,
      expectations: settings.expectations,
      acknowledge: settings.acknowledge,
    });
  }

  /**
   * Before it synthesizes, cdktf resolves every element of every stack once
   * more, only to find references to another stack's values and add an output
   * and a remote state for each (`Reference.resolve`, when `preparing`, in
   * cdktf 0.21.0, its last release). In an app whose one stack is this one
   * there is no other stack to refer to, so that run finds nothing; it was two
   * fifths of a synthesis profile at 1,000 users (about 0.1 s less in fresh
   * processes: the run also warmed up the code the real one runs). It is left
   * out then, and kept in any other app; `__tests__/synth-prepare.test.ts`
   * shows the JSON is the same byte for byte either way.
   */
  override prepareStack(): void {
    if (this.node.root.node.findAll().filter(TerraformStack.isStack).length !== 1) return super.prepareStack();
    this.ensureBackendExists();
  }
}
