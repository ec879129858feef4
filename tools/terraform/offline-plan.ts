// Over 200 lines for one job: planning synthesized stacks offline, either many as modules of one root
// (one provider schema load) or one at the root against a state; both share one init/validate/plan run.
import type { SynthesizedStackJson } from '../../src/access/synthesized-stack';
import type { ExistingIdentities } from '../loopback/local-iam';
import { startLoopbackIams, type LoopbackIams } from './existing-iam';
import { toOfflineStack } from './offline-stack';
import { formatDiagnostic, type PlanMessage, type SavedPlanJson, type TerraformDiagnostic } from './plan-json';
import { terraformRunner, writeStackJson, type TerraformOutput } from './terraform-runner';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What Terraform said of an offline copy of a stack. */
export interface OfflinePlanResult {
  /** `terraform validate`'s verdict, and no error diagnostic from the plan. */
  readonly valid: boolean;
  /** Validation and plan diagnostics, one line each. */
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
  readonly state?: unknown;
  /** Also save the plan and read it back with `terraform show -json`. @default false */
  readonly readPlan?: boolean;
  /** What exists in each account (by alias), for imports and data sources. @default what the stack says exists */
  readonly existing?: ReadonlyMap<string, ExistingIdentities>;
  /**
   * Run `terraform validate` on its own before the plan. The plan reports every configuration error too; a
   * separate validate (as users run it) costs another load of the provider schema. @default true
   */
  readonly validate?: boolean;
}

/**
 * `terraform init`, `validate` and `plan` of the offline copy of a stack,
 * installing the provider only from the filesystem mirror through a generated
 * CLI config file, so nothing is downloaded and no AWS account is reached.
 */
