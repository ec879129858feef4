import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { formatKeyPath, SettingsError, type SettingsProblem } from './settings-error';
import { findReferenceProblems } from './settings-references';
import { findExpectationProblems } from './expectation-references';
import { findPartitionProblems } from './partition-references';
import { findAdoptionProblems } from './adoption-references';
import { deriveSettings, type Settings } from './derived-settings';
import { settingsSchema } from './settings-schema';
import { resolveBackend } from './backend-from-environment';
import { findRemoteExecutionProblems } from './remote-execution';
import { settingsFileIdentity } from './settings-file-identity';
import { findAssumeConflicts } from './assume-conflicts';
import { referenceViewOf } from './reference-view';
import { findUnsafeText } from './unsafe-text';
import { findNameCollisions } from './name-collisions';

/**
 * Largest settings file read: far above what IAM's quotas let one stack hold
 * (5,000 users take some 400 KB), far below what would take parsing seconds and
 * gigabytes; checked before a byte is parsed.
 */
export const MAX_SETTINGS_FILE_BYTES = 4 * 1024 * 1024;

/**
 * Most alias expansions a settings file may make (the `yaml` library's
 * `maxAliasCount`, its guard against "billion laughs" alias bombs).
 */
export const MAX_YAML_ALIAS_COUNT = 100;

/**
 * Reads, parses and validates a settings file. Throws {@link SettingsError} naming every problem.
 * `projectRoot` (where cdktf runs: the current folder) is what the file's identity is relative to.
 */
export function loadSettings(
  file: string,
  env: NodeJS.ProcessEnv = process.env,
  projectRoot = process.cwd(),
): Settings {
  return parseSettings(readSettingsText(file), file, env, projectRoot);
}

