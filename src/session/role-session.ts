import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { assertMfaSerial, assertProfileName } from '../aws-config/config-file-grammar';
import type { CredentialCache, MfaSessionEntry } from '../credential-cache/credential-cache';
import { DEFAULT_REGION, iamArn, iamUserOfArn } from '../policies/arn';
import { EXTERNAL_ID_CHARACTERS, type TrustRequirements } from '../policies/trust-requirements';
import { UserError } from '../user-error';
import { awsClientConfig, describeSite, requestSiteOf, requestSites, withRequestSites } from './aws-client-config';
import { explainAwsError } from './explain-aws-error';
import { mfaSessionCredentials, mfaSessionKey, parseMfaSessionDuration, startMfaSession } from './mfa-session';
import { networkTimeouts, type TimeoutOptions } from './network-timeouts';
import type { RoleCredentialsProps } from './role-credentials';

/** How the caller asks for a role session: what `assume` and `smoke` take on the command line. */
export interface RoleSessionRequest extends TimeoutOptions {
  /** AWS profile to assume the role from. @default the standard credential chain */
  readonly profile?: string;
  /** Session length in seconds, as typed. @default the SDK's (3600) */
  readonly duration?: string;
  /** MFA code. @default asked for when the role requires MFA */
  readonly mfaCode?: string;
  /** MFA device ARN. @default the caller's virtual device, named after the user */
  readonly serialNumber?: string;
  /** External id, for a role ARN not in the settings. @default the role's own */
  readonly externalId?: string;
  /** How long one MFA code serves (GetSessionToken), in seconds, as typed. @default 43200 */
  readonly mfaSessionDuration?: string;
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

/** A role known only by its ARN (not in the settings): nothing is known of what its trust policy asks. */
export function roleTargetOfArn(arn: string): RoleTarget {
  return {
    name: arn.split('/').at(-1) ?? arn,
    arn,
    requirements: { mfa: false, sessionNameMustMatchUser: false },
    maxSessionDuration: 43200,
  };
}

/**
 * Everything needed to assume `target` as the caller: props for
 * {@link roleCredentials} with the session named after the caller (what
 * `sessionNameMustMatchUser` expects), the MFA code (asked for with
 * `askMfaCode` when the role requires MFA), the external id the role expects
 * and the network timeouts. What the caller typed is checked before any request.
 *
 * With a `cache`, a role that requires MFA is assumed from an MFA session
 * instead, as aws-vault does: GetSessionToken with the code once, cached, then
 * every role assumed with its credentials and no code until it expires (or
 * grows older than the role's `aws:MultiFactorAuthAge` limit). Callers that
 * cannot get one (an assumed role or SSO session, temporary keys) are asked for
 * a code at each AssumeRole, as without a cache.
 */
export async function openRoleSession(
  request: RoleSessionRequest,
  target: RoleTarget,
  askMfaCode: (serial: string) => Promise<string>,
  cache?: CredentialCache,
): Promise<RoleCredentialsProps> {
  checkTypedRequest(request);
  const durationSeconds = parseDuration(request.duration, target);
  const mfaSessionSeconds = parseMfaSessionDuration(request.mfaSessionDuration);
  const timeouts = networkTimeouts(request);
  const region = process.env.AWS_REGION || target.region || DEFAULT_REGION;
  const common = {
    roleArn: target.arn,
    durationSeconds,
    externalId: target.requirements.externalId ?? request.externalId,
    region,
    timeouts,
  };
  const needsMfa = target.requirements.mfa || request.mfaCode !== undefined || request.serialNumber !== undefined;
  const sessionKey = cache && needsMfa ? mfaSessionKey(request) : undefined;
  const cached = sessionKey && cache?.readMfaSession(sessionKey, target.requirements.mfaMaxAgeSeconds);
  if (cached) return fromMfaSession(cached, common);

  // The inner clients of the credential chain (STS for a role profile, SSO) get the same timeouts.
  const chain = {
    mfaCodeProvider: askMfaCode,
    clientConfig: awsClientConfig(timeouts),
    clientPlugins: [requestSites(timeouts)],
  };
  const provider = request.profile ? fromIni({ profile: request.profile, ...chain }) : fromNodeProviderChain(chain);
  // For an MFA session the keys are resolved once: GetSessionToken takes long-term keys only.
  const sourceCredentials = sessionKey ? await resolveCredentials(provider) : provider;
  const sts = withRequestSites(
    new STSClient({ region, credentials: sourceCredentials, ...awsClientConfig(timeouts) }),
    timeouts,
  );
  try {
    const callerArn = await callerArnOf(sts);
    const mfaSerial = needsMfa ? (request.serialNumber ?? mfaDeviceOf(callerArn, target.name)) : undefined;
    const mfaCode = mfaSerial ? (request.mfaCode ?? (await askMfaCode(mfaSerial))) : undefined;
    const longTermKeys = typeof sourceCredentials === 'object' && !sourceCredentials.sessionToken;
    if (sessionKey && cache && mfaSerial && mfaCode && longTermKeys && iamUserOfArn(callerArn)) {
      const session = await startMfaSession({
        sts,
        callerArn,
        mfaSerial,
        mfaCode,
        durationSeconds: mfaSessionSeconds,
        source: String(sessionKey.source),
      });
      cache.writeMfaSession(sessionKey, session);
      return fromMfaSession(session, common);
    }
    return {
      ...common,
      sessionName: sessionNameOf(callerArn),
      mfaSerial,
      ...(mfaCode && { mfaCode: () => Promise.resolve(mfaCode) }),
      sourceCredentials,
    };
  } finally {
    sts.destroy();
  }
}

/** The caller's ARN (GetCallerIdentity): the session is named after it. */
async function callerArnOf(sts: STSClient): Promise<string> {
  try {
    const caller = await sts.send(new GetCallerIdentityCommand({}));
    if (!caller.Arn) {
      throw new UserError(
        `${describeSite(requestSiteOf(caller))} answered GetCallerIdentity without your ARN, so the session cannot be named after you: check that AWS_ENDPOINT_URL_STS points at STS`,
      );
    }
    return caller.Arn;
  } catch (error) {
    throw explainAwsError(error) ?? error;
  }
}

/** Props that assume the role with an MFA session's credentials: no code, since they carry the MFA sign-in. */
function fromMfaSession(
  session: MfaSessionEntry,
  common: Omit<RoleCredentialsProps, 'sessionName' | 'sourceCredentials'>,
): RoleCredentialsProps {
  return {
    ...common,
    sessionName: sessionNameOf(session.callerArn),
    sourceCredentials: mfaSessionCredentials(session),
  };
}

async function resolveCredentials(provider: ReturnType<typeof fromNodeProviderChain>) {
  try {
    return await provider();
  } catch (error) {
    throw explainAwsError(error) ?? error;
  }
}

/** The session is named after the caller (its user or session name), in the characters and length STS accepts. */
function sessionNameOf(callerArn: string): string {
  const name = (callerArn.split('/').at(-1) ?? '').replace(/[^\w+=,.@-]/g, '-').slice(0, 64);
  if (!/[A-Za-z0-9]/.test(name)) {
    throw new UserError(
      `cannot name the session after the caller ${callerArn}: its name has no letter or digit; assume the role from an IAM user or role session with a name`,
    );
  }
  return name.padEnd(2, '-');
}

/** An IAM user's virtual MFA device, named after the user as the console suggests. */
function mfaDeviceOf(callerArn: string, roleName: string): string {
  const user = iamUserOfArn(callerArn);
  if (!user) throw new UserError(`role ${roleName} requires MFA: pass --serial-number <your MFA device ARN>`);
  return iamArn(user.partition, user.account, 'mfa', user.name);
}

/** What the caller typed, checked before any request: each mistake is one line naming the option. */
function checkTypedRequest(request: RoleSessionRequest): void {
  const { mfaCode, externalId, serialNumber, profile } = request;
  if (mfaCode !== undefined && !/^\d{6}$/.test(mfaCode)) {
    throw new UserError(`--mfa-code must be the 6 digits your MFA device shows, got "${mfaCode}"`);
  }
  if (
    externalId !== undefined &&
    (externalId.length < 2 || externalId.length > 1224 || !EXTERNAL_ID_CHARACTERS.test(externalId))
  ) {
    throw new UserError(
      `--external-id must be 2 to 1224 letters, digits and _ + = , . @ : / - (what STS accepts), got ${JSON.stringify(externalId)}`,
    );
  }
  if (serialNumber !== undefined) assertMfaSerial('--serial-number', serialNumber);
  if (profile !== undefined) assertProfileName('--profile', profile);
}

/** `--duration` as typed: whole seconds from 900 to the role's maximum session, or undefined for none given. */
export function parseDuration(text: string | undefined, target: RoleTarget): number | undefined {
  if (text === undefined) return undefined;
  const seconds = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(seconds >= 900 && seconds <= target.maxSessionDuration)) {
    throw new UserError(
      `--duration must be whole seconds from 900 to ${target.maxSessionDuration} (the role's maximum), got "${text}"`,
    );
  }
  return seconds;
}
