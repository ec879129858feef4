import { Command } from 'commander';
import { UserError } from '../user-error';
import { registerAssumeCommand } from './assume-command';
import { registerCheckCommand } from './check-command';
import { registerConsoleUrlCommand } from './console-url-command';
import { registerDiffCommand } from './diff-command';
import { endOfLifeNotice, quietAwsSdkNodeWarning } from './node-support';
import { registerProfilesCommand } from './profiles-command';
import { registerSmokeCommand } from './smoke-command';
import { registerSummaryCommand } from './summary-command';
import { registerVerifyCommand } from './verify-command';

/** Options of {@link buildProgram}. */
export interface ProgramOptions {
  /** Line printed on stderr before a command runs, unless its output is for a program (credential_process). @default none */
  readonly notice?: string;
}

/** The `cross-account` program with every subcommand registered. */
export function buildProgram(options: ProgramOptions = {}): Command {
  const program = new Command('cross-account')
    .description('Check and use the cross-account access this project synthesizes')
    .showHelpAfterError()
    .exitOverride();
  const { notice } = options;
  if (notice) {
    // The AWS CLI, SDKs and Terraform run credential_process many times a day; its stderr stays empty.
    program.hook('preAction', (_program, command) => {
      if (command.opts().format !== 'credential-process') console.error(notice);
    });
  }
  registerCheckCommand(program);
  registerSummaryCommand(program);
  registerProfilesCommand(program);
  registerAssumeCommand(program);
  registerSmokeCommand(program);
  registerConsoleUrlCommand(program);
  registerVerifyCommand(program);
  registerDiffCommand(program);
  return program;
}

/**
 * Runs the CLI; a user's error is one line on stderr and exit code 1, never a
 * stack trace. A command that leaves nothing to wait for before it finishes (a
 * promise nobody settles) ends with exit code 1 too, never 0 with nothing done.
 */
export async function runCli(argv: readonly string[], options: ProgramOptions = {}): Promise<number> {
  const unfinished = () => {
    console.error(`cross-account ${argv[0] ?? ''} stopped before it finished: nothing was left to wait for`);
    process.exitCode = 1;
  };
  process.once('beforeExit', unfinished);
  try {
    await buildProgram(options).parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof UserError) {
      for (const line of error.lines) console.error(line);
      return 1;
    }
    if (isCommanderExit(error)) return error.exitCode;
    throw error;
  } finally {
    process.off('beforeExit', unfinished);
  }
}

function isCommanderExit(error: unknown): error is { exitCode: number } {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    String((error as { code: unknown }).code).startsWith('commander.')
  );
}

/**
 * The `cross-account` process a user runs (bin/cross-account.js): the AWS SDK's Node version banner
 * off, and one line of ours instead where this Node has reached end of life.
 */
export function main(argv: readonly string[] = process.argv.slice(2)): void {
  quietAwsSdkNodeWarning(process.env);
  void runCli(argv, { notice: endOfLifeNotice(process.version) }).then((code) => {
    process.exitCode = code;
  });
}

if (require.main === module) main();
