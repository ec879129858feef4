// Over 200 lines on purpose: the cache's whole trust boundary in one file (folder and file modes, owner and
// symlink checks, atomic writes, expiry margin), so a review of what protects cached credentials reads one file.
import { readdirSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { removeStaleTempFiles } from '../files/atomic-replace';
import { entryFileName } from './cache-key';
import {
  assertPrivateFolder,
  currentUid,
  ensurePrivateFolder,
  makeFolderPrivate,
  readPrivateFile,
  writePrivateFile,
} from './private-file';

/**
 * Cached credentials are used only while they have more than this left (as
 * aws-vault's default `AWS_MIN_TTL`, and the SDK's refresh window): the AWS CLI
 * then never starts a call with keys about to expire.
 */
export const CACHE_MARGIN_SECONDS = 300;

/** Temporary credentials as stored: what STS answered, the expiry as ISO-8601. */
export interface StoredCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  readonly expiration: string;
}

/** A role's credentials, for `assume --format credential-process`. */
export interface RoleCacheEntry {
  readonly kind: 'role';
  readonly roleArn: string;
  /** Who assumed it (see `sourceIdentity`). */
  readonly source: string;
  readonly sessionName: string;
  readonly credentials: StoredCredentials;
}

/** An MFA session (GetSessionToken with an MFA code), from which roles are assumed without asking again. */
export interface MfaSessionEntry {
  readonly kind: 'mfa-session';
  readonly source: string;
  readonly mfaSerial: string;
  /** The IAM user it belongs to: roles assumed from it are named after this user. */
  readonly callerArn: string;
  /** When the MFA code was given: `aws:MultiFactorAuthAge` counts from here. */
  readonly authenticatedAt: string;
  readonly credentials: StoredCredentials;
}

export type CacheEntry = RoleCacheEntry | MfaSessionEntry;

/** What makes an entry another entry; hashed into its file name. */
export type CacheKey = Readonly<Record<string, unknown>>;

const ENTRY_FILE = /^(role|mfa-session)-[0-9a-f]{32}\.json$/;

/**
 * The cache folder: `cross-account` in `$XDG_CACHE_HOME`, else in `~/.cache`
 * (the XDG base directory spec ignores a relative `XDG_CACHE_HOME`).
 */
export function credentialCacheFolder(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : join(homedir(), '.cache');
  return join(base, 'cross-account');
}

/** Props of {@link CredentialCache}. */
export interface CredentialCacheProps {
  /** The folder. @default {@link credentialCacheFolder} */
  readonly folder?: string;
  /** Who must own the folder and its files. @default the current user */
  readonly uid?: number;
  /** The clock, in milliseconds. @default Date.now */
  readonly now?: () => number;
}

/**
 * Temporary credentials on disk, one file per role and source identity (and
 * one per MFA session), readable by their owner only (0600 in a 0700 folder;
 * anything looser, or someone else's, is refused) and written atomically. An
 * entry is returned only while it has more than {@link CACHE_MARGIN_SECONDS}
 * left; an expired one is removed when met, never returned.
 */
export class CredentialCache {
  readonly folder: string;
  private readonly uid: number | undefined;
  private readonly now: () => number;

  constructor(props: CredentialCacheProps = {}) {
    this.folder = props.folder ?? credentialCacheFolder();
    this.uid = props.uid ?? currentUid();
    this.now = props.now ?? Date.now;
  }

  /** The role's credentials, while they have more than the margin left. */
  readRole(key: CacheKey): RoleCacheEntry | undefined {
    const entry = this.read('role', key);
    return entry?.kind === 'role' ? entry : undefined;
  }

  writeRole(key: CacheKey, entry: RoleCacheEntry): void {
    this.write(key, entry);
  }

