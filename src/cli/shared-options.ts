import { Option, type Command } from 'commander';
import { DEFAULT_SETTINGS_FILE, SETTINGS_FILE_VARIABLE } from '../config/default-settings-file';

/**
 * The one `--config` of every subcommand that reads settings, with one default
 * and one help line: `--config`, else `CROSS_ACCOUNT_CONFIG`, else
 * config/default.yaml. {@link addSettingsFileOption} gives it to each
 * subcommand; an action finds the file in `options.config`.
 */
export function settingsFileOption(): Option {
  return (
    new Option('--config <file>', 'settings file')
      .env(SETTINGS_FILE_VARIABLE)
      .default(DEFAULT_SETTINGS_FILE)
      // An empty CROSS_ACCOUNT_CONFIG means unset, as for npm run synth.
      .argParser((file) => file || DEFAULT_SETTINGS_FILE)
  );
}

/** The options of a subcommand that reads settings: the file, as {@link settingsFileOption} resolves it. */
export interface SettingsFileOptions {
  readonly config: string;
}

/** The `--outdir` of every subcommand that can read a stack already synthesized instead of synthesizing `--config`. */
export function outdirOption(): Option {
  return new Option('--outdir <dir>', 'read the stack already synthesized in this cdktf output folder, not --config');
}

const WITHOUT_SETTINGS = new WeakSet<Command>();

/** Marks a subcommand that reads no settings file (`summary` reads cdktf.out alone): it gets no `--config`. */
export function readsNoSettings<T extends Command>(command: T): T {
  WITHOUT_SETTINGS.add(command);
  return command;
}

/**
 * Gives `--config` to every subcommand of `program` but those marked with
 * {@link readsNoSettings}, so that a subcommand added later has it too. One
 * that defines a `--config` of its own keeps it (the CLI test then reports it).
 */
export function addSettingsFileOption(program: Command): void {
  for (const command of program.commands) {
    if (WITHOUT_SETTINGS.has(command) || command.options.some((option) => option.long === '--config')) continue;
    command.addOption(settingsFileOption());
  }
}

/** Adds the `Example:` lines `--help` ends with (each a command line, shown after `$ `). */
export function withExamples<T extends Command>(command: T, ...examples: readonly string[]): T {
  const title = examples.length === 1 ? 'Example' : 'Examples';
  return command.addHelpText('after', `\n${title}:\n${examples.map((line) => `  $ ${line}`).join('\n')}`);
}
