import type { Command } from 'commander';
import { findLegacyStateWarning, findSettingsWarnings, formatWarning, loadSettings, type Settings } from '../config';
import { withExamples, type SettingsFileOptions } from './shared-options';

/**
 * `cross-account check`: validates the settings file on its own, with our
 * one-line messages, before anything is synthesized.
 */
export function registerCheckCommand(program: Command): void {
  withExamples(
    program
      .command('check')
      .description('validate the settings file and print its warnings, before anything is synthesized'),
    'cross-account check --config config/examples/hardened.yaml',
  ).action((options: SettingsFileOptions) => {
    checkSettings(options.config);
  });
}

/**
 * Loads and validates a settings file, prints its warnings on stderr and what it
 * holds on stdout, and returns it; a bad file throws the {@link SettingsError}.
 */
export function checkSettings(file: string): Settings {
  const settings = loadSettings(file);
  const legacyState = findLegacyStateWarning(settings, process.cwd());
  for (const warning of [...findSettingsWarnings(settings), ...(legacyState ? [legacyState] : [])]) {
    console.error(formatWarning(file, warning));
  }
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  process.stdout.write(
    `${file}: valid (${[
      count(Object.keys(settings.accounts).length, 'account'),
      count(settings.roles.length, 'role'),
      count(settings.groups.length, 'group'),
      count(settings.users.length, 'user'),
    ].join(', ')})\n`,
  );
  return settings;
}
