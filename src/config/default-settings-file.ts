// Its own module, without the schema: the CLI's option definitions read it before any settings are loaded.

/** The environment variable naming the settings file. */
export const SETTINGS_FILE_VARIABLE = 'CROSS_ACCOUNT_CONFIG';

/** The settings file used when neither `--config` nor `CROSS_ACCOUNT_CONFIG` names one. */
export const DEFAULT_SETTINGS_FILE = 'config/default.yaml';

/** The settings file to use: `CROSS_ACCOUNT_CONFIG`, else `config/default.yaml`. */
export function settingsFileFromEnvironment(env: NodeJS.ProcessEnv = process.env): string {
  return env[SETTINGS_FILE_VARIABLE] || DEFAULT_SETTINGS_FILE;
}
