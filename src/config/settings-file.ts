/** The settings file used when `CROSS_ACCOUNT_CONFIG` names none. */
export const DEFAULT_SETTINGS_FILE = 'config/default.yaml';

/** The settings file to use: `CROSS_ACCOUNT_CONFIG`, else `config/default.yaml`. */
export function settingsFileFromEnvironment(env: NodeJS.ProcessEnv = process.env): string {
  return env.CROSS_ACCOUNT_CONFIG || DEFAULT_SETTINGS_FILE;
}
