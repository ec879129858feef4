import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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

/** The parts of a synthesized `cdk.tf.json` the tools read. */
export interface SynthesizedStackJson {
  readonly provider?: { readonly aws?: readonly Readonly<Record<string, unknown>>[] };
  readonly resource?: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, unknown>>>>>>;
  readonly output?: Readonly<Record<string, { readonly value: unknown }>>;
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

/** Every resource of the stack with the account (provider alias) it belongs to, in type then name order. */
export function listResources(stack: SynthesizedStackJson): SynthesizedResource[] {
  return Object.entries(stack.resource ?? {})
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([type, byName]) =>
      Object.entries(byName)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, attributes]) => ({ type, name, attributes, account: accountOf(attributes) })),
    );
}

/** Account ids pinned on each provider alias (`allowed_account_ids`). */
export function accountIdsByAlias(stack: SynthesizedStackJson): Map<string, string> {
  const ids = new Map<string, string>();
  for (const provider of stack.provider?.aws ?? []) {
    const alias = provider.alias as string | undefined;
    const [id] = (provider.allowed_account_ids as string[] | undefined) ?? [];
    if (alias && id) ids.set(alias, id);
  }
  return ids;
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
