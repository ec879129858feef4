import { buildApp, synthesizeApp } from './src/app';
import { UserError } from './src/user-error';
import { findSettingsWarnings, formatWarning, loadSettings, settingsFileFromEnvironment } from './src/config';

// Settings are validated before the app exists, so a bad file writes nothing to cdktf.out.
try {
  const file = settingsFileFromEnvironment();
  const settings = loadSettings(file);
  for (const warning of findSettingsWarnings(settings)) console.error(formatWarning(file, warning));
  synthesizeApp(buildApp(settings));
} catch (error) {
  if (!(error instanceof UserError)) throw error;
  for (const line of error.lines) console.error(line);
  process.exitCode = 1;
}
