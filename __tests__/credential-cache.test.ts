import { chmodSync, mkdirSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { sourceIdentity } from '../src/credential-cache/cache-key';
import { CredentialCache, credentialCacheFolder, type RoleCacheEntry } from '../src/credential-cache/credential-cache';
import { tempFolder } from './support/temp-folder';

const NOW = Date.parse('2026-11-28T12:00:00Z');

function roleEntry(expiresInSeconds: number): RoleCacheEntry {
  return {
    kind: 'role',
    roleArn: 'arn:aws:iam::999999999999:role/S3ProductionAccessRole',
    source: 'profile dev',
    sessionName: 'John',
    credentials: {
      accessKeyId: 'ASIAEXAMPLE',
      secretAccessKey: 'secret',
      sessionToken: 'token',
      expiration: new Date(NOW + expiresInSeconds * 1000).toISOString(),
    },
  };
}

const KEY = { role: 'S3ProductionAccessRole', source: 'profile dev' };

/** A cache in a fresh folder whose clock stands at NOW. */
function freshCache(props: { uid?: number } = {}): CredentialCache {
  return new CredentialCache({
    folder: join(tempFolder('credential-cache-'), 'cross-account'),
    now: () => NOW,
    ...props,
  });
}

describe('the credential cache folder', () => {
  it('is cross-account in XDG_CACHE_HOME, else in ~/.cache; a relative XDG_CACHE_HOME is ignored, as the spec says', () => {
    expect(credentialCacheFolder({ XDG_CACHE_HOME: '/var/cache/me' })).toBe('/var/cache/me/cross-account');
    expect(credentialCacheFolder({})).toBe(join(homedir(), '.cache', 'cross-account'));
    expect(credentialCacheFolder({ XDG_CACHE_HOME: 'relative/cache' })).toBe(
      join(homedir(), '.cache', 'cross-account'),
    );
  });
});

describe('CredentialCache', () => {
  it('returns an entry while it has more than five minutes left, and removes it once expired', () => {
    const cache = freshCache();
    cache.writeRole(KEY, roleEntry(301));
    expect(cache.readRole(KEY)?.credentials.accessKeyId).toBe('ASIAEXAMPLE');
    cache.writeRole(KEY, roleEntry(300));
    expect(cache.readRole(KEY)).toBeUndefined();
    expect(readdirSync(cache.folder)).toHaveLength(1);
    cache.writeRole(KEY, roleEntry(0));
    expect(cache.readRole(KEY)).toBeUndefined();
    expect(readdirSync(cache.folder)).toEqual([]);
  });

  it('removes the temp file a killed write left (keys in it) at the next write of that entry, and at clear', () => {
    const cache = freshCache();
    cache.writeRole(KEY, roleEntry(3600));
    const [entry] = readdirSync(cache.folder);
    // The id of a process that has ended, as a write killed with SIGKILL leaves in its temp file's name.
    const deadPid = spawnSync(process.execPath, ['-e', '']).pid;
    const stray = () => {
      writeFileSync(join(cache.folder, `.${entry}.${deadPid}.0123abcd.tmp`), JSON.stringify(roleEntry(3600)), {
        mode: 0o600,
      });
    };
    stray();
    cache.writeRole(KEY, roleEntry(3600));
    expect(readdirSync(cache.folder)).toEqual([entry]);
    stray();
    expect(cache.clear()).toBe(1);
    expect(readdirSync(cache.folder)).toEqual([]);
  });

  it('keeps entries of other keys apart, under names that reveal nothing of the key', () => {
    const cache = freshCache();
    cache.writeRole(KEY, roleEntry(3600));
    cache.writeRole({ ...KEY, source: 'profile other' }, roleEntry(3600));
    const files = readdirSync(cache.folder);
    expect(files).toHaveLength(2);
    for (const file of files) expect(file).toMatch(/^role-[0-9a-f]{32}\.json$/);
  });

  it('refuses a folder of another user', () => {
    const cache = freshCache();
    cache.writeRole(KEY, roleEntry(3600));
    const uid = statSync(cache.folder).uid;
    const other = new CredentialCache({ folder: cache.folder, uid: uid + 1, now: () => NOW });
    expect(() => other.readRole(KEY)).toThrow(
      `credential cache folder ${cache.folder} belongs to user ${uid}, not to you (${uid + 1}): remove it, or pass --no-cache`,
    );
  });

  it('refuses an entry that is a symlink, which could point at any file', () => {
    const cache = freshCache();
    cache.writeRole(KEY, roleEntry(3600));
    const [file] = readdirSync(cache.folder);
    const elsewhere = join(tempFolder('elsewhere-'), 'credentials.json');
    writeFileSync(elsewhere, '{}', { mode: 0o600 });
    const path = join(cache.folder, file);
    rmSync(path);
    symlinkSync(elsewhere, path);
    expect(() => cache.readRole(KEY)).toThrow(`credential cache file ${path} is a symlink`);
  });

  it('treats an entry it cannot read as absent, and writes over it', () => {
    const cache = freshCache();
    cache.writeRole(KEY, roleEntry(3600));
    const [file] = readdirSync(cache.folder);
    writeFileSync(join(cache.folder, file), '{"version": 1, "kind": "role", "cred', { mode: 0o600 });
    expect(cache.readRole(KEY)).toBeUndefined();
    cache.writeRole(KEY, roleEntry(3600));
    expect(cache.readRole(KEY)).toBeDefined();
  });

  it('clears the entries asked for, and makes a folder open to others private again', () => {
    const cache = freshCache();
    cache.writeRole(KEY, roleEntry(3600));
    cache.writeRole({ ...KEY, role: 'Other' }, { ...roleEntry(3600), roleArn: 'arn:aws:iam::999999999999:role/Other' });
    chmodSync(cache.folder, 0o755);
    expect(cache.clear((entry) => entry?.kind === 'role' && entry.roleArn.endsWith('/Other'))).toBe(1);
    expect(statSync(cache.folder).mode & 0o777).toBe(0o700);
    expect(cache.list().map(({ entry }) => (entry.kind === 'role' ? entry.roleArn : ''))).toEqual([
      'arn:aws:iam::999999999999:role/S3ProductionAccessRole',
    ]);
    expect(cache.clear()).toBe(1);
    expect(readdirSync(cache.folder)).toEqual([]);
  });

  it('has nothing to clear or list when there is no folder yet', () => {
    const cache = freshCache();
    expect(cache.list()).toEqual([]);
    expect(cache.clear()).toBe(0);
  });

  it('refuses to write into a folder made elsewhere that others can read', () => {
    const folder = join(tempFolder('credential-cache-'), 'cross-account');
    mkdirSync(folder, { mode: 0o750 });
    chmodSync(folder, 0o750);
    expect(() => new CredentialCache({ folder }).writeRole(KEY, roleEntry(3600))).toThrow(
      `credential cache folder ${folder} is open to other users (mode 750)`,
    );
    expect(readdirSync(folder)).toEqual([]);
  });
});

describe('sourceIdentity', () => {
  it('names who the credentials come from without a network call, in the order the SDK looks', () => {
    expect(sourceIdentity('dev', { AWS_ACCESS_KEY_ID: 'AKIDENV' })).toBe('profile dev');
    expect(sourceIdentity(undefined, { AWS_ACCESS_KEY_ID: 'AKIDENV', AWS_PROFILE: 'dev' })).toBe('access key AKIDENV');
    expect(sourceIdentity(undefined, { AWS_PROFILE: 'dev' })).toBe('profile dev');
    expect(sourceIdentity(undefined, {})).toBe('profile default');
  });

  it('tells apart the same profile in other AWS files or against another STS endpoint', () => {
    expect(
      sourceIdentity('dev', { AWS_CONFIG_FILE: '/tmp/config', AWS_ENDPOINT_URL_STS: 'http://127.0.0.1:4566' }),
    ).toBe('profile dev (files /tmp/config, sts http://127.0.0.1:4566)');
  });
});
