import { ProblemsFound } from '../user-error';

/** One problem in a settings file, located by its key path (`roles[0].name`). */
export interface SettingsProblem {
  /** Key path in the settings file, e.g. `groups[1].allowAssume[0]`; empty for the whole file. */
  readonly path: string;
  /** What is wrong and what is expected, in one line. */
  readonly message: string;
}

/**
 * A settings file that cannot be right. Carries every problem found (validation
 * collects them all before failing), printed one line each; its message names
 * the first.
 */
export class SettingsError extends ProblemsFound {
  constructor(
    /** The settings file, as the user named it. */
    readonly file: string,
    /** Every problem found, in file order. */
    readonly settingsProblems: readonly SettingsProblem[],
  ) {
    super(settingsProblems.map((problem) => formatProblem(file, problem)));
    this.name = 'SettingsError';
  }
}

/** `config/default.yaml: roles[0].name: must not be empty`, always one line: control characters in a quoted value are written as escapes. */
export function formatProblem(file: string, problem: SettingsProblem): string {
  const line = problem.path ? `${file}: ${problem.path}: ${problem.message}` : `${file}: ${problem.message}`;
  return withVisibleControls(line);
}

/** C0 and C1 controls, DEL, and the Unicode line and paragraph separators that JavaScript reads as line breaks. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** Text with its control characters written as `\n`, `\u0085`…, so a line that quotes user text stays one line. */
export function withVisibleControls(text: string): string {
  return text.replace(new RegExp(CONTROL_CHARACTER.source, 'g'), (character) => {
    const escaped = JSON.stringify(character).slice(1, -1);
    return escaped.length > 1 ? escaped : `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** `warning: config/default.yaml: users[1].groups: …` — valid settings that are probably not what was meant. */
export function formatWarning(file: string, problem: SettingsProblem): string {
  return `warning: ${formatProblem(file, problem)}`;
}

/** Renders a zod/YAML path (`['roles', 0, 'name']`) as `roles[0].name`. */
export function formatKeyPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    const name = String(key);
    return text ? `${text}.${name}` : name;
  }, '');
}
