import { buildApp } from './src/app';
import {
  findSettingsWarnings,
  formatWarning,
  loadSettings,
  SettingsError,
  settingsFileFromEnvironment,
} from './src/config';

// Settings are validated before the app exists, so a bad file writes nothing to cdktf.out.
try {
  const file = settingsFileFromEnvironment();
  const settings = loadSettings(file);
  for (const warning of findSettingsWarnings(settings)) console.error(formatWarning(file, warning));
  buildApp(settings).synth();
} catch (error) {
  if (!(error instanceof SettingsError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
