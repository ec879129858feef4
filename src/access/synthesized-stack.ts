import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareNames } from '../name-order';
import { DEFAULT_REGION, partitionOfRegion, type Partition } from '../policies/arn';
import { UserError } from '../user-error';

/** One resource of a synthesized stack: its Terraform type, name and attributes. */
export interface SynthesizedResource {
  /** Terraform type, e.g. `aws_iam_role`. */
  readonly type: string;
  /** Terraform name (the address is `type.name`). */
  readonly name: string;
  /** Attributes as synthesized (references stay `${…}` strings). */
  readonly attributes: Readonly<Record<string, unknown>>;
  /** Provider alias (account key) the resource is created with, e.g. `prod`. */
  readonly account: string;
}

/** Blocks by Terraform type, then by name: `resource` and `data` both have this shape. */
type BlocksByType = Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, unknown>>>>>>;

/** A Terraform `import` block: the address adopted (`aws_iam_group.x`), the id it is imported from. */
export interface ImportBlock {
  readonly to: string;
  readonly id: string;
  readonly provider?: string;
}

/** The parts of a synthesized `cdk.tf.json` the tools read. */
export interface SynthesizedStackJson {
  /** cdktf's comment block (Terraform ignores it): `metadata` holds the stack's version, backend and settings record. */
  readonly '//'?: { readonly metadata?: Readonly<Record<string, unknown>> };
  readonly provider?: { readonly aws?: readonly Readonly<Record<string, unknown>>[] };
  readonly resource?: BlocksByType;
  /** Data sources: what exists and is only read (`existing: reference`). */
  readonly data?: BlocksByType;
  /** Resources that exist and are adopted into state (`existing: import`). */
  readonly import?: readonly ImportBlock[];
  readonly output?: Readonly<Record<string, { readonly value: unknown }>>;
  readonly locals?: Readonly<Record<string, unknown>>;
  readonly terraform?: Readonly<Record<string, unknown>>;
}

/**
 * Reads a synthesized stack through `cdktf.out/manifest.json`
 * (`stacks.<name>.synthesizedStackPath`), as cdktf's own tooling does.
 */
export function readSynthesizedStack(outdir: string, stackName: string): SynthesizedStackJson {
  const manifestPath = join(outdir, 'manifest.json');
  const manifest = readJson<{ stacks?: Record<string, { synthesizedStackPath: string }> }>(
    manifestPath,
    `no synthesized stack in ${outdir}: run \`npm run synth\` first`,
  );
  const entry = manifest.stacks?.[stackName];
  if (!entry) throw new UserError(`${manifestPath} has no stack "${stackName}": run \`npm run synth\` again`);
  return readJson<SynthesizedStackJson>(
    join(outdir, entry.synthesizedStackPath),
    `cannot read stack "${stackName}" in ${outdir}`,
  );
}

/**
 * Every AWS resource of the stack with the account (provider alias) it belongs
 * to, in type then name order. Terraform's own resources (the `terraform_data`
 * record of the settings file) live in no account and are left out.
 */
export function listResources(stack: SynthesizedStackJson): SynthesizedResource[] {
  return listBlocks(stack.resource);
}

/** Every data source of the stack (its address is `data.<type>.<name>`), like {@link listResources}. */
export function listDataSources(stack: SynthesizedStackJson): SynthesizedResource[] {
  return listBlocks(stack.data);
}

function listBlocks(blocks: BlocksByType | undefined): SynthesizedResource[] {
  return Object.entries(blocks ?? {})
    .filter(([type]) => type.startsWith('aws_'))
    .sort(([a], [b]) => compareNames(a, b))
    .flatMap(([type, byName]) =>
      Object.entries(byName)
        .sort(([a], [b]) => compareNames(a, b))
        .map(([name, attributes]) => ({ type, name, attributes, account: accountOf(attributes) })),
    );
}

/** Account id used for a provider that pins none: a placeholder that never matches a real account. */
export const UNPINNED_ACCOUNT_ID = '000000000000';

/** What a provider alias says of its account: the pinned id, the region and so the partition. */
export interface ProviderAccount {
  /** The pinned account id (`allowed_account_ids`), or {@link UNPINNED_ACCOUNT_ID}. */
  readonly id: string;
  /** The provider's region. @default the settings' default region */
  readonly region: string;
  /** The partition of that region, which every ARN in the account carries. */
  readonly partition: Partition;
  /** The profile Terraform uses for the account. @default none */
  readonly profile?: string;
}

/** Each provider alias (account key) with what it says of its account. */
export function providerAccounts(stack: SynthesizedStackJson): ReadonlyMap<string, ProviderAccount> {
  const cached = accountsCache.get(stack);
  if (cached) return cached;
  const accounts = new Map<string, ProviderAccount>();
  for (const provider of stack.provider?.aws ?? []) {
    const alias = provider.alias;
    if (typeof alias !== 'string') continue;
    const [id] = (provider.allowed_account_ids as string[] | undefined) ?? [];
    const region = typeof provider.region === 'string' ? provider.region : DEFAULT_REGION;
    accounts.set(alias, {
      id: id ?? UNPINNED_ACCOUNT_ID,
      region,
      partition: partitionOfRegion(region),
      ...(typeof provider.profile === 'string' && { profile: provider.profile }),
    });
  }
  accountsCache.set(stack, accounts);
  return accounts;
}

const accountsCache = new WeakMap<SynthesizedStackJson, ReadonlyMap<string, ProviderAccount>>();

/** The account behind a provider alias, with the unpinned placeholder for an alias the stack does not define. */
export function providerAccount(stack: SynthesizedStackJson, alias: string): ProviderAccount {
  return providerAccounts(stack).get(alias) ?? { id: UNPINNED_ACCOUNT_ID, region: DEFAULT_REGION, partition: 'aws' };
}

/** Account ids pinned on each provider alias (`allowed_account_ids`). */
export function accountIdsByAlias(stack: SynthesizedStackJson): Map<string, string> {
  return new Map(
    [...providerAccounts(stack)]
      .filter(([, account]) => account.id !== UNPINNED_ACCOUNT_ID)
      .map(([alias, account]) => [alias, account.id]),
  );
}

/** `aws.prod` → `prod`; resources without an explicit provider use the default one. */
function accountOf(attributes: Readonly<Record<string, unknown>>): string {
  const provider = attributes.provider;
  return typeof provider === 'string' ? provider.replace(/^aws\./, '') : 'default';
}

function readJson<T>(path: string, whenMissing: string): T {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UserError(whenMissing);
  }
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new UserError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
}
