import { fromTemporaryCredentials, type FromTemporaryCredentialsOptions } from '@aws-sdk/credential-providers';
import { awsClientConfig, requestSites } from './aws-client-config';
import { DEFAULT_NETWORK_TIMEOUTS, type NetworkTimeouts } from './network-timeouts';

/** A credential provider as SDK clients take it (the type of `fromTemporaryCredentials`'s result). */
export type RoleCredentialProvider = ReturnType<typeof fromTemporaryCredentials>;

/** Props of {@link roleCredentials}. */
export interface RoleCredentialsProps {
  /** ARN of the role to assume. */
  readonly roleArn: string;
  /** Session name, shown in CloudTrail. @default `aws-sdk-js-<time>` (the SDK's) */
  readonly sessionName?: string;
  /** Session length in seconds (900 to the role's maximum). @default 3600 */
  readonly durationSeconds?: number;
  /** External id, for roles whose trust policy asks for one. @default none */
  readonly externalId?: string;
  /** ARN of the caller's MFA device, for roles that require MFA. @default none */
  readonly mfaSerial?: string;
  /** Returns the current MFA code; called at each refresh. Required with `mfaSerial`. @default none */
  readonly mfaCode?: (mfaSerial: string) => Promise<string>;
  /** Credentials the role is assumed with. @default the SDK's standard provider chain */
  readonly sourceCredentials?: FromTemporaryCredentialsOptions['masterCredentials'];
  /** Region of the STS client. @default AWS_REGION, the profile's region, else us-east-1 */
  readonly region?: string;
  /** How long STS (and S3, for s3ClientForRole in role-s3-client.ts) may take. @default {@link DEFAULT_NETWORK_TIMEOUTS} */
  readonly timeouts?: NetworkTimeouts;
}

/**
 * Credentials of a role for an application (AssumeRole from code): the SDK calls
 * STS AssumeRole when a client first needs them and again before they expire,
 * so a long-running application never holds expired keys. STS endpoint settings
 * (`AWS_ENDPOINT_URL_STS`, `AWS_ENDPOINT_URL`) apply, as for any SDK client.
 */
export function roleCredentials(props: RoleCredentialsProps): RoleCredentialProvider {
  const timeouts = props.timeouts ?? DEFAULT_NETWORK_TIMEOUTS;
  return fromTemporaryCredentials({
    params: {
      RoleArn: props.roleArn,
      RoleSessionName: props.sessionName,
      DurationSeconds: props.durationSeconds,
      ExternalId: props.externalId,
      SerialNumber: props.mfaSerial,
    },
    masterCredentials: props.sourceCredentials,
    mfaCodeProvider: props.mfaCode,
    clientConfig: { ...(props.region && { region: props.region }), ...awsClientConfig(timeouts) },
    clientPlugins: [requestSites(timeouts)],
  });
}
