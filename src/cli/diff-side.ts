import { statSync } from 'node:fs';
import { readSynthesizedStack, type SynthesizedStackJson } from '../access';
import { loadSettings, parseSettings, SettingsError } from '../config';
import { readFileAtRevision } from '../git/file-at-revision';
import { STACK_NAME } from '../stack/stack-name';
import { UserError } from '../user-error';
import { synthesizeStack } from './current-stack';

/** One side of `cross-account diff`: the synthesized stack and how to name it. */
export interface DiffSide {
  /** The side as the summary line names it: a path, or `main:config/default.yaml (3f2a1bc)`. */
  readonly label: string;
  readonly stack: SynthesizedStackJson;
  /** The settings file it was synthesized from, when it is a file of the work tree. @default none */
  readonly settingsFile?: string;
}

/**
 * Resolves `--base` or `--head`: an existing folder is a cdktf output folder, an
 * existing file a settings file, anything else a git revision, optionally
 * `<revision>:<path>`, whose copy of `settingsFile` (or of `<path>`) is read
 * with `git show` and synthesized in a temporary folder. A path that exists wins
 * over a revision of the same name. Whatever keeps it from loading is one line
 * naming the option, except a `--head` settings file's problems, which print as
 * everywhere (one line each).
 */
export function loadDiffSide(
  option: '--base' | '--head',
  spec: string,
  settingsFile: string,
  env: NodeJS.ProcessEnv = process.env,
): DiffSide {
  const kind = pathKind(spec);
  try {
    if (kind === 'folder') return { label: spec, stack: readSynthesizedStack(spec, STACK_NAME) };
    if (kind === 'file') return { label: spec, stack: synthesizeStack(loadSettings(spec, env)), settingsFile: spec };
    return loadRevision(spec, settingsFile, env);
  } catch (error) {
    if (option === '--head' && kind === 'file' && error instanceof SettingsError) throw error;
    if (error instanceof UserError) throw new UserError(`${option} ${spec}: ${describe(error)}`);
    throw error;
  }
}

function loadRevision(spec: string, settingsFile: string, env: NodeJS.ProcessEnv): DiffSide {
  // Git forbids `:` in ref names, so the first one ends the revision.
  const colon = spec.indexOf(':');
  const [revision, file] = colon > 0 ? [spec.slice(0, colon), spec.slice(colon + 1)] : [spec, settingsFile];
  const read = readFileAtRevision(revision, file);
  const name = `${revision}:${read.path}`;
  try {
    // A revision given as a commit hash is named by its short form alone.
    const label = /^[0-9a-f]{7,40}$/i.test(revision) ? `${read.commit}:${read.path}` : `${name} (${read.commit})`;
    return { label, stack: synthesizeStack(parseSettings(read.text, name, env)) };
  } catch (error) {
    const unknown = error instanceof SettingsError ? unknownKeys(error) : [];
    // A revision that is not in HEAD's history may be newer than this checkout, not older.
    if (unknown.length > 0 && !read.ancestorOfHead)
      throw new UserError(
        `${name} has ${keysText(unknown)} this version does not know, and ${revision} is not an ancestor of HEAD: ` +
          `its settings may be newer than this checkout; rebase onto ${revision}, or pass --base a cdktf.out folder ` +
          'synthesized from it',
      );
    throw error;
  }
}

/**
 * One line for a settings error: a file written for an older schema (keys this
 * version refuses) says so and how to compare anyway; any other names its first
 * problem and how many more there are.
 */
function describe(error: UserError): string {
  if (!(error instanceof SettingsError)) return error.message;
  const unknown = unknownKeys(error);
  if (unknown.length === 0) return error.message;
  const fix = error.file.includes(':') ? 'update the settings at that revision' : 'update the file';
  return (
    `${error.file} was written for an older settings schema: ${keysText(unknown)} this version does not know; ` +
    `${fix}, or pass --base a cdktf.out folder synthesized from it`
  );
}

function unknownKeys(error: SettingsError): string[] {
  return error.settingsProblems.filter((problem) => problem.message === 'unknown key').map((problem) => problem.path);
}

function keysText(keys: readonly string[]): string {
  return keys.length === 1 ? `${keys[0]} is a key` : `${keys.join(', ')} are keys`;
}

function pathKind(path: string): 'file' | 'folder' | undefined {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats) return undefined;
  return stats.isDirectory() ? 'folder' : 'file';
}
