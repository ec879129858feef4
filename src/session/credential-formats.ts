/** Temporary credentials as the SDK's providers return them. */
export interface TemporaryCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
  readonly expiration?: Date;
}

/** How `assume` prints credentials. */
export const CREDENTIAL_FORMATS = ['env', 'json', 'credential-process'] as const;
export type CredentialFormat = (typeof CREDENTIAL_FORMATS)[number];

/**
 * Credentials as text: `env` is `export …` lines for a shell (AWS_CREDENTIAL_EXPIRATION
 * is read by the SDKs' environment provider), `json` the `Credentials` object of
 * `aws sts assume-role`, `credential-process` the JSON the AWS CLI's `credential_process` reads.
 */
export function formatCredentials(credentials: TemporaryCredentials, format: CredentialFormat): string {
  const expiration = credentials.expiration?.toISOString();
  switch (format) {
    case 'env':
      return [
        `export AWS_ACCESS_KEY_ID=${credentials.accessKeyId}`,
        `export AWS_SECRET_ACCESS_KEY=${credentials.secretAccessKey}`,
        ...(credentials.sessionToken ? [`export AWS_SESSION_TOKEN=${credentials.sessionToken}`] : []),
        ...(expiration ? [`export AWS_CREDENTIAL_EXPIRATION=${expiration}`] : []),
        '',
      ].join('\n');
    case 'json':
      return `${JSON.stringify({ Credentials: awsNames(credentials, expiration) }, null, 2)}\n`;
    case 'credential-process':
      return `${JSON.stringify({ Version: 1, ...awsNames(credentials, expiration) })}\n`;
  }
}

function awsNames(credentials: TemporaryCredentials, expiration: string | undefined) {
  return {
    AccessKeyId: credentials.accessKeyId,
    SecretAccessKey: credentials.secretAccessKey,
    SessionToken: credentials.sessionToken,
    Expiration: expiration,
  };
}
