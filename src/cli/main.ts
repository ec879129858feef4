import { Command } from 'commander';
import { UserError } from '../user-error';
import { registerAssumeCommand } from './assume-command';
import { registerCheckCommand } from './check-command';
import { registerConsoleUrlCommand } from './console-url-command';
import { registerDiffCommand } from './diff-command';
import { registerProfilesCommand } from './profiles-command';
import { registerSmokeCommand } from './smoke-command';
import { registerSummaryCommand } from './summary-command';
import { registerVerifyCommand } from './verify-command';

/** The `cross-account` program with every subcommand registered. */
export function buildProgram(): Command {
  const program = new Command('cross-account')
    .description('Check and use the cross-account access this project synthesizes')
    .showHelpAfterError()
    .exitOverride();
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

/** Runs the CLI; a user's error is one line on stderr and exit code 1, never a stack trace. */
export async function runCli(argv: readonly string[]): Promise<number> {
  try {
    await buildProgram().parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof UserError) {
      for (const line of error.lines) console.error(line);
      return 1;
    }
    if (isCommanderExit(error)) return error.exitCode;
    throw error;
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

if (require.main === module) {
  runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
