// Over 200 lines for one job: planning synthesized stacks offline, each a module of one root configuration (one
// provider schema load, alike providers started once), against states of their own when asked, read back per stack.
import type { SynthesizedStackJson } from '../../src/access/synthesized-stack';
import type { ExistingIdentities } from '../loopback/local-iam';
import { startLoopbackIams, type LoopbackIams } from './existing-iam';
import { loopbackIamConfig, toOfflineStack } from './offline-stack';
import type { TerraformStateJson } from './offline-state';
import { AWS_PROVIDER } from './provider-mirror';
import { formatDiagnostic, type PlanMessage, type SavedPlanJson, type TerraformDiagnostic } from './plan-json';
import { terraformRunner, writeStackJson, type TerraformOutput, type TerraformRun } from './terraform-runner';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What Terraform said of an offline copy of a stack. */
export interface OfflinePlanResult {
  /** No error diagnostic from the plan (which validates the configuration first, as `terraform validate` does). */
  readonly valid: boolean;
  /** The plan's diagnostics (its validation's among them), one line each. */
  readonly diagnostics: readonly string[];
  /** The plan's summary line, e.g. `Plan: 11 to add, 0 to change, 0 to destroy.` or `Plan: 2 to import, 9 to add, …`. */
  readonly summary: string;
  /** Counts parsed from the summary. */
  readonly import: number;
  readonly add: number;
  readonly change: number;
  readonly destroy: number;
  /** Each planned change: the resource's address (in its stack) and what Terraform will do (`create`, `delete`, …). */
  readonly changes: readonly PlannedChange[];
  /** The saved plan as `terraform show -json` writes it, when {@link OfflinePlanProps.readPlan} asks for it. */
  readonly plan?: SavedPlanJson;
}

/** One resource change of a plan. */
export interface PlannedChange {
  readonly address: string;
  readonly action: string;
  /** Set when the resource is imported (`import` block). */
  readonly importing?: { readonly id: string };
}

/** Props of {@link planOffline}. */
export interface OfflinePlanProps {
  /** The synthesized stack (its offline copy is what gets planned). */
  readonly stack: SynthesizedStackJson;
  /** An empty folder to work in. */
  readonly workDir: string;
  /** Filesystem mirror holding the aws provider (see findProviderMirror). */
  readonly mirror: string;
  /**
   * A Terraform state (the JSON of a state file) to plan against; the plan then
   * skips refreshing, which would ask AWS. @default none: an empty state
   */
  readonly state?: TerraformStateJson;
  /** Also save the plan and read it back with `terraform show -json`. @default false */
  readonly readPlan?: boolean;
  /** What exists in each account (by alias), for imports and data sources. @default what the stack says exists */
  readonly existing?: ReadonlyMap<string, ExistingIdentities>;
}

/**
 * `terraform init` and `plan` of the offline copy of a stack, installing the
 * provider only from the filesystem mirror through a generated CLI config file,
 * so nothing is downloaded and no AWS account is reached.
 *
 * No `terraform validate` runs on its own: `terraform plan` first validates the
 * configuration with the same checks (terraform's validate walk, every resource's
 * and provider's configuration checked by the provider) and reports their errors
 * (offline-plan-diagnostics.test.ts), and a separate run would start the provider
 * again for each of its configurations.
 */
export async function planOffline(props: OfflinePlanProps): Promise<OfflinePlanResult> {
  const results = await planManyOffline({
    stacks: { stack: props.stack },
    workDir: props.workDir,
    mirror: props.mirror,
    ...(props.existing && { existing: { stack: props.existing } }),
    ...(props.state && { states: { stack: props.state } }),
    ...(props.readPlan && { readPlan: true }),
  });
  return results.stack;
}

/** Props of {@link planManyOffline}. */
export interface OfflinePlanManyProps {
  /** The stacks to plan, by a name that is a Terraform module name (letters, digits, `-`, `_`). */
  readonly stacks: Readonly<Record<string, SynthesizedStackJson>>;
  /** An empty folder to work in. */
  readonly workDir: string;
  /** Filesystem mirror holding the aws provider (see findProviderMirror). */
  readonly mirror: string;
  /** What exists in each account of a stack (by stack name, then alias). @default what each stack says exists */
  readonly existing?: Readonly<Record<string, ReadonlyMap<string, ExistingIdentities>>>;
  /**
   * A state to plan a stack against (by stack name; its resources are moved under the stack's module), as
   * {@link OfflinePlanProps.state} for one stack: the plan then skips refreshing. @default none: empty states
   */
  readonly states?: Readonly<Record<string, TerraformStateJson>>;
  /**
   * Also save the plan and read it back with `terraform show -json`, each stack getting its module's share with its
   * own addresses and outputs, as {@link OfflinePlanProps.readPlan} for one stack. @default false
   */
  readonly readPlan?: boolean;
}

