import type { Command } from 'commander';
import { runCdktf } from './cdktf-cli';
import { withExamples } from './shared-options';
import { checkSettings } from './check-command';
import { synthesizeSettings, synthOutdirOption, type SynthOptions } from './synth-command';

/**
 * `cross-account plan` (`npm run plan`): what `npm run synth` does (the settings
 * check, the stack, what each account gets), then `cdktf plan` on that stack
 * without synthesizing again.
 */
export function registerPlanCommand(program: Command): void {
  withExamples(
    program
      .command('plan')
      .description('check and synthesize the settings, print what each account gets, then run cdktf plan')
      .addOption(synthOutdirOption()),
    'cross-account plan --config config/examples/hardened.yaml',
  ).action(async (options: SynthOptions) => {
    synthesizeSettings(checkSettings(options.config), options.outdir);
    await runCdktf(['plan', '--skip-synth', '--output', options.outdir], { config: options.config });
  });
}
