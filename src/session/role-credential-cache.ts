import { realpathSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { sourceIdentity } from '../credential-cache/cache-key';
import type { CacheKey, CredentialCache } from '../credential-cache/credential-cache';
import { isIamRoleArn } from '../policies/arn';
import type { TemporaryCredentials } from './credential-formats';

/** What `assume` was asked, as far as it decides which credentials come back. */
export interface RoleCacheRequest {
  /** The role as typed: a name of the settings, or an ARN. */
  readonly role: string;
  /** The settings file (`--config`, which defaults to CROSS_ACCOUNT_CONFIG, else config/default.yaml). */
  readonly config: string;
  readonly profile?: string;
  readonly outdir?: string;
  readonly duration?: string;
  readonly externalId?: string;
  readonly serialNumber?: string;
}

/**
 * The cache key of a role's credentials, found without a network call or the
 * settings parser (a warm `credential_process` loads neither): the role as
 * typed, the source identity, and what else was asked. A role named by its
 * settings name also keys on the settings file (or cdktf.out) and when it was
 * last changed, so an edit that moves the role is never answered from the cache.
 */
export function roleCacheKey(request: RoleCacheRequest, env: NodeJS.ProcessEnv = process.env): CacheKey {
  return {
    role: request.role,
    ...(!isIamRoleArn(request.role) && {
      stack: stackVersion(request.outdir, request.config),
    }),
    source: sourceIdentity(request.profile, env),
    duration: request.duration ?? null,
    externalId: request.externalId ?? null,
    serialNumber: request.serialNumber ?? null,
  };
}

/** The role's cached credentials while they have more than the cache margin left. */
export function cachedRoleCredentials(cache: CredentialCache, key: CacheKey): TemporaryCredentials | undefined {
  const entry = cache.readRole(key);
  if (!entry) return undefined;
  const { accessKeyId, secretAccessKey, sessionToken, expiration } = entry.credentials;
  return { accessKeyId, secretAccessKey, sessionToken, expiration: new Date(expiration) };
}

/** Stores a role's fresh credentials under `key`. */
export function storeRoleCredentials(
  cache: CredentialCache,
  key: CacheKey,
  role: { readonly roleArn: string; readonly sessionName: string },
  credentials: TemporaryCredentials,
): void {
  if (!credentials.sessionToken || !credentials.expiration) return;
  cache.writeRole(key, {
    kind: 'role',
    roleArn: role.roleArn,
    source: String(key.source),
    sessionName: role.sessionName,
    credentials: {
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      sessionToken: credentials.sessionToken,
      expiration: credentials.expiration.toISOString(),
    },
  });
}

/** The file the role's name is looked up in, and its last change: `--outdir`'s manifest, else the settings file. */
function stackVersion(outdir: string | undefined, config: string): string {
  const file = outdir ? resolve(outdir, 'manifest.json') : resolve(config);
  const stats = statSync(file, { throwIfNoEntry: false });
  return stats ? `${realpathSync(file)} ${stats.mtimeMs} ${stats.size}` : `${file} (missing)`;
}
