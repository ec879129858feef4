import { parseSettings, SettingsError } from '../../src/config';

/** The SettingsError that parsing `yaml` (named `bad.yaml`) throws, or undefined when the settings are accepted. */
export function settingsErrorOf(yaml: string, env: NodeJS.ProcessEnv = {}): SettingsError | undefined {
  try {
    parseSettings(yaml, 'bad.yaml', env);
    return undefined;
  } catch (error) {
    if (error instanceof SettingsError) return error;
    throw error;
  }
}

/** The lines of the SettingsError for `yaml`; fails the test when the settings are accepted. */
export function problemLinesOf(yaml: string, env: NodeJS.ProcessEnv = {}): string[] {
  const error = settingsErrorOf(yaml, env);
  if (!error) throw new Error('settings were accepted');
  return [...error.lines];
}
