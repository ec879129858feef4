import type { Command } from 'commander';
import { readStackState } from '../access/stack-state';
import {
  accountIdsByAlias,
  listDataSources,
  listResources,
  readSynthesizedStack,
  type SynthesizedResource,
  type SynthesizedStackJson,
} from '../access/synthesized-stack';
import { compareNames } from '../name-order';
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
 * One block per account: `prod (999999999999): 3 to create` then a line per
 * resource. Resources that exist and are imported are counted and marked apart,
 * and users and groups the stack only reads (data sources) are listed as
 * existing, so an adoption shows that nothing of theirs is created. Last, where
 * the state goes and which settings file owns it.
 */
export function formatSummary(stack: SynthesizedStackJson): string {
  const ids = accountIdsByAlias(stack);
  const imported = new Set((stack.import ?? []).map((block) => block.to));
  const byAccount = new Map<string, { create: string[]; import: string[]; read: string[] }>();
  const entry = (account: string) => {
    const found = byAccount.get(account) ?? { create: [], import: [], read: [] };
    byAccount.set(account, found);
    return found;
  };
  for (const resource of listResources(stack)) {
    const line = `  ${resource.type.padEnd(40)} ${describe(resource)}`;
    if (imported.has(`${resource.type}.${resource.name}`)) entry(resource.account).import.push(`${line}  [import]`);
    else entry(resource.account).create.push(line);
  }
  for (const source of listDataSources(stack)) {
    entry(source.account).read.push(`  ${`data.${source.type}`.padEnd(40)} ${describe(source)}  [read]`);
  }
  const blocks = [...byAccount.entries()]
    .sort(([a], [b]) => compareNames(a, b))
    .map(([account, lines]) => {
      const counts = [
        `${lines.create.length} to create`,
        ...(lines.import.length > 0 ? [`${lines.import.length} to import`] : []),
        ...(lines.read.length > 0 ? [`${lines.read.length} to read`] : []),
      ];
      const body = [...lines.create, ...lines.import, ...lines.read];
      return `${account} (${ids.get(account) ?? 'unpinned'}): ${counts.join(', ')}\n${body.join('\n')}`;
    });
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
  const name =
    resource.attributes.name ??
    resource.attributes.bucket ??
    resource.attributes.user_name ??
    resource.attributes.group_name;
  return typeof name === 'string' && !name.includes('${') ? `${path} (${name})` : path;
}
