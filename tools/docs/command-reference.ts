import type { Command } from 'commander';
import { buildProgram } from '../../src/cli/main';

/**
 * Columns `--help` wraps to when its output is not a terminal (commander's
 * default): what a pipe, a CI log and this page get.
 */
const PIPE_HELP_WIDTH = 80;

/** The command line that prints a command's help, as each block of the reference is marked. */
export function helpCommandLine(name?: string): string {
  return `npx cross-account ${name ? `${name} ` : ''}--help`;
}

/** What `cross-account [<command>] --help` prints when its output is not a terminal. */
export function helpText(command: Command): string {
  let text = '';
  command.configureOutput({
    writeOut: (chunk) => (text += chunk),
    getOutHelpWidth: () => PIPE_HELP_WIDTH,
    getOutHasColors: () => false,
  });
  command.outputHelp();
  return text;
}

/**
 * docs/commands.md: the `--help` of the program and of every registered
 * subcommand, in the program's order, each block marked with the command line
 * that prints it (a test runs each and compares).
 */
export async function renderCommandReference(introduction: string): Promise<string> {
  const program = await buildProgram();
  const section = (title: string, name: string | undefined, command: Command) =>
    `## ${title}\n\n<!-- output: ${helpCommandLine(name)} -->\n\n\`\`\`text\n${helpText(command)}\`\`\`\n`;
  return [
    introduction.trimStart(),
    section('`cross-account`', undefined, program),
    ...program.commands.map((command) => section(`\`${command.name()}\``, command.name(), command)),
  ].join('\n');
}
