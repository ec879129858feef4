import { Option, type Command } from 'commander';
import { readSynthesizedStack } from '../access';
import { buildApp } from '../app';
import { STACK_NAME } from '../stack/stack-name';
import { checkSettings } from './check-command';
import { withExamples } from './shared-options';
import { formatSummary } from './summary-command';

/** Options of `cross-account synth`. */
interface SynthOptions {
  /** Settings file. @default CROSS_ACCOUNT_CONFIG, else config/default.yaml */
  readonly config: string;
  /** cdktf output folder. @default CDKTF_OUTDIR, else cdktf.out */
  readonly outdir: string;
}

/**
 * `cross-account synth` (`npm run synth`): check, synthesize and summarize in one
 * process. It writes cdktf.out as `cdktf synth` does with cdktf.json's app (the same
 * files, byte for byte) without paying for the cdktf CLI and a second node.
 */
export function registerSynthCommand(program: Command): void {
  withExamples(
    program
      .command('synth')
      .description('validate the settings, synthesize the stack into cdktf.out and print what it will create')
      .addOption(new Option('--outdir <dir>', 'cdktf output folder').env('CDKTF_OUTDIR').default('cdktf.out')),
    'cross-account synth --config config/examples/hardened.yaml',
  ).action((options: SynthOptions) => {
    // Checked before the app exists: a refused file leaves cdktf.out as it was.
    const settings = checkSettings(options.config);
    buildApp(settings, options.outdir).synth();
    process.stdout.write(`Generated Terraform code for the stacks: ${STACK_NAME}\n`);
    process.stdout.write(formatSummary(readSynthesizedStack(options.outdir, STACK_NAME)));
  });
}
