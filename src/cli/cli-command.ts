import { Command, type ErrorOptions } from 'commander';
import { UserError } from '../user-error';

/**
 * A `cross-account` command whose usage errors are one line that says what is
 * valid: an unknown option lists the command's options, an unknown command the
 * commands, and a missing `--role` the roles of the settings (or of the stack
 * `--outdir` names). Every subcommand is one too (through createCommand).
 */
export class CliCommand extends Command {
  public override createCommand(name?: string): CliCommand {
    return new CliCommand(name);
  }

  public override error(message: string, errorOptions?: ErrorOptions): never {
    super.error(this.explain(message.replace(/\n\(Did you mean (.+)\?\)$/, ' (did you mean $1?)'), errorOptions?.code));
  }

  private explain(message: string, code: string | undefined): string {
    if (code === 'commander.unknownOption') return `${message}; ${this.commandLine()} takes ${this.optionNames()}`;
    // Commander checks required options before unknown ones: `--rol x` is a typo of --role, not a missing --role.
    const unknown = this.args.find((arg) => arg.startsWith('-'));
    if (code === 'commander.missingMandatoryOptionValue' && unknown) {
      return `error: unknown option '${unknown}'; ${this.commandLine()} takes ${this.optionNames()}`;
    }
    if (code === 'commander.unknownCommand') {
      return `${message}; the commands are ${this.commands.map((command) => command.name()).join(', ')}`;
    }
    const missingRole =
      (code === 'commander.missingMandatoryOptionValue' || code === 'commander.optionMissingArgument') &&
      /'--role[ '<[]/.test(message);
    return missingRole ? `${message}${this.roleHint()}` : message;
  }

  private commandLine(): string {
    return this.parent ? `${this.parent.name()} ${this.name()}` : this.name();
  }

  private optionNames(): string {
    const names = this.options.filter((option) => !option.hidden).map((option) => option.long ?? option.short);
    return [...names, '--help'].join(', ');
  }

  /** `; the roles of config/default.yaml: S3ProductionAccessRole`, or why there are none to list. */
  private roleHint(): string {
    const { config, outdir } = this.opts<{ config?: string; outdir?: string }>();
    if (!config) return '';
    // Loaded only on this error path: the stack readers would otherwise load with every command, a warm
    // credential_process among them.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { loadCurrentStack, roleNamesOf } = require('./current-stack') as typeof import('./current-stack');
    try {
      const current = loadCurrentStack({ config, outdir }, process.env, () => undefined);
      return `; the roles of ${current.description}: ${roleNamesOf(current)}`;
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      return `; no roles to list: ${error.message}`;
    }
  }
}
