import { TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import type { Settings } from '../config';
import type { AssumableRole } from '../policies';
import { AccessOutputs } from './access-outputs';
import { AccountProviders } from './account-providers';
import { IdentityAccount } from './identity-account';
import { SharedBucket } from './shared-bucket';
import { SettingsFileOwner } from './settings-file-owner';
import { configureStateBackend } from './state-backend';
import { TargetAccountRole } from './target-account-role';

export { STACK_NAME } from './stack-name';

/**
 * The whole system from validated settings: providers, buckets and roles in the
 * trusting accounts, groups and users in the identity account (referring to the
 * roles' ARNs), outputs, the state backend and the record of which settings
 * file that state belongs to.
 */
export class CrossAccountStack extends TerraformStack {
  constructor(scope: Construct, id: string, settings: Settings) {
    super(scope, id);
    const identity = settings.accounts[settings.identityAccount];
    const providers = new AccountProviders(this, 'aws', {
      accounts: settings.accounts,
      region: settings.region,
      tags: settings.tags,
    });

    for (const bucket of settings.buckets.filter((b) => b.create)) {
      new SharedBucket(this, `bucket-${bucket.name}`, {
        name: bucket.name,
        provider: providers.forAccount(bucket.account),
      });
    }

    // Users first: a role may trust them by ARN; the assume-role policies follow the roles.
    const identityAccount = new IdentityAccount(this, 'identity', {
      provider: providers.forAccount(settings.identityAccount),
      accountId: identity.id,
      partition: settings.partition,
      groups: settings.groups,
      users: settings.users,
    });

    const roles = new Map<string, AssumableRole>();
    for (const role of settings.roles) {
      const target = new TargetAccountRole(this, `role-${role.name}`, {
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

    new AccessOutputs(this, 'outputs', {
      roles: settings.roles.map((role) => ({
        roleName: role.name,
        accountId: settings.accounts[role.account].id,
        roleArn: roles.get(role.name)!.arn,
        displayName: role.displayName,
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
  }
}
