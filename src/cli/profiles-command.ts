import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import { findRoleUsage, listRoleUsages } from '../access';
import { mergeConfigSections } from '../session/config-file-sections';
import { MANAGED_PROFILE_KEYS, roleProfileSection } from '../session/role-profile';
import { formatSectionDiff } from '../session/section-diff';
import { loadCurrentStack } from './current-stack';

interface ProfilesOptions {
  readonly role?: string[];
  readonly user?: string;
  readonly mfaSerial?: string;
  readonly configFile?: string;
  readonly dryRun?: boolean;
  readonly outdir?: string;
}

/** `cross-account profiles`: writes each role's profile into the AWS config file, merging. */
export function registerProfilesCommand(program: Command): void {
  program
    .command('profiles')
    .description("write each role's profile into the AWS config file (AWS_CONFIG_FILE or ~/.aws/config)")
    .option('--role <name...>', 'only these roles (IAM or profile names)')
    .option('--user <name>', 'your IAM user name, for roles that ask for MFA or a session named after you')
    .option('--mfa-serial <arn>', 'your MFA device ARN (default arn:aws:iam::<identity account>:mfa/<user>)')
    .option('--config-file <file>', 'config file to write (default AWS_CONFIG_FILE, else ~/.aws/config)')
    .option('--dry-run', 'print the diff instead of writing')
    .option('--outdir <dir>', 'read this cdktf.out instead of synthesizing the current settings')
    .action((options: ProfilesOptions) => {
      process.stdout.write(writeProfiles(options));
    });
}

/** Merges the profiles into the config file (after a backup) or, with `dryRun`, returns the diff only. */
export function writeProfiles(options: ProfilesOptions, env: NodeJS.ProcessEnv = process.env): string {
  const stack = loadCurrentStack(options.outdir, env);
  const roles = options.role ? options.role.map((name) => findRoleUsage(stack, name)) : listRoleUsages(stack);
  const owner = { userName: options.user, mfaSerial: options.mfaSerial };
  const file = options.configFile ?? env.AWS_CONFIG_FILE ?? join(homedir(), '.aws', 'config');
  const exists = existsSync(file);
  const before = exists ? readFileSync(file, 'utf8') : '';
  const sections = roles.map((role) => roleProfileSection(role, owner));
  const merged = mergeConfigSections(before, sections, MANAGED_PROFILE_KEYS);
  if (options.dryRun) return formatSectionDiff(file, merged.changes);

  const report = merged.changes.map((change) => `${change.status.padEnd(9)} [${change.name}]`);
  if (merged.text === before) return `${report.join('\n')}\n${file}: no changes\n`;
  if (exists) {
    const backup = `${file}.${new Date().toISOString().replace(/[:.]/g, '-')}.bak`;
    copyFileSync(file, backup);
    report.push(`backup    ${backup}`);
  } else {
    // ~/.aws holds credentials too: create it readable by its owner only, as the AWS CLI does.
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  }
  writeFileSync(file, merged.text, { mode: 0o600 });
  report.push(`wrote     ${file}`);
  return `${report.join('\n')}\n`;
}
