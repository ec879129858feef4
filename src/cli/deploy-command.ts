import type { Command } from 'commander';
import { UserError } from '../user-error';
import { runCdktf } from './cdktf-cli';
import { withExamples } from './shared-options';
import { checkSettings } from './check-command';
import { synthesizeSettings, synthOutdirOption, type SynthOptions } from './synth-command';

/** Options of `cross-account deploy`. */
interface DeployOptions extends SynthOptions {
  /** Apply without asking. @default false: cdktf shows the plan and asks */
  readonly autoApprove?: boolean;
}

/**
 * `cross-account deploy` (`npm run deploy`): what `npm run synth` does, then
 * `cdktf deploy` on that stack, which shows the plan and asks before it applies.
 */
export function registerDeployCommand(program: Command): void {
  withExamples(
    program
      .command('deploy')
      .description('check and synthesize the settings, print what each account gets, then run cdktf deploy')
      .addOption(synthOutdirOption())
      .option('--auto-approve', 'apply without asking (CI)'),
    'cross-account deploy',
    'cross-account deploy --config config/examples/hardened.yaml --auto-approve',
  ).action(async (options: DeployOptions) => {
    const settings = checkSettings(options.config);
    // cdktf asks for approval on a terminal only; elsewhere it would wait for an answer that cannot come.
    if (!options.autoApprove && !(process.stdin.isTTY && process.stdout.isTTY)) {
      throw new UserError('deploy asks you to approve the plan in a terminal: run it in one, or pass --auto-approve');
    }
    synthesizeSettings(settings, options.outdir);
    const approve = options.autoApprove ? ['--auto-approve'] : [];
    await runCdktf(['deploy', '--skip-synth', '--output', options.outdir, ...approve], { config: options.config });
  });
}
