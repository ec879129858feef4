import type { Command } from 'commander';
import {
  findLegacyStateWarning,
  findSettingsWarnings,
  formatWarning,
  loadSettings,
  settingsFileFromEnvironment,
} from '../config';

/**
 * `cross-account check`: validates the settings file on its own, so that
 * `npm run synth` refuses a bad file with our one-line messages before cdktf
 * (which wraps an app's errors in its own banner) starts.
 */
export function registerCheckCommand(program: Command): void {
  program
    .command('check')
    .description('validate the settings file and print its warnings, before anything is synthesized')
    .option('--config <file>', 'settings file (CROSS_ACCOUNT_CONFIG)', settingsFileFromEnvironment())
    .action((options: { config: string }) => {
      const settings = loadSettings(options.config);
      const legacyState = findLegacyStateWarning(settings, process.cwd());
      for (const warning of [...findSettingsWarnings(settings), ...(legacyState ? [legacyState] : [])]) {
        console.error(formatWarning(options.config, warning));
      }
      const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
      process.stdout.write(
        `${options.config}: valid (${[
          count(Object.keys(settings.accounts).length, 'account'),
          count(settings.roles.length, 'role'),
          count(settings.groups.length, 'group'),
          count(settings.users.length, 'user'),
        ].join(', ')})\n`,
      );
    });
}