/** The file's text, refused before reading when it is not a regular file or is over {@link MAX_SETTINGS_FILE_BYTES}. */
function readSettingsText(file: string): string {
  const refuse = (message: string) => new SettingsError(file, [{ path: '', message }]);
  let descriptor: number;
  try {
    descriptor = openSync(file, 'r');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw refuse(`cannot read the settings file: ${reason}`);
  }
  try {
    const stats = fstatSync(descriptor);
    if (!stats.isFile()) throw refuse('cannot read the settings file: it is not a regular file');
    if (stats.size > MAX_SETTINGS_FILE_BYTES) throw refuse(tooLarge(stats.size));
    const buffer = Buffer.alloc(stats.size);
    let length = 0;
    while (length < buffer.length) {
      const read = readSync(descriptor, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    return buffer.subarray(0, length).toString('utf8');
  } finally {
    closeSync(descriptor);
  }
}

function tooLarge(bytes: number): string {
  const mebibytes = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
  return `the settings file is ${mebibytes(bytes)}: settings files are limited to ${mebibytes(MAX_SETTINGS_FILE_BYTES)} (split the stack, or check that this is the right file)`;
}

/** Parses and validates settings given as YAML text; `file` names it in messages and, relative to `projectRoot`, its state. */
export function parseSettings(
  text: string,
  file: string,
  env: NodeJS.ProcessEnv = process.env,
  projectRoot = process.cwd(),
): Settings {
  if (Buffer.byteLength(text) > MAX_SETTINGS_FILE_BYTES) {
    throw new SettingsError(file, [{ path: '', message: tooLarge(Buffer.byteLength(text)) }]);
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    throw new SettingsError(
      file,
      document.errors.map((error) => {
        const { line, col } = lineCounter.linePos(error.pos[0]);
        return { path: '', message: `line ${line}, column ${col}: YAML syntax error: ${firstLine(error.message)}` };
      }),
    );
  }
  const raw = toPlainData(document, file);
  const notSettings = notSettingsProblem(raw);
  if (notSettings) throw new SettingsError(file, [{ path: '', message: notSettings }]);
  // Text no key may hold is reported first, and the schema's problem at the same path left out: one line per key.
  const unsafe = findUnsafeText(raw);
  const unsafePaths = new Set(unsafe.map((problem) => problem.path));
  // Schema and cross-reference problems are collected together, so one run shows them all.
  const parsed = settingsSchema.safeParse(raw, { reportInput: true });
  const problems: SettingsProblem[] = parsed.success ? [] : parsed.error.issues.flatMap(toProblems);
  const view = parsed.success ? parsed.data : referenceViewOf(raw);
  if (view) problems.push(...findReferenceProblems(view), ...findAssumeConflicts(view), ...findNameCollisions(view));
  if (parsed.success)
    problems.push(
      ...findExpectationProblems(parsed.data),
      ...findPartitionProblems(parsed.data),
      ...findAdoptionProblems(parsed.data),
    );
  const settingsFile = settingsFileIdentity(file, projectRoot);
  const backend = resolveBackend(parsed.success ? parsed.data.backend : { type: 'local' }, env, settingsFile);
  if ('problems' in backend) problems.push(...backend.problems);
  else if (parsed.success) problems.push(...findRemoteExecutionProblems(parsed.data.accounts, backend.backend));
  const all = [...unsafe, ...problems.filter((problem) => !unsafePaths.has(problem.path))];
  if (!parsed.success || 'problems' in backend || all.length > 0) throw new SettingsError(file, all);
  return deriveSettings(parsed.data, { backend: backend.backend, settingsFile });
}

/** A file that holds nothing, or one value or list instead of keys: one line for the whole file, not the schema's. */
function notSettingsProblem(raw: unknown): string | undefined {
  if (raw === null || raw === undefined) {
    return 'the settings file is empty: it needs at least `accounts` (two or more); start from a copy of config/default.yaml';
  }
  if (typeof raw === 'object' && !Array.isArray(raw)) return undefined;
  const what = Array.isArray(raw)
    ? 'a list'
    : typeof raw === 'string'
      ? 'a string'
      : `the ${typeof raw} ${String(raw)}`;
  return `the settings file holds ${what}, not settings: it must be keys and values (region, accounts, roles, …), as in config/default.yaml`;
}

/** The document as plain data; an alias bomb is one line, not the `yaml` library's ReferenceError. */
function toPlainData(document: Document, file: string): unknown {
  try {
    return document.toJS({ maxAliasCount: MAX_YAML_ALIAS_COUNT });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    throw new SettingsError(file, [
      {
        path: '',
        message: `YAML aliases expand to more than ${MAX_YAML_ALIAS_COUNT} copies (a resource exhaustion attack, or a file to write out)`,
      },
    ]);
  }
}

function toProblems(issue: z.core.$ZodIssue): SettingsProblem[] {
  const path = formatKeyPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ path: formatKeyPath([...issue.path, key]), message: 'unknown key' }));
  }
  if (issue.code === 'invalid_key') {
    // A record key that fails its own schema (an account key, a tag key): its own messages, at its path.
    return issue.issues.map((inner) => ({ path, message: inner.message }));
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return [{ path, message: `is required (expected ${issue.expected})` }];
  }
  if (issue.code === 'invalid_union' && issue.path.at(-1) === 'backend') {
    return [{ path, message: 'must be { type: local } or { type: cloud, organization, workspace, executionMode }' }];
  }
  if (issue.code === 'invalid_union') {
    // One value or a list (`finding: admin` or `[admin, …]`): report the branch whose type the value has.
    const typeMatched = issue.errors.filter(
      (branch) => !branch.every((inner) => inner.code === 'invalid_type' && inner.path.length === 0),
    );
    if (typeMatched.length === 1)
      return typeMatched[0].flatMap((inner) => toProblems({ ...inner, path: [...issue.path, ...inner.path] }));
  }
  return [{ path, message: issue.message }];
}

function firstLine(text: string): string {
  return text.split('\n')[0].trim();
}
