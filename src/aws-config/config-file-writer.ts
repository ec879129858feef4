import { accessSync, constants, lstatSync, readFileSync, readlinkSync, statSync, type Stats } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { UserError } from '../user-error';
import { replaceFileAtomically } from '../files/atomic-replace';
import { assertWritableSection, type ConfigSection } from './config-file-grammar';
import { mergeConfigSections, type SectionChange } from './config-file-sections';

/** The AWS config file the AWS CLI and SDKs read: `AWS_CONFIG_FILE`, else `~/.aws/config`. */
export function awsConfigFilePath(env: NodeJS.ProcessEnv = process.env): string {
  return env.AWS_CONFIG_FILE || join(homedir(), '.aws', 'config');
}

/** Props of {@link updateConfigFile}. */
export interface ConfigFileUpdateProps {
  /** The config file, as the user named it (a symlink is written through). */
  readonly file: string;
  readonly sections: readonly ConfigSection[];
  /** Keys the caller owns in its sections; every other key there is the user's and stays. */
  readonly managedKeys: readonly string[];
  /** Merge and report, write nothing. @default false */
  readonly dryRun?: boolean;
}

/** What {@link updateConfigFile} did. */
export interface ConfigFileUpdate {
  /** The file written: `file`, or the file its symlink points to. */
  readonly target: string;
  /** `file` is a symlink to `target`. */
  readonly throughLink: boolean;
  readonly changes: readonly SectionChange[];
  /** Lines kept that the AWS CLI may read otherwise than the user meant, one line each. */
  readonly warnings: readonly string[];
  /** Sections that could not be written (in the file twice), one line each. */
  readonly problems: readonly string[];
  /** Copy of the file as it was. @default none (nothing written, or a new file) */
  readonly backup?: string;
  readonly written: boolean;
}

/**
 * The one function that writes the AWS config file. Each section passes
 * {@link assertWritableSection} first, so no text can add a line or a section
 * of its own; the merge keeps every line it does not manage. A folder, a
 * parent that is a file, a read-only file or folder are refused before
 * anything is written; then {@link replaceFileAtomically} replaces the file (a
 * kill leaves the old file or the new, never half of one) after a backup, and
 * keeps its mode and owner. A symlink is written through and stays a symlink.
 */
export function updateConfigFile(props: ConfigFileUpdateProps): ConfigFileUpdate {
  for (const section of props.sections) assertWritableSection(section);
  const { file } = props;
  const { target, throughLink } = resolveTarget(file);
  const stats = statOf(target);
  const before = stats ? readText(file, target) : '';
  const { text, ...merged } = mergeConfigSections(before, props.sections, props.managedKeys);
  const result = { target, throughLink, ...merged };
  if (props.dryRun || text === before) return { ...result, written: false };
  assertReplaceable(file, target, stats);
  let backup: string | undefined;
  try {
    backup = replaceFileAtomically(target, text, stats);
  } catch (error) {
    throw writeError(file, error);
  }
  return { ...result, ...(backup && { backup }), written: true };
}

/** The file a path names, through any symlinks; a folder, or a parent that is a file, is refused. */
function resolveTarget(file: string): { readonly target: string; readonly throughLink: boolean } {
  let path = resolve(file);
  for (let links = 0; links <= 40; links++) {
    const throughLink = links > 0;
    let stats: Stats;
    try {
      stats = lstatSync(path);
    } catch (error) {
      if (codeOf(error) === 'ENOENT') return { target: path, throughLink };
      if (codeOf(error) === 'ENOTDIR') throw parentIsFile(file, path);
      throw writeError(file, error);
    }
    if (stats.isDirectory()) {
      throw new UserError(
        `${file} is a folder, not a file: pass --config-file <file> or set AWS_CONFIG_FILE to a file`,
      );
    }
    if (!stats.isSymbolicLink()) return { target: path, throughLink };
    path = resolve(dirname(path), readlinkSync(path));
  }
  throw new UserError(`${file} is a chain of more than 40 symlinks: point it at the config file itself`);
}

function parentIsFile(file: string, path: string): UserError {
  // lstat said ENOTDIR: the nearest ancestor that exists is the file in the way.
  let parent = dirname(path);
  while (statOf(parent) === undefined && dirname(parent) !== parent) parent = dirname(parent);
  return new UserError(
    `cannot write ${file}: ${parent} is a file, not a folder: pass --config-file <file> or set AWS_CONFIG_FILE`,
  );
}

function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function readText(file: string, target: string): string {
  try {
    return readFileSync(target, 'utf8');
  } catch (error) {
    throw new UserError(`cannot read ${file} (${messageOf(error)}): check its permissions`);
  }
}

/**
 * Refuses a file nobody may write (mode without a write bit, as `chmod a-w`
 * leaves it: refused even for root, who could) or one in a folder where no temp
 * file can be made, before anything is written.
 */
function assertReplaceable(file: string, target: string, stats: Stats | undefined): void {
  if (stats && !writable(target, stats)) {
    throw new UserError(
      `${file} is read-only: make it writable (chmod u+w ${file}) or pass --config-file <another file>`,
    );
  }
  const folder = dirname(target);
  const folderStats = statOf(folder);
  if (folderStats && !writable(folder, folderStats)) {
    throw new UserError(
      `cannot write ${file}: its folder ${folder} is read-only (the file is replaced through a temp file there): make the folder writable, or pass --config-file <a file in another folder>`,
    );
  }
}

function writable(path: string, stats: Stats): boolean {
  if ((stats.mode & 0o222) === 0) return false;
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function writeError(file: string, error: unknown): UserError {
  if (error instanceof UserError) return error;
  const code = codeOf(error);
  if (code === 'EACCES' || code === 'EPERM') {
    return new UserError(
      `cannot write ${file}: permission denied (${code}): check the permissions of the file and its folder`,
    );
  }
  if (code === 'EROFS') return new UserError(`cannot write ${file}: it is on a read-only file system`);
  return new UserError(`could not write ${file} (${messageOf(error)}): it is left as it was`);
}

function codeOf(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
