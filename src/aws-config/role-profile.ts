import type { RoleUsage } from '../access';
import { iamArn } from '../policies/arn';
import { UserError } from '../user-error';
import { profileSectionName, type ConfigSection } from './config-file-grammar';
import { credentialProcessCommand } from './credential-process-command';

/** Keys the `profiles` command owns in a role's section; any other key there is the user's and stays. */
export const MANAGED_PROFILE_KEYS: readonly string[] = [
  'role_arn',
  'source_profile',
  'region',
  'mfa_serial',
  'external_id',
  'role_session_name',
  'credential_process',
];

/** Who will use the profiles: needed only for roles that ask for MFA or a session named after the user. */
export interface ProfileOwner {
  /** The person's IAM user name in the identity account. @default none */
  readonly userName?: string;
  /** ARN of their MFA device. @default `arn:aws:iam::<identity account>:mfa/<userName>` */
  readonly mfaSerial?: string;
}

/**
 * A role's AWS CLI profile section (`role_arn`, `source_profile`, `region`), plus what
 * its trust policy asks for: `mfa_serial`, `external_id`, `role_session_name`.
 */
export function roleProfileSection(role: RoleUsage, owner: ProfileOwner): ConfigSection {
  const { requirements } = role;
  const entries: [string, string][] = [
    ['role_arn', role.arn],
    ['source_profile', role.sourceProfile],
    ['region', role.region],
  ];
  if (requirements.mfa) entries.push(['mfa_serial', mfaSerialFor(role, owner)]);
  if (requirements.externalId) entries.push(['external_id', requirements.externalId]);
  if (requirements.sessionNameMustMatchUser) {
    if (!owner.userName) {
      throw new UserError(
        `role ${role.name} requires the session to be named after your IAM user: pass --user <your user name>`,
      );
    }
    entries.push(['role_session_name', owner.userName]);
  }
  return { name: profileSectionName(role.profileName), entries };
}

/** How a `credential_process` profile runs this CLI: node, the CLI's script and the settings file, as absolute paths. */
export interface CredentialProcessProgram {
  readonly node: string;
  readonly script: string;
  /** Read on each cache miss, for what the role's trust asks (MFA age, external id) as the settings say now. */
  readonly settingsFile: string;
}

/**
 * A role's profile whose credentials come from `cross-account assume --format credential-process` (`credential_process`,
 * `region`): the AWS CLI and every SDK then get cached credentials, and one MFA code serves every role for the day.
 * The role is named by its ARN and the source profile is passed explicitly, so the command means the same from any
 * folder and an `AWS_PROFILE` naming this very profile cannot make it assume from itself. The MFA device and external
 * id are passed too: if the settings file cannot be read at that moment, the ARN is assumed as given, with them.
 */
export function credentialProcessProfileSection(
  role: RoleUsage,
  owner: ProfileOwner,
  program: CredentialProcessProgram,
): ConfigSection {
  const { requirements } = role;
  const words = [program.node, program.script, 'assume', '--role', role.arn, '--format', 'credential-process'];
  words.push('--config', program.settingsFile, '--profile', role.sourceProfile);
  if (requirements.mfa) words.push('--serial-number', mfaSerialFor(role, owner));
  if (requirements.externalId) words.push('--external-id', requirements.externalId);
  return {
    name: profileSectionName(role.profileName),
    entries: [
      ['credential_process', credentialProcessCommand(words)],
      ['region', role.region],
    ],
  };
}

function mfaSerialFor(role: RoleUsage, owner: ProfileOwner): string {
  if (owner.mfaSerial) return owner.mfaSerial;
  if (owner.userName && role.identityAccountId)
    return iamArn(role.partition, role.identityAccountId, 'mfa', owner.userName);
  throw new UserError(`role ${role.name} requires MFA: pass --user <your IAM user name> or --mfa-serial <device ARN>`);
}
