import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { UserError } from '../user-error';

/** A file as committed at a revision, read with `git show`; the work tree is never touched. */
export interface FileAtRevision {
  /** The revision as the user named it (`main`, `HEAD~1`, a tag). */
  readonly revision: string;
  /** The commit it names, abbreviated. */
  readonly commit: string;
  /** The file's path in the repository, with `/` separators. */
  readonly path: string;
  /** The file's text at that commit. */
  readonly text: string;
  /** True when the commit is in HEAD's history (so what it holds is older than the checkout). */
  readonly ancestorOfHead: boolean;
}

/** Local git commands are quick; a hung one (a lock, a credential prompt) must not hang the CLI. */
const GIT_TIMEOUT_MS = 30_000;

/**
 * Reads `file` (a path in the work tree, absolute or relative to the current
 * folder) as committed at `revision`, with `git show <commit>:<path>` in the
 * repository that holds it. Nothing is checked out and nothing is written.
 * Throws a one-line {@link UserError} when there is no repository, no such
 * revision, or no such file at it.
 */
export function readFileAtRevision(revision: string, file: string): FileAtRevision {
  const absolute = resolve(file);
  const folder = nearestExistingFolder(dirname(absolute));
  const root = git(folder, ['rev-parse', '--show-toplevel']);
  if (root === undefined)
    throw new UserError(`no file or folder of that name, and ${folder} is not in a git repository`);
  // A revision that looks like an option is refused before git sees it (`--output=…` would write a file).
  const commit = revision.startsWith('-')
    ? undefined
    : git(root, ['rev-parse', '--verify', '--quiet', '--short', '--end-of-options', `${revision}^{commit}`]);
  if (commit === undefined)
    throw new UserError(`no file or folder of that name, and no git revision of that name in ${root}`);
  const path = relative(root, absolute).split(sep).join('/');
  if (path.startsWith('../')) throw new UserError(`${file} is outside the git repository ${root}`);
  const text = git(root, ['show', `${commit}:${path}`], false);
  if (text === undefined) throw new UserError(`revision ${revision} has no ${path}`);
  const ancestorOfHead = git(root, ['merge-base', '--is-ancestor', commit, 'HEAD']) !== undefined;
  return { revision, commit, path, text, ancestorOfHead };
}

/** Runs git in `cwd`; its output (trimmed unless `trim` is false), or undefined when it fails. */
function git(cwd: string, args: readonly string[], trim = true): string | undefined {
  try {
    const output = execFileSync('git', args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: GIT_TIMEOUT_MS,
      maxBuffer: 64 * 2 ** 20,
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
    });
    return trim ? output.trim() : output;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new UserError('git is not installed (not on PATH)');
    return undefined;
  }
}

/** The folder itself or its closest existing parent: the settings file may not exist in the work tree. */
function nearestExistingFolder(folder: string): string {
  let current = folder;
  while (!existsSync(current) && dirname(current) !== current) current = dirname(current);
  return current;
}
