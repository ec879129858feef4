import type { Command } from 'commander';
import { findRoleUsage, listRoleUsages } from '../access';
import { awsConfigFilePath } from '../aws-config/config-file-writer';
import { writeRoleProfiles, type RoleProfilesWritten } from '../aws-config/write-role-profiles';
import { PROFILE_NAME } from '../config/settings-schema';
import { ProblemsFound, UserError } from '../user-error';
import { loadCurrentStack } from './current-stack';

interface ProfilesOptions {
  readonly role?: string[];
  readonly user?: string;
  readonly mfaSerial?: string;
  readonly sourceProfile?: string;
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
    .option(
      '--source-profile <name>',
      "the profile holding your own credentials, which the role profiles assume from (default: the settings' sourceProfile, else default)",
    )
    .option('--config-file <file>', 'config file to write (default AWS_CONFIG_FILE, else ~/.aws/config)')
    .option('--dry-run', 'print the diff instead of writing')
    .option('--outdir <dir>', 'read this cdktf.out instead of synthesizing the current settings')
    .action((options: ProfilesOptions) => {
      const written = writeProfiles(options);
      process.stdout.write(written.report);
      for (const warning of written.warnings) console.error(`warning: ${warning}`);
      // A profile left unwritten is a failed run, though the others were written.
      if (written.problems.length > 0) throw new ProblemsFound(written.problems);
    });
}

/** Merges the profiles into the config file (after a backup) or, with `dryRun`, returns the diff only. */
export function writeProfiles(options: ProfilesOptions, env: NodeJS.ProcessEnv = process.env): RoleProfilesWritten {
  const stack = loadCurrentStack(options.outdir, env);
  const roles = options.role ? options.role.map((name) => findRoleUsage(stack, name)) : listRoleUsages(stack);
  const { sourceProfile } = options;
  if (sourceProfile !== undefined && !PROFILE_NAME.test(sourceProfile))
    throw new UserError(
      `--source-profile ${JSON.stringify(sourceProfile)}: must be an AWS CLI profile name (letters, digits and ._@+-)`,
    );
  return writeRoleProfiles({
    file: options.configFile ?? awsConfigFilePath(env),
    roles: sourceProfile ? roles.map((role) => ({ ...role, sourceProfile })) : roles,
    owner: { userName: options.user, mfaSerial: options.mfaSerial },
    dryRun: options.dryRun,
  });
}
