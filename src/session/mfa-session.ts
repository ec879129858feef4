import { GetSessionTokenCommand, STSClient } from '@aws-sdk/client-sts';
import { sourceIdentity } from '../credential-cache/cache-key';
import type { CacheKey, MfaSessionEntry } from '../credential-cache/credential-cache';
import { UserError } from '../user-error';
import type { TemporaryCredentials } from './credential-formats';
import { explainAwsError } from './explain-aws-error';

/** One MFA code a working day: GetSessionToken's own default for IAM users. */
export const DEFAULT_MFA_SESSION_SECONDS = 43200;

/** The longest session GetSessionToken gives an IAM user (36 hours); shorter is AWS's 900 seconds. */
export const MAX_MFA_SESSION_SECONDS = 129600;

/** `--mfa-session-duration` as typed: whole seconds from 900 to 129600. */
export function parseMfaSessionDuration(text: string | undefined): number {
  if (text === undefined) return DEFAULT_MFA_SESSION_SECONDS;
  const seconds = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(seconds >= 900 && seconds <= MAX_MFA_SESSION_SECONDS)) {
    throw new UserError(
      `--mfa-session-duration must be whole seconds from 900 to ${MAX_MFA_SESSION_SECONDS} (36 hours, AWS's limit for IAM users), got "${text}"`,
    );
  }
  return seconds;
}

/** The cache key of the MFA session of a source identity (and MFA device, when one is named). */
export function mfaSessionKey(
  request: { readonly profile?: string; readonly serialNumber?: string },
  env: NodeJS.ProcessEnv = process.env,
): CacheKey {
  return { source: sourceIdentity(request.profile, env), serialNumber: request.serialNumber ?? null };
}

/** Props of {@link startMfaSession}. */
export interface StartMfaSessionProps {
  /** An STS client signing with the caller's long-term keys (GetSessionToken refuses temporary ones). */
  readonly sts: STSClient;
  readonly callerArn: string;
  readonly mfaSerial: string;
  readonly mfaCode: string;
  readonly durationSeconds: number;
  /** The source identity, as the cache records it. */
  readonly source: string;
}

/**
 * GetSessionToken with the MFA code: credentials that carry the MFA sign-in
 * (`aws:MultiFactorAuthPresent`, and `aws:MultiFactorAuthAge` counted from
 * now) into every AssumeRole signed with them, so one code serves every role
 * until they expire, as aws-vault's sessions do.
 */
export async function startMfaSession(props: StartMfaSessionProps): Promise<MfaSessionEntry> {
  const authenticatedAt = new Date().toISOString();
  let answer;
  try {
    answer = await props.sts.send(
      new GetSessionTokenCommand({
        SerialNumber: props.mfaSerial,
        TokenCode: props.mfaCode,
        DurationSeconds: props.durationSeconds,
      }),
    );
  } catch (error) {
    if ((error as Error).name === 'AccessDenied') {
      throw new UserError(
        `AccessDenied on GetSessionToken: the MFA code is wrong or was already used, or ${props.mfaSerial} is not your MFA device (--serial-number)`,
      );
    }
    throw explainAwsError(error) ?? error;
  }
  const { AccessKeyId, SecretAccessKey, SessionToken, Expiration } = answer.Credentials ?? {};
  if (!AccessKeyId || !SecretAccessKey || !SessionToken || !(Expiration instanceof Date)) {
    throw new UserError(
      'STS answered GetSessionToken without credentials: check that AWS_ENDPOINT_URL_STS points at STS',
    );
  }
  return {
    kind: 'mfa-session',
    source: props.source,
    mfaSerial: props.mfaSerial,
    callerArn: props.callerArn,
    authenticatedAt,
    credentials: {
      accessKeyId: AccessKeyId,
      secretAccessKey: SecretAccessKey,
      sessionToken: SessionToken,
      expiration: Expiration.toISOString(),
    },
  };
}

/** The session's credentials as SDK clients take them. */
export function mfaSessionCredentials(entry: MfaSessionEntry): TemporaryCredentials {
  const { accessKeyId, secretAccessKey, sessionToken, expiration } = entry.credentials;
  return { accessKeyId, secretAccessKey, sessionToken, expiration: new Date(expiration) };
}
