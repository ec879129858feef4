import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Settings } from './derived-settings';
import type { SettingsProblem } from './settings-error';

/** The local state file every settings file shared before each got a state of its own. */
export const SHARED_LEGACY_STATE = 'terraform.cross-account.tfstate';

/** How a default local state path (relative to `cdktf.out/stacks/<stack>`) starts: up to the project root. */
const FROM_STACK_FOLDER = '../../../';

/**
 * A warning when the project root still holds the state that all settings files
 * shared and this file's own local state does not exist yet: the next plan would
 * start from nothing and try to create everything again (and fail on names that
 * exist), so the user should rename the old file if it is this file's.
 */
export function findLegacyStateWarning(settings: Settings, projectRoot: string): SettingsProblem | undefined {
  const { backend } = settings;
  if (backend.type !== 'local' || !backend.path.startsWith(FROM_STACK_FOLDER)) return undefined;
  const own = backend.path.slice(FROM_STACK_FOLDER.length);
  if (!existsSync(join(projectRoot, SHARED_LEGACY_STATE)) || existsSync(join(projectRoot, own))) return undefined;
  return {
    path: 'backend',
    message: `${SHARED_LEGACY_STATE} holds the state all settings files shared before each got its own: if it is ${settings.settingsFile}'s, rename it to ${own} before the next plan`,
  };
}
