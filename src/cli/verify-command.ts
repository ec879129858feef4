import { Option, type Command } from 'commander';
import { readSynthesizedStack } from '../access';
import { loadSettings, settingsFileFromEnvironment } from '../config';
import { STACK_NAME } from '../stack/stack-name';
import { ProblemsFound } from '../user-error';
import type { VerifyReport } from '../verify';
import { VERIFY_FORMAT_NAMES, type VerifyFormat } from '../verify/report/format-names';
import { synthesizeStack } from './current-stack';
import { loadVerifier } from './load-verifier';

/** Options of `cross-account verify`. */
export interface VerifyOptions {
  /** Settings file: its stack is verified, and its expectations checked. */
  readonly config: string;
  /** A cdktf output folder to read instead of synthesizing the settings. @default none (synthesize) */
  readonly outdir?: string;
  /** @default table */
  readonly format: VerifyFormat;
}

/** `cross-account verify`: the access matrix, expectations and policy lint of the synthesized stack. */
export function registerVerifyCommand(program: Command): void {
  program
    .command('verify')
    .description('evaluate who may assume which role and what each role may do, from the synthesized Terraform JSON')
    .option('--config <file>', 'settings file (CROSS_ACCOUNT_CONFIG)', settingsFileFromEnvironment())
    .option('--outdir <dir>', 'read this cdktf output folder instead of synthesizing the settings')
    .addOption(new Option('--format <format>', 'output format').choices(VERIFY_FORMAT_NAMES).default('table'))
    .action(async (options: VerifyOptions) => {
      const verifier = await loadVerifier();
      const report = await runVerify(options, verifier);
      process.stdout.write(verifier.VERIFY_FORMATS[options.format](report));
      // One line per failed expectation or lint finding; the CLI prints it and exits 1.
      if (report.problems.length > 0) throw new ProblemsFound(report.problems);
    });
}

/** Loads the settings, synthesizes (or reads) their stack and verifies it. */
export async function runVerify(
  options: Pick<VerifyOptions, 'config' | 'outdir'>,
  verifier?: typeof import('../verify'),
): Promise<VerifyReport> {
  const settings = loadSettings(options.config);
  const stack = options.outdir ? readSynthesizedStack(options.outdir, STACK_NAME) : synthesizeStack(settings);
  return (verifier ?? (await loadVerifier())).verifyStack(stack, settings.expectations, settings.acknowledge);
}
