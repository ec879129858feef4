import { createHash } from 'node:crypto';
import { compareNames } from '../name-order';

/**
 * Who the cached credentials were obtained as, told without a network call, as
 * aws-vault keys its sessions by profile name: the `--profile` given, else the
 * access key in the environment (which the SDK's chain reads first), else the
 * web identity or container credentials the environment points at, else
 * `AWS_PROFILE` or `default`. The config and credentials files named in the
 * environment, and the STS endpoint, are part of it: another file or another
 * endpoint (LocalStack, a test) is another source.
 */
export function sourceIdentity(profile: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const files = [env.AWS_CONFIG_FILE, env.AWS_SHARED_CREDENTIALS_FILE].filter(Boolean).join(',');
  const endpoint = env.AWS_ENDPOINT_URL_STS || env.AWS_ENDPOINT_URL;
  const where = [files && `files ${files}`, endpoint && `sts ${endpoint}`].filter(Boolean).join(', ');
  return where ? `${sourceCredentials(profile, env)} (${where})` : sourceCredentials(profile, env);
}

function sourceCredentials(profile: string | undefined, env: NodeJS.ProcessEnv): string {
  if (profile) return `profile ${profile}`;
  if (env.AWS_ACCESS_KEY_ID) return `access key ${env.AWS_ACCESS_KEY_ID}`;
  if (env.AWS_WEB_IDENTITY_TOKEN_FILE) return `web identity ${env.AWS_ROLE_ARN ?? ''}`;
  const container = env.AWS_CONTAINER_CREDENTIALS_FULL_URI || env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI;
  if (container) return `container ${container}`;
  return `profile ${env.AWS_PROFILE || 'default'}`;
}

/**
 * The file name of a cache entry: its kind and a hash of everything that makes
 * it another entry (role, source, external id, …), so names reveal nothing and
 * stay short whatever the parts hold.
 */
export function entryFileName(kind: string, parts: Readonly<Record<string, unknown>>): string {
  const sorted = Object.fromEntries(Object.entries(parts).sort(([a], [b]) => compareNames(a, b)));
  const hash = createHash('sha256').update(JSON.stringify(sorted)).digest('hex').slice(0, 32);
  return `${kind}-${hash}.json`;
}
