import { join } from 'node:path';

// Constants many tests need, in a module that loads nothing: importing them from ./synthesize loaded cdktf, the
// provider classes and the stack into every test file that only wanted a path.

/** The project root, for settings files under config/. */
export const PROJECT_ROOT = join(__dirname, '..', '..');

/** Environment with no Terraform Cloud variables, so the settings alone decide the backend. */
export const CLEAN_ENV: NodeJS.ProcessEnv = {};
