import type { RoleUsage } from '../access';
import { mergeConfigSections } from './config-file-sections';
import { readConfigFile, writeConfigFile } from './config-file-writer';
import { MANAGED_PROFILE_KEYS, roleProfileSection, type ProfileOwner } from './role-profile';
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
}

/**
 * Merges each role's profile section into the AWS config file (after a
 * backup), leaving every other line as it was; returns what was done, one line
 * per section, or with `dryRun` the diff and nothing written.
 */
export function writeRoleProfiles(props: WriteRoleProfilesProps): string {
  const { file } = props;
  const { text: before } = readConfigFile(file);
  const sections = props.roles.map((role) => roleProfileSection(role, props.owner));
  const merged = mergeConfigSections(before, sections, MANAGED_PROFILE_KEYS);
  if (props.dryRun) return formatSectionDiff(file, merged.changes);

  const report = merged.changes.map((change) => `${change.status.padEnd(9)} [${change.name}]`);
  if (merged.text === before) return `${report.join('\n')}\n${file}: no changes\n`;
  const { backup } = writeConfigFile(file, merged.text);
  if (backup) report.push(`backup    ${backup}`);
  report.push(`wrote     ${file}`);
  return `${report.join('\n')}\n`;
}