/**
 * Plans several stacks with one `terraform init` and `plan`: each offline copy is
 * a module of one root configuration, so the aws provider's schema (~3 s of CPU
 * each time a terraform command loads it) is loaded once for all of them, and
 * each stack gets its own result (the diagnostics in its files, the changes
 * planned in its module). Throws, with every diagnostic, when the plan did not run.
 *
 * Terraform starts one aws provider process per provider configuration, twice
 * per plan (validation, then planning), and each costs ~0.6–1.5 s of CPU to build the
 * provider's schema: most offline providers are alike (dummy credentials, one
 * region), so the root holds each distinct one once and passes it to every
 * module alias that has those settings. Alike settings make alike providers, so
 * what each stack plans is unchanged; only the number of provider processes is.
 *
 * What a stack imports or reads through data sources is answered by a loopback
 * IAM per account of that stack; its `import` blocks move to the root (Terraform
 * allows them nowhere else), aimed at the resource in the stack's module, whose
 * provider they then use.
 */
export async function planManyOffline(props: OfflinePlanManyProps): Promise<Record<string, OfflinePlanResult>> {
  const names = Object.keys(props.stacks);
  const iams: LoopbackIams[] = [];
  const shared = new SharedProviders();
  /** The root provider each alias of a stack is passed, by stack name. */
  const bindings = new Map<string, Record<string, string>>();
  /** Root output → the module output it passes up (with `readPlan`). */
  const forwarded = new Map<string, { readonly name: string; readonly output: string }>();
  try {
    const imports = [];
    for (const name of names) {
      if (!/^[A-Za-z][\w-]*$/.test(name)) throw new Error(`not a Terraform module name: ${name}`);
      const stack = props.stacks[name];
      const existing = props.existing && Object.hasOwn(props.existing, name) ? props.existing[name] : undefined;
      iams.push(await startLoopbackIams(stack, existing));
    }
    const awsConfigFile = writeLoopbackIamConfig(props.workDir, iams);
    for (const [index, name] of names.entries()) {
      const stack = props.stacks[name];
      const iam = iams[index];
      const offlineStack = toOfflineStack(stack, { iamEndpoints: iam.endpoints, awsConfigFile });
      const { import: moduleImports, provider, ...offline } = offlineStack;
      const { aws, ...otherProviders } = provider ?? {};
      const binding = shared.bind(aws ?? []);
      bindings.set(name, binding);
      // A module cannot choose a backend (the root's local state holds them all) and gets its aws providers from
      // the root, declaring the aliases it is passed.
      const { backend: _backend, ...settings } = offline.terraform ?? {};
      writeStackJson(join(props.workDir, name), {
        ...offline,
        ...(Object.keys(otherProviders).length > 0 && { provider: otherProviders }),
        terraform: withConfigurationAliases(settings, Object.keys(binding)),
      });
      imports.push(...(moduleImports ?? []).map((block) => ({ to: `module.${name}.${block.to}`, id: block.id })));
      for (const output of Object.keys(offlineStack.output ?? {})) {
        forwarded.set(`stack_${index}_output_${forwarded.size}`, { name, output });
      }
    }
    writeFileSync(
      join(props.workDir, 'main.tf.json'),
      JSON.stringify(
        {
          terraform: {
            required_providers: { aws: { source: AWS_PROVIDER.source, version: AWS_PROVIDER.version } },
            backend: { local: { path: 'terraform.tfstate' } },
          },
          provider: { aws: shared.configurations },
          module: Object.fromEntries(
            names.map((name) => [name, { source: `./${name}`, providers: bindings.get(name) }]),
          ),
          ...(imports.length > 0 && { import: imports }),
          // A plan shows the root's outputs only: each module's, read back, are passed up under a name of their own.
          ...(props.readPlan && {
            output: Object.fromEntries(
              [...forwarded].map(([root, { name, output }]) => [root, { value: `\${module.${name}.${output}}` }]),
            ),
          }),
        },
        null,
        2,
      ),
    );
    if (props.states) {
      writeFileSync(
        join(props.workDir, 'terraform.tfstate'),
        JSON.stringify(statesUnderModules(props.states, bindings)),
      );
    }
    return await planModules(props, names, forwarded);
  } finally {
    await Promise.all(iams.map((iam) => iam.close()));
  }
}

