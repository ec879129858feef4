import type { Command } from 'commander';
import { UserError } from '../user-error';
import { CliCommand } from './cli-command';
import { endOfLifeNotice, quietAwsSdkNodeWarning } from './node-support';
import { addSettingsFileOption, withExamples } from './shared-options';

/** Adds one subcommand (its options, help and action) to the program. */
type RegisterCommand = (program: Command) => void;

/**
 * Every subcommand, in help order, and how to load the module that registers it.
 * A run loads only the module of the subcommand it names, so `console-url` never
 * loads the AWS SDK, cdktf or the settings schema; `--help`, no subcommand or an
 * unknown one load them all. A new subcommand is one line here, and its module
 * imports what only it needs.
 */
export const SUBCOMMANDS = {
  check: () => import('./check-command').then((module) => module.registerCheckCommand),
  synth: () => import('./synth-command').then((module) => module.registerSynthCommand),
  plan: () => import('./plan-command').then((module) => module.registerPlanCommand),
  deploy: () => import('./deploy-command').then((module) => module.registerDeployCommand),
  summary: () => import('./summary-command').then((module) => module.registerSummaryCommand),
  profiles: () => import('./profiles-command').then((module) => module.registerProfilesCommand),
  assume: () => import('./assume-command').then((module) => module.registerAssumeCommand),
  smoke: () => import('./smoke-command').then((module) => module.registerSmokeCommand),
  console: () => import('./console-command').then((module) => module.registerConsoleCommand),
  'console-url': () => import('./console-url-command').then((module) => module.registerConsoleUrlCommand),
  cache: () => import('./cache-command').then((module) => module.registerCacheCommand),
  verify: () => import('./verify-command').then((module) => module.registerVerifyCommand),
  diff: () => import('./diff-command').then((module) => module.registerDiffCommand),
  revoke: () => import('./revoke-command').then((module) => module.registerRevokeCommand),
} as const satisfies Readonly<Record<string, () => Promise<RegisterCommand>>>;

/** Options of {@link buildProgram}. */
export interface ProgramOptions {
  /** Line printed on stderr before a command runs, unless its output is for a program (credential_process). @default none */
  readonly notice?: string;
}

/**
 * The `cross-account` program with the subcommand `argv` names registered, or every one when it names none;
 * each subcommand that reads settings gets the one `--config` (see {@link addSettingsFileOption}).
 */
export async function buildProgram(argv: readonly string[] = [], options: ProgramOptions = {}): Promise<Command> {
  const program = withExamples(
    new CliCommand('cross-account').description('Check and use the cross-account access this project synthesizes'),
    'cross-account verify',
    'cross-account console-url --role S3ProductionAccessRole',
    'cross-account <command> --help',
  ).exitOverride();
  const { notice } = options;
  if (notice) {
    // The AWS CLI, SDKs and Terraform run credential_process many times a day; its stderr stays empty.
    program.hook('preAction', (_program, command) => {
      if (command.opts().format !== 'credential-process') console.error(notice);
    });
  }
  const named = argv[0];
  const names = named !== undefined && Object.hasOwn(SUBCOMMANDS, named) ? [named] : Object.keys(SUBCOMMANDS);
  for (const name of names) (await SUBCOMMANDS[name as keyof typeof SUBCOMMANDS]())(program);
  addSettingsFileOption(program);
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
    await (await buildProgram(argv, options)).parseAsync([...argv], { from: 'user' });
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
