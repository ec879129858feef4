import {
  chmodSync,
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  type Stats,
} from 'node:fs';
import { replaceFileAtomically } from '../files/atomic-replace';
import { UserError } from '../user-error';

/**
 * Files only their owner may read: the credential cache's folder and entries.
 * Node has no helper that checks ownership and mode and writes through a temp
 * file in one go, so these few calls are written out here.
 */

/** The current user, as the kernel knows it (`undefined` on Windows, which has no POSIX modes). */
export function currentUid(): number | undefined {
  return process.getuid?.();
}

/**
 * Makes `folder` (and missing parents) readable by its owner only, or checks an
 * existing one: a real folder (not a symlink someone could point elsewhere),
 * owned by `uid`, with no group or world permissions. Anything else is refused.
 */
export function ensurePrivateFolder(folder: string, uid = currentUid()): void {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  assertPrivateFolder(folder, uid);
}

/** Refuses a folder that is a symlink, not a folder, someone else's, or open to group or world; true when it exists. */
export function assertPrivateFolder(folder: string, uid = currentUid()): boolean {
  const stats = lstatSync(folder, { throwIfNoEntry: false });
  if (!stats) return false;
  if (stats.isSymbolicLink() || !stats.isDirectory()) {
    throw new UserError(
      `credential cache ${folder} is not a folder (a symlink or a file): remove it, or pass --no-cache`,
    );
  }
  assertOwnerOnly(folder, stats, uid, 'folder', '700');
  return true;
}

/**
 * Makes an existing folder of `uid` private again (`chmod 700`), refusing a
 * symlink, a file or someone else's folder; false when there is no folder.
 */
export function makeFolderPrivate(folder: string, uid = currentUid()): boolean {
  const stats = lstatSync(folder, { throwIfNoEntry: false });
  if (!stats) return false;
  if ((stats.mode & 0o077) === 0 || stats.isSymbolicLink() || !stats.isDirectory() || stats.uid !== uid) {
    return assertPrivateFolder(folder, uid);
  }
  chmodSync(folder, 0o700);
  return true;
}

/**
 * The text of a private file, or undefined when there is none. The file is
 * opened without following a symlink and checked on the open descriptor (so it
 * cannot be swapped between the check and the read): it must be a regular
 * file of `uid` with no group or world permissions, else it is refused.
 */
export function readPrivateFile(file: string, uid = currentUid()): string | undefined {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'ELOOP')
      throw new UserError(`credential cache file ${file} is a symlink: remove it, or pass --no-cache`);
    throw error;
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile())
      throw new UserError(`credential cache file ${file} is not a file: remove it, or pass --no-cache`);
    assertOwnerOnly(file, stats, uid, 'file', '600');
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}

/** Writes a private file atomically, created 0600 whether it existed or not, with no backup: see {@link replaceFileAtomically}. */
export function writePrivateFile(file: string, text: string): void {
  replaceFileAtomically(file, text, undefined);
}

function assertOwnerOnly(path: string, stats: Stats, uid: number | undefined, kind: string, mode: string): void {
  if (uid === undefined) return;
  if (stats.uid !== uid) {
    throw new UserError(
      `credential cache ${kind} ${path} belongs to user ${stats.uid}, not to you (${uid}): remove it, or pass --no-cache`,
    );
  }
  if ((stats.mode & 0o077) !== 0) {
    const actual = (stats.mode & 0o777).toString(8).padStart(3, '0');
    throw new UserError(
      `credential cache ${kind} ${path} is open to other users (mode ${actual}): run \`chmod ${mode} ${path}\` or \`cross-account cache clear\`, or pass --no-cache`,
    );
  }
}
