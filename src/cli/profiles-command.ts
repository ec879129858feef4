import { resolve } from 'node:path';
import type { Command } from 'commander';
import { findRoleUsage, listRoleUsages } from '../access/role-usage';
import { awsConfigFilePath } from '../aws-config/config-file-writer';
import type { CredentialProcessProgram } from '../aws-config/role-profile';
import { writeRoleProfiles, type RoleProfilesWritten } from '../aws-config/write-role-profiles';
import { assertMfaSerial, assertProfileName } from '../aws-config/config-file-grammar';
import { IAM_NAME_CHARACTERS } from '../policies/arn';
import { ProblemsFound, UserError } from '../user-error';
import { loadCurrentStack } from './current-stack';
import { outdirOption, withExamples, type SettingsFileOptions } from './shared-options';

interface ProfilesOptions extends SettingsFileOptions {
  readonly role?: string[];
  readonly user?: string;
  readonly mfaSerial?: string;
  readonly sourceProfile?: string;
  readonly configFile?: string;
  readonly dryRun?: boolean;
  readonly outdir?: string;
  readonly credentialProcess?: boolean;
}

/** `cross-account profiles`: writes each role's profile into the AWS config file, merging. */
export function registerProfilesCommand(program: Command): void {
  withExamples(
    program
      .command('profiles')
      .description("write each role's profile into the AWS config file (AWS_CONFIG_FILE or ~/.aws/config)")
      .option('--role <name...>', 'only these roles (IAM or profile names)')
      .option('--user <name>', 'your IAM user name, for roles that ask for MFA or a session named after you')
      .option('--mfa-serial <arn>', 'your MFA device ARN (default arn:aws:iam::<identity account>:mfa/<user>)')
      .option(
        '--source-profile <name>',
        "the profile holding your own credentials, which the role profiles assume from (default: the settings' sourceProfile, else default)",
      )
      .option(
        '--credential-process',
        'write profiles whose credential_process runs `cross-account assume` (cached credentials, one MFA code a day) instead of role_arn and source_profile',
      )
      .option('--config-file <file>', 'AWS config file to write (default AWS_CONFIG_FILE, else ~/.aws/config)')
      .option('--dry-run', 'print the diff instead of writing')
      .addOption(outdirOption()),
    'cross-account profiles --dry-run',
    'cross-account profiles --user John --role S3ProductionAccessRole',
    'cross-account profiles --credential-process --user John',
  ).action((options: ProfilesOptions) => {
    const written = writeProfiles(options);
    process.stdout.write(written.report);
    for (const warning of written.warnings) console.error(`warning: ${warning}`);
    // A profile left unwritten is a failed run, though the others were written.
    if (written.problems.length > 0) throw new ProblemsFound(written.problems);
  });
}

/**
 * Merges the profiles into the config file (after a backup) or, with `dryRun`, returns the diff only. With
 * `credentialProcess`, the profiles run `program` (by default this node and this CLI's script).
 */
export function writeProfiles(
  options: ProfilesOptions,
  env: NodeJS.ProcessEnv = process.env,
  program: Omit<CredentialProcessProgram, 'settingsFile'> = {
    node: process.execPath,
    script: resolve(process.argv[1]),
  },
): RoleProfilesWritten {
  const current = loadCurrentStack(options, env);
  const roles = options.role
    ? options.role.map((name) => findRoleUsage(current.stack, name, current.description))
    : listRoleUsages(current.stack);
  const { sourceProfile } = options;
  if (sourceProfile !== undefined) assertProfileName('--source-profile', sourceProfile);
  if (options.user !== undefined && (options.user.length > 64 || !IAM_NAME_CHARACTERS.test(options.user))) {
    throw new UserError(
      `--user ${JSON.stringify(options.user)}: must be your IAM user name: 1 to 64 letters, digits and + = , . @ _ -`,
    );
  }
  if (options.mfaSerial !== undefined) assertMfaSerial('--mfa-serial', options.mfaSerial);
  return writeRoleProfiles({
    file: options.configFile ?? awsConfigFilePath(env),
    roles: sourceProfile ? roles.map((role) => ({ ...role, sourceProfile })) : roles,
    owner: { userName: options.user, mfaSerial: options.mfaSerial },
    dryRun: options.dryRun,
    ...(options.credentialProcess && {
      credentialProcess: { ...program, settingsFile: resolve(current.settingsFile ?? options.config) },
    }),
  });
}
