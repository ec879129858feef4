import type { Command } from 'commander';
import { findRoleUsage } from '../access';
import { isIamRoleArn } from '../policies/arn';
import { roleTargetOfArn, type RoleSessionRequest, type RoleTarget } from '../session/role-session';
import { UserError } from '../user-error';
import { loadCurrentStack } from './current-stack';
import { outdirOption, type SettingsFileOptions } from './shared-options';

/** The options `assume` and `smoke` share. */
export interface RoleSessionOptions extends RoleSessionRequest, SettingsFileOptions {
  /** Role name (IAM or profile name) from the settings, or a role ARN. */
  readonly role: string;
  readonly outdir?: string;
}

/** Adds the options of {@link RoleSessionOptions} (shared by `assume` and `smoke`) to a command. */
export function withRoleSessionOptions(command: Command): Command {
  return command
    .requiredOption('--role <name|arn>', 'the role (required): its IAM or profile name in the stack, or a role ARN')
    .option('--profile <profile>', 'AWS profile to assume it from (default: the standard credential chain)')
    .option('--duration <seconds>', 'session length in seconds (900 to the role maximum)')
    .option('--mfa-code <code>', 'MFA code (asked for on stderr when the role requires MFA)')
    .option('--serial-number <arn>', 'MFA device ARN (default arn:aws:iam::<your account>:mfa/<your user>)')
    .option('--external-id <id>', 'external id, for a role ARN not in the settings')
    .option(
      '--connect-timeout <seconds>',
      'how long AWS may take to accept a connection (default CROSS_ACCOUNT_CONNECT_TIMEOUT, else 5)',
    )
    .option(
      '--read-timeout <seconds>',
      'how long AWS may take to answer a request (default CROSS_ACCOUNT_READ_TIMEOUT, else 15)',
    )
    .addOption(outdirOption());
}

/** A role of the settings; an ARN not in them is assumed as given (for credential_process run from anywhere). */
export function resolveRoleTarget(options: RoleSessionOptions): RoleTarget {
  try {
    const current = loadCurrentStack(options);
    return findRoleUsage(current.stack, options.role, current.description);
  } catch (error) {
    const usable = error instanceof UserError;
    if (!usable || !isIamRoleArn(options.role)) throw error;
    return roleTargetOfArn(options.role);
  }
}
