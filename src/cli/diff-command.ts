import { Option, type Command } from 'commander';
import { UserError } from '../user-error';
import type { DiffReport } from '../verify';
import { DIFF_FORMAT_NAMES, type DiffFormat } from '../verify/report/diff-format-names';
import { loadDiffSide } from './diff-side';
import { loadVerifier } from './load-verifier';
import { outputWidth } from './output-width';
import { withExamples, type SettingsFileOptions } from './shared-options';

/** Options of `cross-account diff`. */
export interface DiffOptions extends SettingsFileOptions {
  /** What to compare with: a git revision (`main`, `HEAD~1`, `v1:config/x.yaml`), a settings file or a cdktf.out folder. */
  readonly base: string;
  /** The changed side, in the same forms. @default the settings file (`config`) */
  readonly head?: string;
  /** @default table */
  readonly format: DiffFormat;
  /** Exit 1 when any access is gained (a review gate). @default none: exit 0 whatever changed */
  readonly failOn?: 'gained';
}

/** `cross-account diff`: who gains and who loses which access between two versions of the settings. */
export function registerDiffCommand(program: Command): void {
  withExamples(
    program
      .command('diff')
      .description(
        'who gains and who loses which access between a base (git revision, settings file or cdktf.out folder) and the settings file',
      )
      .requiredOption('--base <ref>', 'git revision (main, HEAD~1, <rev>:<path>), settings file or cdktf.out folder')
      .option('--head <ref>', 'the changed side, in the same forms (default: --config)')
      .addOption(new Option('--format <format>', 'output format').choices(DIFF_FORMAT_NAMES).default('table'))
      .addOption(new Option('--fail-on <change>', 'exit 1 when access is gained').choices(['gained'])),
    'cross-account diff --base main --format markdown',
  ).action(async (options: DiffOptions) => {
    const verifier = await loadVerifier();
    const report = await runDiff(options, verifier);
    process.stdout.write(verifier.DIFF_FORMATS[options.format](report, { width: outputWidth() }));
    const gained = report.diff.gained.length;
    if (options.failOn === 'gained' && gained > 0)
      throw new UserError(`${gained} gained, and --fail-on gained is set: review the gained access before merging`);
  });
}

/** Loads both sides (the head first: a git base reads the head's settings file) and compares their access. */
export async function runDiff(
  options: Pick<DiffOptions, 'base' | 'head' | 'config'>,
  verifier?: typeof import('../verify'),
): Promise<DiffReport> {
  const head = loadDiffSide('--head', options.head ?? options.config, options.config);
  const base = loadDiffSide('--base', options.base, head.settingsFile ?? options.config);
  return (verifier ?? (await loadVerifier())).diffStacks(base, head);
}
