import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { UserError } from '../user-error';
import { awsClientConfig, describeSite, requestSiteOf, withRequestSites } from './aws-client-config';
import type { TemporaryCredentials } from './credential-formats';
import { DEFAULT_NETWORK_TIMEOUTS } from './network-timeouts';
import type { RoleCredentialsProps } from './role-credentials';
import type { RoleTarget } from './role-session';

/** Credentials STS handed out that cannot be used: `reason` says why in two words, the message in a line. */
export class UnusableCredentials extends UserError {
  constructor(
    message: string,
    readonly reason: string,
  ) {
    super(message);
    this.name = 'UnusableCredentials';
  }
}

/**
 * Assumes the role once, for `assume` and `smoke`: what STS answers is checked
 * before anyone uses it, since printing keys that do not work would look like
 * success to `eval` or the AWS CLI. An answer without keys, or with keys
 * already expired (a wrong clock, or not STS at all), is an
 * {@link UnusableCredentials}; an AWS error is thrown as the SDK threw it, for
 * `explainAwsError`. (Applications use `roleCredentials`, which refreshes.)
 */
export async function assumeRoleOnce(target: RoleTarget, props: RoleCredentialsProps): Promise<TemporaryCredentials> {
  const timeouts = props.timeouts ?? DEFAULT_NETWORK_TIMEOUTS;
  const sts = withRequestSites(
    new STSClient({ region: props.region, credentials: props.sourceCredentials, ...awsClientConfig(timeouts) }),
    timeouts,
  );
  let answer;
  try {
    const tokenCode = props.mfaSerial ? await props.mfaCode?.(props.mfaSerial) : undefined;
    answer = await sts.send(
      new AssumeRoleCommand({
        RoleArn: props.roleArn,
        RoleSessionName: props.sessionName ?? `cross-account-${Date.now()}`,
        DurationSeconds: props.durationSeconds,
        ExternalId: props.externalId,
        SerialNumber: props.mfaSerial,
        TokenCode: tokenCode,
      }),
    );
  } finally {
    sts.destroy();
  }
  const where = describeSite(requestSiteOf(answer));
  const { AccessKeyId, SecretAccessKey, SessionToken, Expiration } = answer.Credentials ?? {};
  if (!AccessKeyId || !SecretAccessKey || !SessionToken) {
    throw new UnusableCredentials(
      `${where} granted AssumeRole of ${target.name} but sent no credentials: check that AWS_ENDPOINT_URL_STS points at STS, then retry`,
      'no credentials in the answer',
    );
  }
  if (!(Expiration instanceof Date) || Number.isNaN(Expiration.getTime())) {
    throw new UnusableCredentials(
      `${where} handed out credentials for ${target.name} without a time they expire: check that AWS_ENDPOINT_URL_STS points at STS`,
      'credentials without expiry',
    );
  }
  if (Expiration.getTime() <= Date.now()) {
    throw new UnusableCredentials(
      `${where} handed out credentials for ${target.name} that expired at ${Expiration.toISOString()}: check this computer's clock, and that AWS_ENDPOINT_URL_STS points at STS`,
      'expired credentials',
    );
  }
  return {
    accessKeyId: AccessKeyId,
    secretAccessKey: SecretAccessKey,
    sessionToken: SessionToken,
    expiration: Expiration,
  };
}
