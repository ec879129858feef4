import { join } from 'node:path';
import { tmpdir } from 'node:os';

/** Endpoints the SDK is pointed at. */
export interface LoopbackEndpoints {
  readonly sts?: string;
  readonly s3?: string;
}

const KEYS = [
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
  'CROSS_ACCOUNT_CONFIG',
  'CROSS_ACCOUNT_CONNECT_TIMEOUT',
  'CROSS_ACCOUNT_READ_TIMEOUT',
];

/**
 * Points the real SDK clients at loopback endpoints with dummy static keys,
 * and away from this machine's AWS files and instance metadata, so no test can
 * reach AWS. Returns the function that restores the environment.
 */
export function useLoopbackAws(endpoints: LoopbackEndpoints): () => void {
  const saved = Object.fromEntries(KEYS.map((key) => [key, process.env[key]]));
  for (const key of KEYS) delete process.env[key];
  const nowhere = join(tmpdir(), `no-aws-files-${process.pid}`);
  Object.assign(process.env, {
    ...(endpoints.sts && { AWS_ENDPOINT_URL_STS: endpoints.sts }),
    ...(endpoints.s3 && { AWS_ENDPOINT_URL_S3: endpoints.s3 }),
    AWS_ACCESS_KEY_ID: 'AKIDLOOPBACKTEST',
    AWS_SECRET_ACCESS_KEY: 'loopback-secret',
    AWS_REGION: 'us-east-1',
    AWS_CONFIG_FILE: join(nowhere, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(nowhere, 'credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  });
  return () => {
    for (const key of KEYS) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
  };
}
