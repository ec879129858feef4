import { buildApp } from './src/app';
import { loadSettings, SettingsError, settingsFileFromEnvironment } from './src/config';

// Settings are validated before the app exists, so a bad file writes nothing to cdktf.out.
try {
  buildApp(loadSettings(settingsFileFromEnvironment())).synth();
} catch (error) {
  if (!(error instanceof SettingsError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