export async function planOffline(props: OfflinePlanProps): Promise<OfflinePlanResult> {
  if (props.state !== undefined || props.readPlan) return planAtRoot(props);
  const results = await planManyOffline({
    stacks: { stack: props.stack },
    workDir: props.workDir,
    mirror: props.mirror,
    validate: props.validate,
    ...(props.existing && { existing: { stack: props.existing } }),
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
  /** Run `terraform validate` on its own before the plan (see {@link OfflinePlanProps.validate}). @default true */
  readonly validate?: boolean;
}

/**
 * Validates and plans several stacks with one `terraform init`, `validate` and
 * `plan`: each offline copy is a module of one root configuration, so the aws
 * provider's schema (~4 s of CPU each time a terraform command loads it) is loaded
 * once per command for all of them, and each stack gets its own result (the
 * diagnostics in its files, the changes planned in its module). Throws, with every
 * diagnostic, when the plan did not run.
 *
 * What a stack imports or reads through data sources is answered by a loopback
 * IAM per account of that stack; its `import` blocks move to the root (Terraform
 * allows them nowhere else), aimed at the resource in the stack's module, whose
 * provider they then use.
 */
export async function planManyOffline(props: OfflinePlanManyProps): Promise<Record<string, OfflinePlanResult>> {
  const names = Object.keys(props.stacks);
  const iams: LoopbackIams[] = [];
  try {
    const imports = [];
    for (const name of names) {
      if (!/^[A-Za-z][\w-]*$/.test(name)) throw new Error(`not a Terraform module name: ${name}`);
      const stack = props.stacks[name];
      const existing = props.existing && Object.hasOwn(props.existing, name) ? props.existing[name] : undefined;
      const iam = await startLoopbackIams(stack, existing);
      iams.push(iam);
      // A module cannot choose a backend: the root's local state holds them all.
      const { import: moduleImports, ...offline } = toOfflineStack(stack, { iamEndpoints: iam.endpoints });
      const { backend: _backend, ...settings } = offline.terraform ?? {};
      writeStackJson(join(props.workDir, name), { ...offline, terraform: settings });
      imports.push(...(moduleImports ?? []).map((block) => ({ to: `module.${name}.${block.to}`, id: block.id })));
    }
    writeFileSync(
      join(props.workDir, 'main.tf.json'),
      JSON.stringify(
        {
          terraform: { backend: { local: { path: 'terraform.tfstate' } } },
          module: Object.fromEntries(names.map((name) => [name, { source: `./${name}` }])),
          ...(imports.length > 0 && { import: imports }),
        },
        null,
        2,
      ),
    );
    return await planModules(props, names);
  } finally {
    await Promise.all(iams.map((iam) => iam.close()));
  }
}

async function planModules(props: OfflinePlanManyProps, names: readonly string[]) {
  const { diagnostics, messages } = await initValidatePlan(props, { validate: props.validate ?? true, planArgs: [] });
  return Object.fromEntries(names.map((name) => [name, resultOf(name, diagnostics, messages, names.length === 1)]));
}

/**
 * `terraform init`, `validate` (when asked: on its own, as users run it) and
 * `plan -json` in `props.workDir`, each loading the provider schema once for
 * every module; the plan's messages and every diagnostic. Throws, with every
 * diagnostic, when the plan did not run.
 */
async function initValidatePlan(
  props: Pick<OfflinePlanProps, 'workDir' | 'mirror'>,
  options: { readonly validate: boolean; readonly planArgs: readonly string[] },
) {
  const run = terraformRunner({ workDir: props.workDir, mirror: props.mirror });
  const init = ['init', '-input=false', '-no-color', '-backend=true'];
  failOnError(init, await run(...init));
  const validation: { diagnostics: TerraformDiagnostic[] } = options.validate
    ? JSON.parse((await run('validate', '-json', '-no-color')).stdout)
    : { diagnostics: [] };
  const plan = await run('plan', '-json', '-input=false', '-no-color', '-lock=false', ...options.planArgs);
  const messages = plan.stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as PlanMessage);
  const diagnostics = [
    ...validation.diagnostics,
    ...messages.flatMap((message) => (message.diagnostic ? [message.diagnostic] : [])),
  ];
  if (!messages.some((message) => message.type === 'change_summary')) {
    throw new Error(`terraform plan gave no summary:\n${diagnostics.map(formatDiagnostic).join('\n')}\n${plan.stderr}`);
  }
  return { run, diagnostics, messages };
}

/**
 * The stack planned as the root module itself, as a deployment plans it: needed to
 * plan against a state (whose addresses are the stack's own) and to read the plan
 * back with the stack's own addresses. A plan against a state is about what changes
 * and reports a configuration error itself, so `validate` is left out there.
 */
async function planAtRoot(props: OfflinePlanProps): Promise<OfflinePlanResult> {
  const iam = await startLoopbackIams(props.stack, props.existing);
  try {
    return await planStackAtRoot(props, iam);
  } finally {
    await iam.close();
  }
}

async function planStackAtRoot(props: OfflinePlanProps, iam: LoopbackIams): Promise<OfflinePlanResult> {
  writeStackJson(props.workDir, toOfflineStack(props.stack, { iamEndpoints: iam.endpoints }));
  // The offline copy keeps its state in terraform.tfstate in the working folder.
  if (props.state !== undefined) writeFileSync(join(props.workDir, 'terraform.tfstate'), JSON.stringify(props.state));
  const { run, diagnostics, messages } = await initValidatePlan(props, {
    validate: props.state === undefined && (props.validate ?? true),
    planArgs: [
      ...(props.state === undefined ? [] : ['-refresh=false']),
      ...(props.readPlan ? ['-out=offline.tfplan'] : []),
    ],
  });
  const saved = props.readPlan
    ? (JSON.parse(
        failOnError(['show'], await run('show', '-json', '-no-color', 'offline.tfplan')).stdout,
      ) as SavedPlanJson)
    : undefined;
  return { ...resultOf(undefined, diagnostics, messages, true), ...(saved && { plan: saved }) };
}

/** One module's share of validate and plan (the root's, for `name` undefined): diagnostics in its files (or in none), changes at its address. */
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
