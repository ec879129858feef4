import type { Command } from 'commander';
import {
  accountIdsByAlias,
  listResources,
  readStackState,
  readSynthesizedStack,
  type SynthesizedResource,
  type SynthesizedStackJson,
} from '../access';
import { STACK_NAME } from '../stack/stack-name';
import { readsNoSettings, withExamples } from './shared-options';

/** `cross-account summary`: what the synthesized stack will create, account by account. */
export function registerSummaryCommand(program: Command): void {
  // It reads the stack alone, whichever settings file produced it: its last line names that file.
  readsNoSettings(
    withExamples(
      program
        .command('summary')
        .description('print what the synthesized stack will create in each account')
        .option('--outdir <dir>', 'cdktf output folder', 'cdktf.out'),
      'cross-account summary --outdir cdktf.out',
    ),
  ).action((options: { outdir: string }) => {
    process.stdout.write(formatSummary(readSynthesizedStack(options.outdir, STACK_NAME)));
  });
}

/**
 * One block per account: `prod (999999999999): 4 resources` then `  aws_iam_role  S3ProductionAccessRole`;
 * last, where the state goes and which settings file owns it.
 */
export function formatSummary(stack: SynthesizedStackJson): string {
  const ids = accountIdsByAlias(stack);
  const byAccount = new Map<string, string[]>();
  for (const resource of listResources(stack)) {
    const lines = byAccount.get(resource.account) ?? [];
    lines.push(`  ${resource.type.padEnd(40)} ${describe(resource)}`);
    byAccount.set(resource.account, lines);
  }
  const blocks = [...byAccount.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([account, lines]) =>
        `${account} (${ids.get(account) ?? 'unpinned'}): ${lines.length} to create\n${lines.join('\n')}`,
    );
  const state = readStackState(stack);
  const owner = state.settingsFile ? `, owned by ${state.settingsFile}` : '';
  return `${blocks.join('\n\n')}\n\nstate: ${state.location}${owner}\n`;
}

/** The construct path (`identity/user-John/groups`), with the IAM or bucket name when it is plain text. */
function describe(resource: SynthesizedResource): string {
  const metadata = (resource.attributes['//'] as { metadata?: { path?: string } } | undefined)?.metadata;
  // The stack, then the account's scope (`account-<key>-<id>`), which the block's heading already names.
  const path =
    metadata?.path
      ?.split('/')
      .slice(1)
      .filter((part, i) => i > 0 || !part.startsWith('account-'))
      .join('/') ?? resource.name;
  const name = resource.attributes.name ?? resource.attributes.bucket;
  return typeof name === 'string' && !name.includes('${') ? `${path} (${name})` : path;
}
