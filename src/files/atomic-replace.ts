import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  copyFileSync,
  fchmodSync,
  fchownSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Replaces `target` with `text` so that a kill at any moment leaves the old file
 * or the new one, never part of one: the text goes to a temp file in the same
 * folder, which is fsynced, given the old file's mode and owner, and renamed
 * over the file after a backup copy (`<file>.<time>.bak`, returned); then the
 * folder is fsynced. On any failure the temp file and the backup are removed
 * and the error is thrown as it was. A temp file that a killed write to the
 * same file left behind (SIGKILL, a power cut: nothing could remove it) is
 * removed first, see {@link removeStaleTempFiles}. `stats` are the old file's (none: a new
 * file, made owner-only in an owner-only folder, as the AWS CLI makes ~/.aws,
 * which holds credentials too).
 */
export function replaceFileAtomically(target: string, text: string, stats: Stats | undefined): string | undefined {
  const folder = dirname(target);
  removeStaleTempFiles(target);
  const temp = join(folder, `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  let tempMade = false;
  let backup: string | undefined;
  try {
    if (!stats) mkdirSync(folder, { recursive: true, mode: 0o700 });
    fd = openSync(temp, 'wx', 0o600);
    tempMade = true;
    writeFileSync(fd, text);
    if (stats) {
      fchmodSync(fd, stats.mode & 0o7777);
      // Run as root on someone's file (sudo), the file stays theirs.
      if (process.getuid?.() === 0 && (stats.uid !== 0 || stats.gid !== 0)) fchownSync(fd, stats.uid, stats.gid);
    }
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    if (stats) {
      const copy = `${target}.${new Date().toISOString().replace(/[:.]/g, '-')}.bak`;
      copyFileSync(target, copy, constants.COPYFILE_EXCL);
      backup = copy;
      syncPath(backup);
    }
    renameSync(temp, target);
    tempMade = false;
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    if (tempMade) rmSync(temp, { force: true });
    if (backup) rmSync(backup, { force: true });
    throw error;
  }
  try {
    // The rename is durable once the folder is; some file systems cannot fsync a folder.
    syncPath(folder);
  } catch {
    // The file is written; only its durability across a power cut is less certain.
  }
  return backup;
}

function syncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Removes the temp files of writes to `target` whose process is gone
 * (`.<file>.<pid>.<8 hex digits>.tmp`, this writer's naming, owned by this user):
 * a write killed before its rename leaves one, with the whole new text in it (for
 * the credential cache, keys). A temp file whose process still runs is another
 * write in progress and is kept. Best effort: a file it cannot remove stays, and
 * the write goes on.
 */
export function removeStaleTempFiles(target: string): void {
  const folder = dirname(target);
  const prefix = `.${basename(target)}.`;
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = /^(\d+)\.[0-9a-f]{8}\.tmp$/.exec(name.slice(prefix.length))?.[1];
    if (pid === undefined || processIsRunning(Number(pid))) continue;
    const path = join(folder, name);
    try {
      const stats = lstatSync(path);
      if (stats.isFile() && stats.uid === (process.getuid?.() ?? stats.uid)) rmSync(path, { force: true });
    } catch {
      // Gone already, or not ours to remove.
    }
  }
}

/** Whether a process with this id runs (EPERM: it runs as another user). */
function processIsRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