async function planModules(
  props: OfflinePlanManyProps,
  names: readonly string[],
  forwarded: ReadonlyMap<string, { readonly name: string; readonly output: string }>,
) {
  const { run, diagnostics, messages } = await initPlan(props, [
    ...(props.states ? ['-refresh=false'] : []),
    ...(props.readPlan ? ['-out=offline.tfplan'] : []),
  ]);
  const saved = props.readPlan ? await showPlan(run) : undefined;
  return Object.fromEntries(
    names.map((name) => [
      name,
      {
        ...resultOf(name, diagnostics, messages, names.length === 1),
        ...(saved && { plan: moduleShare(saved, name, forwarded) }),
      },
    ]),
  );
}

/** The saved plan, as `terraform show -json` reads it back. */
async function showPlan(run: TerraformRun): Promise<SavedPlanJson> {
  return JSON.parse(failOnError(['show'], await run('show', '-json', '-no-color', 'offline.tfplan')).stdout);
}

/** One module's share of a saved plan, as if its stack had been planned at the root: its own addresses and outputs. */
function moduleShare(
  saved: SavedPlanJson,
  name: string,
  forwarded: ReadonlyMap<string, { readonly name: string; readonly output: string }>,
): SavedPlanJson {
  const prefix = `module.${name}.`;
  const child = (saved.planned_values.root_module.child_modules ?? []).find(
    (module) => module.address === `module.${name}`,
  );
  const outputs = Object.entries(saved.planned_values.outputs ?? {}).flatMap(([root, value]) => {
    const from = forwarded.get(root);
    return from?.name === name ? [[from.output, value] as const] : [];
  });
  return {
    planned_values: {
      outputs: Object.fromEntries(outputs),
      root_module: {
        resources: (child?.resources ?? []).map((resource) => ({
          ...resource,
          address: resource.address.slice(prefix.length),
        })),
      },
    },
    resource_changes: (saved.resource_changes ?? [])
      .filter((change) => change.address.startsWith(prefix))
      .map((change) => ({ ...change, address: change.address.slice(prefix.length) })),
  };
}

/** Writes the shared config file sending each loopback IAM's profile there, in the working folder; its path. */
function writeLoopbackIamConfig(workDir: string, iams: readonly LoopbackIams[]): string {
  const file = join(workDir, 'loopback-aws-config');
  mkdirSync(workDir, { recursive: true });
  writeFileSync(file, loopbackIamConfig(iams.flatMap((iam) => [...iam.endpoints.values()])));
  return file;
}

/** The root's aws provider configurations: one per distinct setting, each under an alias of its own. */
class SharedProviders {
  readonly configurations: Record<string, unknown>[] = [];
  private readonly aliasOf = new Map<string, string>();

  /** The root provider each of a module's aws providers becomes: `{ 'aws.prod': 'aws.shared_0' }`. */
  bind(providers: readonly Readonly<Record<string, unknown>>[]): Record<string, string> {
    const binding: Record<string, string> = {};
    for (const { alias, ...settings } of providers) {
      const key = JSON.stringify(settings);
      let shared = this.aliasOf.get(key);
      if (shared === undefined) {
        shared = `shared_${this.aliasOf.size}`;
        this.aliasOf.set(key, shared);
        this.configurations.push({ ...settings, alias: shared });
      }
      binding[typeof alias === 'string' ? `aws.${alias}` : 'aws'] = `aws.${shared}`;
    }
    return binding;
  }
}

/** A module's `terraform` settings declaring the aws aliases the root passes it (`aws.prod`, …). */
function withConfigurationAliases(
  settings: Readonly<Record<string, unknown>>,
  passed: readonly string[],
): Record<string, unknown> {
  const required = (settings.required_providers ?? {}) as Record<string, Record<string, unknown>>;
  const aliases = passed.filter((address) => address !== 'aws');
  return {
    ...settings,
    required_providers: { ...required, aws: { ...required.aws, configuration_aliases: aliases } },
  };
}

/**
 * One state holding each stack's state under its module, every aws resource bound
 * to the root provider its alias was passed (what Terraform itself records for a
 * resource whose module was passed its provider).
 */
function statesUnderModules(
  states: Readonly<Record<string, TerraformStateJson>>,
  bindings: ReadonlyMap<string, Readonly<Record<string, string>>>,
): TerraformStateJson {
  const names = Object.keys(states);
  if (names.length === 0) throw new Error('no state to plan against');
  const awsProvider = `provider["${AWS_PROVIDER.source}"]`;
  const rebind = (name: string, provider: string) => {
    if (!provider.startsWith(awsProvider)) return provider;
    const alias = provider.slice(awsProvider.length).replace(/^\./, '');
    const local = alias ? `aws.${alias}` : 'aws';
    const binding = bindings.get(name);
    if (!binding) throw new Error(`a state for ${name}, which is not a stack planned here`);
    if (!Object.hasOwn(binding, local)) throw new Error(`the state of ${name} uses ${local}, which its stack lacks`);
    return `${awsProvider}.${binding[local].replace(/^aws\./, '')}`;
  };
  return {
    ...states[names[0]],
    outputs: {},
    resources: names.flatMap((name) =>
      states[name].resources.map((resource) => ({
        ...resource,
        module: `module.${name}`,
        provider: rebind(name, resource.provider),
      })),
    ),
  };
}

