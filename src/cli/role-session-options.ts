import type { Command } from 'commander';
import type { RoleSessionRequest } from '../session/role-session';
import type { MfaPromptOptions } from './mfa-prompt';
import { outdirOption, type SettingsFileOptions } from './shared-options';

/** The options `assume`, `smoke` and `console` share. */
export interface RoleSessionOptions extends RoleSessionRequest, MfaPromptOptions, SettingsFileOptions {
  /** Role name (IAM or profile name) from the settings, or a role ARN. */
  readonly role: string;
  readonly outdir?: string;
  /** Use the credential cache (`--no-cache` sets it false). @default true */
  readonly cache?: boolean;
}

/** Adds the options of {@link RoleSessionOptions} (shared by `assume`, `smoke` and `console`) to a command. */
export function withRoleSessionOptions(command: Command, { duration = true } = {}): Command {
  command
    .requiredOption('--role <name|arn>', 'the role (required): its IAM or profile name in the stack, or a role ARN')
    .option('--profile <profile>', 'AWS profile to assume it from (default: the standard credential chain)');
  if (duration) command.option('--duration <seconds>', 'session length in seconds (900 to the role maximum)');
  return command
    .option('--mfa-code <code>', 'MFA code (asked for on stderr when the role requires MFA)')
    .option('--serial-number <arn>', 'MFA device ARN (default arn:aws:iam::<your account>:mfa/<your user>)')
    .option(
      '--mfa-timeout <seconds>',
      'how long to wait for the MFA code (default CROSS_ACCOUNT_MFA_TIMEOUT, else 60 when standard input is not a terminal)',
    )
    .option(
      '--mfa-session-duration <seconds>',
      'how long one MFA code serves, for roles that require MFA (900 to 129600)',
      '43200',
    )
    .option('--external-id <id>', 'external id, for a role ARN not in the settings')
    .option(
      '--connect-timeout <seconds>',
      'how long AWS may take to accept a connection (default CROSS_ACCOUNT_CONNECT_TIMEOUT, else 5)',
    )
    .option(
      '--read-timeout <seconds>',
      'how long AWS may take to answer a request (default CROSS_ACCOUNT_READ_TIMEOUT, else 15)',
    )
    .option('--no-cache', 'neither read nor write the credential cache (~/.cache/cross-account)')
    .addOption(outdirOption());
}
