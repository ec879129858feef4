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

/** `config/default.yaml: roles[0].name: must not be empty` */
export function formatProblem(file: string, problem: SettingsProblem): string {
  return problem.path ? `${file}: ${problem.path}: ${problem.message}` : `${file}: ${problem.message}`;
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