/**
 * `terraform init` and `plan -json` in `props.workDir`, the plan loading the
 * provider schema once for every module; the plan's messages and diagnostics.
 * Throws, with every diagnostic, when the plan did not run.
 */
async function initPlan(props: Pick<OfflinePlanProps, 'workDir' | 'mirror'>, planArgs: readonly string[]) {
  const run = terraformRunner({ workDir: props.workDir, mirror: props.mirror });
  const init = ['init', '-input=false', '-no-color', '-backend=true'];
  failOnError(init, await run(...init));
  const lockFile = join(props.workDir, '.terraform.lock.hcl');
  writeFileSync(lockFile, withoutChecksums(readFileSync(lockFile, 'utf8')));
  const plan = await run('plan', '-json', '-input=false', '-no-color', '-lock=false', ...planArgs);
  const messages = plan.stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as PlanMessage);
  const diagnostics = messages.flatMap((message) => (message.diagnostic ? [message.diagnostic] : []));
  if (!messages.some((message) => message.type === 'change_summary')) {
    throw new Error(`terraform plan gave no summary:\n${diagnostics.map(formatDiagnostic).join('\n')}\n${plan.stderr}`);
  }
  return { run, diagnostics, messages };
}

/**
 * A dependency lock file as `terraform init` wrote it, with the provider versions it selected and without their
 * checksums. Every later command of a working folder checks the installed provider package against the checksums its
 * lock file records, hashing the ~700 MB aws provider each time (~0.5 s of CPU per plan or show); with no checksum
 * recorded it skips that check. Here the package is the one init installed from the local mirror moments before, in a
 * throwaway folder, so the check could only ever find it unchanged; init itself still hashes what it installs.
 */
export function withoutChecksums(lockFile: string): string {
  const stripped = lockFile.replace(/^[ \t]*hashes[ \t]*=[ \t]*\[[^\]]*\][ \t]*\n/gm, '');
  if (/\bhashes\b|"(h1|zh):/.test(stripped))
    throw new Error(`a lock file whose checksums could not be left out:\n${lockFile}`);
  return stripped;
}

/** One module's share of the plan (the root's, for `name` undefined): diagnostics in its files (or in none), changes at its address. */
function resultOf(
  name: string | undefined,
  allDiagnostics: readonly TerraformDiagnostic[],
  messages: readonly PlanMessage[],
  only: boolean,
): OfflinePlanResult {
  const diagnostics = allDiagnostics.filter(
    (diagnostic) => only || !diagnostic.range || diagnostic.range.filename.startsWith(`${name}/`),
  );
  const changes = messages.flatMap((message) =>
    message.type === 'planned_change' &&
    message.change &&
    (message.change.resource.module.split('.')[1] ?? undefined) === name
      ? [
          {
            address: message.change.resource.resource,
            action: message.change.action,
            ...(message.change.importing && { importing: message.change.importing }),
          },
        ]
      : [],
  );
  const count = (...kinds: string[]) => changes.filter((change) => kinds.includes(change.action)).length;
  const [add, change, destroy] = [count('create', 'replace'), count('update'), count('delete', 'replace')];
  // An import with nothing else to do is the action `import`; one that also changes the resource, `update`.
  const imported = changes.filter((planned) => planned.importing).length;
  return {
    valid: !diagnostics.some((diagnostic) => diagnostic.severity === 'error'),
    diagnostics: diagnostics.map(formatDiagnostic),
    // The wording of terraform's human-readable plan, which this summary has always quoted.
    summary:
      imported + add + change + destroy === 0
        ? 'No changes. Your infrastructure matches the configuration.'
        : `Plan: ${imported > 0 ? `${imported} to import, ` : ''}${add} to add, ${change} to change, ${destroy} to destroy.`,
    import: imported,
    add,
    change,
    destroy,
    changes,
  };
}

/** A command that must succeed (init): its failure is the tool's failure, with terraform's own words. */
function failOnError(args: readonly string[], output: TerraformOutput): TerraformOutput {
  if (output.code !== 0) throw new Error(`terraform ${args.join(' ')} failed:\n${output.stderr || output.stdout}`);
  return output;
}
