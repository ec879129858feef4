import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Endpoints the SDK is pointed at. */
export interface LoopbackEndpoints {
  readonly sts?: string;
  readonly s3?: string;
}

/** Variables that could point the SDK (or the console sign-in) anywhere else: cleared wherever the loopback environment is applied. */
export const AWS_ENVIRONMENT_KEYS: readonly string[] = [
  'AWS_ENDPOINT_URL',
  'AWS_ENDPOINT_URL_STS',
  'AWS_ENDPOINT_URL_S3',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_PROFILE',
  'AWS_REGION',
  'AWS_CONFIG_FILE',
  'AWS_SHARED_CREDENTIALS_FILE',
  'AWS_EC2_METADATA_DISABLED',
  'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED',
  'AWS_MAX_ATTEMPTS',
  'CROSS_ACCOUNT_FEDERATION_ENDPOINT',
];

/**
 * The environment that points the real SDK clients at loopback endpoints with
 * dummy static keys, and away from this machine's AWS files and instance
 * metadata, so nothing run in it can reach AWS.
 */
export function loopbackAwsEnvironment(endpoints: LoopbackEndpoints): Record<string, string> {
  const nowhere = join(tmpdir(), `no-aws-files-${process.pid}`);
  return {
    ...(endpoints.sts && { AWS_ENDPOINT_URL_STS: endpoints.sts }),
    ...(endpoints.s3 && { AWS_ENDPOINT_URL_S3: endpoints.s3 }),
    AWS_ACCESS_KEY_ID: 'AKIDLOOPBACKTEST',
    AWS_SECRET_ACCESS_KEY: 'loopback-secret',
    AWS_REGION: 'us-east-1',
    AWS_CONFIG_FILE: join(nowhere, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(nowhere, 'credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}
