import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { awsClientConfig, withRequestSites } from './aws-client-config';
import { DEFAULT_NETWORK_TIMEOUTS } from './network-timeouts';
import { roleCredentials, type RoleCredentialsProps } from './role-credentials';

/** An S3 client that acts as the role, with {@link roleCredentials}; `clientConfig` adds to it. */
export function s3ClientForRole(props: RoleCredentialsProps, clientConfig: S3ClientConfig = {}): S3Client {
  const timeouts = props.timeouts ?? DEFAULT_NETWORK_TIMEOUTS;
  const client = new S3Client({
    ...(props.region && { region: props.region }),
    ...awsClientConfig(timeouts),
    ...clientConfig,
    credentials: roleCredentials(props),
  });
  return withRequestSites(client, timeouts);
}
