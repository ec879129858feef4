import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { Command } from 'commander';
import { fromIni } from '@aws-sdk/credential-providers';
import { findRoleUsage } from '../access';
import { iamArn, iamUserOfArn, isIamRoleArn } from '../policies/arn';
import type { TrustRequirements } from '../policies';
import { SettingsError } from '../config';
import { explainAwsError } from '../session/explain-aws-error';
import type { RoleCredentialsProps } from '../session/role-credentials';
import { UserError } from '../user-error';
import { loadCurrentStack } from './current-stack';
import { promptMfaCode } from './mfa-prompt';

/** The options `assume` and `smoke` share. */
export interface RoleSessionOptions {
  /** Role name (IAM or profile name) from the settings, or a role ARN. */
  readonly role: string;
  readonly profile?: string;
  readonly duration?: string;
  readonly mfaCode?: string;
  readonly serialNumber?: string;
  readonly externalId?: string;
  readonly outdir?: string;
}

/** Adds the options of {@link RoleSessionOptions} (shared by `assume` and `smoke`) to a command. */
export function withRoleSessionOptions(command: Command): Command {
  return command
    .requiredOption('--role <name|arn>', 'role name from the settings, or a role ARN')
    .option('--profile <profile>', 'AWS profile to assume it from (default: the standard credential chain)')
    .option('--duration <seconds>', 'session length in seconds (900 to the role maximum)')
    .option('--mfa-code <code>', 'MFA code (asked for on stderr when the role requires MFA)')
    .option('--serial-number <arn>', 'MFA device ARN (default arn:aws:iam::<your account>:mfa/<your user>)')
    .option('--external-id <id>', 'external id, for a role ARN not in the settings')
    .option('--outdir <dir>', 'read this cdktf.out instead of synthesizing the current settings');
}

/** The role to assume and what is known of it. */
export interface RoleTarget {
  readonly name: string;
  readonly arn: string;
  readonly requirements: TrustRequirements;
  /** Longest session the role allows. @default 43200 (unknown: AWS's limit) */
  readonly maxSessionDuration: number;
  /** Region of the role's account. @default none */
  readonly region?: string;
}

/**
 * Everything needed to assume the role as the caller: the target, and props
 * for {@link roleCredentials} with the session named after the caller (what
 * `sessionNameMustMatchUser` expects), the MFA code (asked for when the role
 * requires MFA) and the external id the role expects. `found` skips looking the role up.
 */
export async function openRoleSession(
  options: RoleSessionOptions,
  found?: RoleTarget,
  askMfaCode: (serial: string) => Promise<string> = promptMfaCode,
): Promise<{ readonly target: RoleTarget; readonly props: RoleCredentialsProps }> {
  const target = found ?? findTarget(options);
  const region = process.env.AWS_REGION || target.region || 'us-east-1';
  const sourceCredentials = options.profile
    ? fromIni({ profile: options.profile, mfaCodeProvider: askMfaCode })
    : undefined;
  const sts = new STSClient({ region, credentials: sourceCredentials });
  let callerArn: string;
  try {
    callerArn = (await sts.send(new GetCallerIdentityCommand({}))).Arn ?? '';
  } catch (error) {
    throw explainAwsError(error) ?? error;
  }
  const userName = callerArn.split('/').at(-1) ?? '';
  const needsMfa = target.requirements.mfa || options.mfaCode !== undefined || options.serialNumber !== undefined;
  const mfaSerial = needsMfa ? (options.serialNumber ?? mfaDeviceOf(callerArn, target.name)) : undefined;
  const mfaCode = mfaSerial ? (options.mfaCode ?? (await askMfaCode(mfaSerial))) : undefined;
  return {
    target,
    props: {
      roleArn: target.arn,
      sessionName: userName
        .replace(/[^\w+=,.@-]/g, '-')
        .slice(0, 64)
        .padEnd(2, '-'),
      durationSeconds: parseDuration(options.duration, target),
      externalId: target.requirements.externalId ?? options.externalId,
      mfaSerial,
      ...(mfaCode && { mfaCode: () => Promise.resolve(mfaCode) }),
      sourceCredentials,
      region,
    },
  };
}

/** A role of the settings; an ARN not in them is assumed as given (for credential_process run from anywhere). */
function findTarget(options: RoleSessionOptions): RoleTarget {
  try {
    return findRoleUsage(loadCurrentStack(options.outdir), options.role);
  } catch (error) {
    const usable = error instanceof UserError || error instanceof SettingsError;
    if (!usable || !isIamRoleArn(options.role)) throw error;
    return {
      name: options.role.split('/').at(-1) ?? options.role,
      arn: options.role,
      requirements: { mfa: false, sessionNameMustMatchUser: false },
      maxSessionDuration: 43200,
    };
  }
}

/** An IAM user's virtual MFA device, named after the user as the console suggests. */
function mfaDeviceOf(callerArn: string, roleName: string): string {
  const user = iamUserOfArn(callerArn);
  if (!user) throw new UserError(`role ${roleName} requires MFA: pass --serial-number <your MFA device ARN>`);
  return iamArn(user.partition, user.account, 'mfa', user.name);
}

function parseDuration(text: string | undefined, target: RoleTarget): number | undefined {
  if (text === undefined) return undefined;
  const seconds = Number(text);
  if (!Number.isInteger(seconds) || seconds < 900 || seconds > target.maxSessionDuration) {
    throw new UserError(
      `--duration must be whole seconds from 900 to ${target.maxSessionDuration} (the role's maximum), got "${text}"`,
    );
  }
  return seconds;
}
