import type { RoleUsage } from '../access';
import { updateConfigFile } from './config-file-writer';
import {
  credentialProcessProfileSection,
  MANAGED_PROFILE_KEYS,
  roleProfileSection,
  type CredentialProcessProgram,
  type ProfileOwner,
} from './role-profile';
import { formatSectionDiff } from './section-diff';

/** Props of {@link writeRoleProfiles}. */
export interface WriteRoleProfilesProps {
  /** The AWS config file to merge into. */
  readonly file: string;
  /** The roles whose profiles to write. */
  readonly roles: readonly RoleUsage[];
  /** Who will use them (for MFA devices and session names). */
  readonly owner: ProfileOwner;
  /** Only report the diff. @default false */
  readonly dryRun?: boolean;
  /** Write profiles that run this program as their `credential_process`. @default none: role_arn and source_profile */
  readonly credentialProcess?: CredentialProcessProgram;
}

/** What {@link writeRoleProfiles} did. */
export interface RoleProfilesWritten {
  /** One line per section and the backup and file written, or with `dryRun` the diff. */
  readonly report: string;
  /** What the user should know, one line each (an inline comment the AWS CLI reads as part of a value). */
  readonly warnings: readonly string[];
  /** Profiles that could not be written (found twice in the file), one line each. */
  readonly problems: readonly string[];
}

/**
 * Merges each role's profile section into the AWS config file (after a
 * backup), leaving every other line as it was; reports what was done, one line
 * per section, or with `dryRun` the diff and nothing written.
 */
export function writeRoleProfiles(props: WriteRoleProfilesProps): RoleProfilesWritten {
  const { file } = props;
  const { credentialProcess } = props;
  const sections = props.roles.map((role) =>
    credentialProcess
      ? credentialProcessProfileSection(role, props.owner, credentialProcess)
      : roleProfileSection(role, props.owner),
  );
  const update = updateConfigFile({ file, sections, managedKeys: MANAGED_PROFILE_KEYS, dryRun: props.dryRun });
  const { warnings, problems } = update;
  if (props.dryRun) return { report: formatSectionDiff(file, update.changes), warnings, problems };

  const report = update.changes.map((change) => `${change.status.padEnd(9)} [${change.name}]`);
  if (!update.written) return { report: `${report.join('\n')}\n${file}: no changes\n`, warnings, problems };
  if (update.backup) report.push(`backup    ${update.backup}`);
  report.push(`wrote     ${update.target}${update.throughLink ? ` (through the link ${file})` : ''}`);
  return { report: `${report.join('\n')}\n`, warnings, problems };
}