  /**
   * The MFA session, while it has more than the margin left and, for a role
   * that refuses an MFA sign-in older than `maxAgeSeconds`, while it is younger
   * than that less the margin.
   */
  readMfaSession(key: CacheKey, maxAgeSeconds?: number): MfaSessionEntry | undefined {
    const entry = this.read('mfa-session', key);
    if (entry?.kind !== 'mfa-session') return undefined;
    const age = (this.now() - Date.parse(entry.authenticatedAt)) / 1000;
    if (maxAgeSeconds !== undefined && !(age < maxAgeSeconds - CACHE_MARGIN_SECONDS)) return undefined;
    return entry;
  }

  writeMfaSession(key: CacheKey, entry: MfaSessionEntry): void {
    this.write(key, entry);
  }

  /** Every entry in the folder that is still valid (expired ones are removed), with its file. */
  list(): { readonly file: string; readonly entry: CacheEntry }[] {
    if (!assertPrivateFolder(this.folder, this.uid)) return [];
    return this.entryFiles().flatMap((file) => {
      const entry = this.readFile(file);
      return entry ? [{ file, entry }] : [];
    });
  }

  /**
   * Removes the entries `remove` picks (all by default; an entry that cannot be
   * read is passed as undefined) and makes the
   * folder private again if it was not; returns how many were removed. A folder
   * of another user is refused.
   */
  clear(remove: (entry: CacheEntry | undefined) => boolean = () => true): number {
    // A folder open to others is what clearing fixes: only a symlink or someone else's folder stops it.
    if (!makeFolderPrivate(this.folder, this.uid)) return 0;
    // A write killed before its rename leaves keys in a temp file: clearing removes those too.
    for (const target of this.tempFileTargets()) removeStaleTempFiles(join(this.folder, target));
    let removed = 0;
    for (const file of this.entryFiles()) {
      let entry: CacheEntry | undefined;
      try {
        entry = this.readFile(file);
      } catch {
        entry = undefined;
      }
      if (!remove(entry)) continue;
      rmSync(join(this.folder, file), { force: true });
      removed++;
    }
    return removed;
  }

  private read(kind: CacheEntry['kind'], key: CacheKey): CacheEntry | undefined {
    if (!assertPrivateFolder(this.folder, this.uid)) return undefined;
    return this.readFile(entryFileName(kind, key));
  }

  private readFile(file: string): CacheEntry | undefined {
    const path = join(this.folder, file);
    const entry = parseEntry(readPrivateFile(path, this.uid));
    if (!entry) return undefined;
    const left = Date.parse(entry.credentials.expiration) - this.now();
    if (left <= 0) rmSync(path, { force: true });
    return left > CACHE_MARGIN_SECONDS * 1000 ? entry : undefined;
  }

  private write(key: CacheKey, entry: CacheEntry): void {
    ensurePrivateFolder(this.folder, this.uid);
    writePrivateFile(
      join(this.folder, entryFileName(entry.kind, key)),
      `${JSON.stringify({ version: 1, ...entry })}\n`,
    );
  }

  /** The entry files that temp files in the folder were written for (`.role-….json.<pid>.<hex>.tmp`). */
  private tempFileTargets(): Set<string> {
    const names = readdirSync(this.folder);
    return new Set(names.flatMap((name) => /^\.((?:role|mfa-session)-[0-9a-f]{32}\.json)\./.exec(name)?.[1] ?? []));
  }

  private entryFiles(): string[] {
    try {
      return readdirSync(this.folder).filter((name) => ENTRY_FILE.test(name));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }
}

/** An entry as written by this version, or undefined for anything else (treated as absent, then overwritten). */
function parseEntry(text: string | undefined): CacheEntry | undefined {
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || (value as { version?: unknown }).version !== 1) return undefined;
  const { kind, credentials } = value as { kind?: unknown; credentials?: Partial<StoredCredentials> };
  const complete =
    typeof credentials?.accessKeyId === 'string' &&
    typeof credentials.secretAccessKey === 'string' &&
    typeof credentials.sessionToken === 'string' &&
    !Number.isNaN(Date.parse(String(credentials.expiration)));
  return complete && (kind === 'role' || kind === 'mfa-session') ? (value as CacheEntry) : undefined;
}
