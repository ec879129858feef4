import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { formatKeyPath, SettingsError, type SettingsProblem } from './settings-error';
import { findReferenceProblems } from './settings-references';
import { findExpectationProblems } from './expectation-references';
import { findPartitionProblems } from './partition-references';
import { deriveSettings, type Settings } from './derived-settings';
import { settingsSchema } from './settings-schema';
import { resolveBackend } from './backend-from-environment';
import { findRemoteExecutionProblems } from './remote-execution';
import { settingsFileIdentity } from './settings-file-identity';
import { findAssumeConflicts } from './assume-conflicts';
import { referenceViewOf } from './reference-view';

// Where the settings file is, in a module of its own: commands that only need its path load no parser.
export { DEFAULT_SETTINGS_FILE, settingsFileFromEnvironment } from './settings-file';

/**
 * Reads, parses and validates a settings file. Throws {@link SettingsError} naming every problem.
 * `projectRoot` (where cdktf runs: the current folder) is what the file's identity is relative to.
 */
export function loadSettings(
  file: string,
  env: NodeJS.ProcessEnv = process.env,
  projectRoot = process.cwd(),
): Settings {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new SettingsError(file, [{ path: '', message: `cannot read the settings file: ${reason}` }]);
  }
  return parseSettings(text, file, env, projectRoot);
}

/** Parses and validates settings given as YAML text; `file` names it in messages and, relative to `projectRoot`, its state. */
export function parseSettings(
  text: string,
  file: string,
  env: NodeJS.ProcessEnv = process.env,
  projectRoot = process.cwd(),
): Settings {
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
  // Schema and cross-reference problems are collected together, so one run shows them all.
  const raw: unknown = document.toJS() ?? {};
  const parsed = settingsSchema.safeParse(raw, { reportInput: true });
  const problems: SettingsProblem[] = parsed.success ? [] : parsed.error.issues.flatMap(toProblems);
  const view = parsed.success ? parsed.data : referenceViewOf(raw);
  if (view) problems.push(...findReferenceProblems(view), ...findAssumeConflicts(view));
  if (parsed.success) problems.push(...findExpectationProblems(parsed.data), ...findPartitionProblems(parsed.data));
  const settingsFile = settingsFileIdentity(file, projectRoot);
  const backend = resolveBackend(parsed.success ? parsed.data.backend : { type: 'local' }, env, settingsFile);
  if ('problems' in backend) problems.push(...backend.problems);
  else if (parsed.success) problems.push(...findRemoteExecutionProblems(parsed.data.accounts, backend.backend));
  if (!parsed.success || 'problems' in backend || problems.length > 0) throw new SettingsError(file, problems);
  return deriveSettings(parsed.data, { backend: backend.backend, settingsFile });
}

function toProblems(issue: z.core.$ZodIssue): SettingsProblem[] {
  const path = formatKeyPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ path: formatKeyPath([...issue.path, key]), message: 'unknown key' }));
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return [{ path, message: `is required (expected ${issue.expected})` }];
  }
  if (issue.code === 'invalid_union' && issue.path.at(-1) === 'backend') {
    return [{ path, message: 'must be { type: local } or { type: cloud, organization, workspace, executionMode }' }];
  }
  return [{ path, message: issue.message }];
}

function firstLine(text: string): string {
  return text.split('\n')[0].trim();
}
