import { readdirSync } from 'node:fs';
import { join } from 'node:path';

// Constants many tests need, in a module that loads nothing: importing them from ./synthesize loaded cdktf, the
// provider classes and the stack into every test file that only wanted a path.

/** The project root, for settings files under config/. */
export const PROJECT_ROOT = join(__dirname, '..', '..');

/** Every settings file of the project (`config/default.yaml`, `config/examples/hardened.yaml`, …), sorted. */
export const PROJECT_SETTINGS_FILES: readonly string[] = readdirSync(join(PROJECT_ROOT, 'config'), {
  recursive: true,
  encoding: 'utf8',
})
  .filter((file) => file.endsWith('.yaml'))
  .map((file) => `config/${file.split('\\').join('/')}`)
  .sort();

/** Environment with no Terraform Cloud variables, so the settings alone decide the backend. */
export const CLEAN_ENV: NodeJS.ProcessEnv = {};
