import { Option, type Command } from 'commander';
import { ProblemsFound, UserError } from '../user-error';
import type { VerifyReport } from '../verify';
import { VERIFY_FORMAT_NAMES, type VerifyFormat } from '../verify/report/format-names';
import type { Acknowledgement } from '../verify/review/acknowledgements';
import { loadCurrentStack } from './current-stack';
import { loadVerifier } from './load-verifier';
import { outputWidth } from './output-width';
import { outdirOption, withExamples } from './shared-options';

/** Options of `cross-account verify`. */
export interface VerifyOptions {
  /** Settings file: its stack is verified, and its expectations checked. */
  readonly config: string;
  /** A cdktf output folder whose stack is verified, with the expectations it records, instead. @default none (synthesize) */
  readonly outdir?: string;
  /** @default table */
  readonly format: VerifyFormat;
}

/** `cross-account verify`: the access matrix, expectations and policy lint of the synthesized stack. */
export function registerVerifyCommand(program: Command): void {
  withExamples(
    program
      .command('verify')
      .description('evaluate who may assume which role and what each role may do, from the synthesized Terraform JSON')
      .addOption(outdirOption())
      .addOption(new Option('--format <format>', 'output format').choices(VERIFY_FORMAT_NAMES).default('table')),
    'cross-account verify --config config/examples/hardened.yaml --format markdown',
  ).action(async (options: VerifyOptions) => {
    const verifier = await loadVerifier();
    const report = await runVerify(options, verifier);
    process.stdout.write(verifier.VERIFY_FORMATS[options.format](report, { width: outputWidth() }));
    // One line per failed expectation or lint finding; the CLI prints it and exits 1.
    if (report.problems.length > 0) throw new ProblemsFound(report.problems);
  });
}

/** Synthesizes the settings (or reads the stack in `outdir`) and verifies it against the expectations it records. */
export async function runVerify(
  options: Pick<VerifyOptions, 'config' | 'outdir'>,
  verifier?: typeof import('../verify'),
): Promise<VerifyReport> {
  const current = loadCurrentStack(options);
  if (!current.expectations) {
    throw new UserError(
      `${current.description} records no settings file and no expectations (synthesized by an older version): run \`npm run synth\` again`,
    );
  }
  return (verifier ?? (await loadVerifier())).verifyStack(
    current.stack,
    current.expectations,
    current.acknowledge as readonly Acknowledgement[] | undefined,
  );
}
