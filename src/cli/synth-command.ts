import { Option, type Command } from 'commander';
import { readSynthesizedStack } from '../access';
import { buildApp, synthesizeApp } from '../app';
import type { Settings } from '../config';
import { STACK_NAME } from '../stack/stack-name';
import { checkSettings } from './check-command';
import { withExamples, type SettingsFileOptions } from './shared-options';
import { formatSummary } from './summary-command';

/** Options of `cross-account synth`, and of `plan` and `deploy`, which synthesize first. */
export interface SynthOptions extends SettingsFileOptions {
  /** cdktf output folder. @default CDKTF_OUTDIR, else cdktf.out */
  readonly outdir: string;
}

/** The `--outdir` of the commands that write cdktf.out: `synth`, `plan`, `deploy`. */
export function synthOutdirOption(): Option {
  return new Option('--outdir <dir>', 'cdktf output folder to write').env('CDKTF_OUTDIR').default('cdktf.out');
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
      .addOption(synthOutdirOption()),
    'cross-account synth --config config/examples/hardened.yaml',
  ).action((options: SynthOptions) => {
    // Checked before the app exists: a refused file leaves cdktf.out as it was.
    synthesizeSettings(checkSettings(options.config), options.outdir);
  });
}

/** Synthesizes checked settings into `outdir` and prints what each account will get. */
export function synthesizeSettings(settings: Settings, outdir: string): void {
  synthesizeApp(buildApp(settings, outdir));
  process.stdout.write(`Generated Terraform code for the stacks: ${STACK_NAME}\n`);
  process.stdout.write(formatSummary(readSynthesizedStack(outdir, STACK_NAME)));
}
