import type { SynthesizedStackJson } from '../../src/access/synthesized-stack';
import { toOfflineStack } from './offline-stack';
import { terraformRunner, writeStackJson, type TerraformOutput } from './terraform-runner';

/** What Terraform said of an offline copy of a stack. */
export interface OfflinePlanResult {
  /** `terraform validate`'s verdict, and no error diagnostic from the plan. */
  readonly valid: boolean;
  /** Validation and plan diagnostics, one line each. */
  readonly diagnostics: readonly string[];
  /** The plan's summary line, e.g. `Plan: 11 to add, 0 to change, 0 to destroy.` */
  readonly summary: string;
  /** Counts parsed from the summary. */
  readonly add: number;
  readonly change: number;
  readonly destroy: number;
}

/** Props of {@link planOffline}. */
export interface OfflinePlanProps {
  /** The synthesized stack (its offline copy is what gets planned). */
  readonly stack: SynthesizedStackJson;
  /** An empty folder to work in. */
  readonly workDir: string;
  /** Filesystem mirror holding the aws provider (see findProviderMirror). */
  readonly mirror: string;
}

/**
 * `terraform init`, `validate` and `plan` of the offline copy of a stack,
 * installing the provider only from the filesystem mirror through a generated
 * CLI config file, so nothing is downloaded and no AWS account is reached.
 */
export async function planOffline(props: OfflinePlanProps): Promise<OfflinePlanResult> {
  writeStackJson(props.workDir, toOfflineStack(props.stack));
  const run = terraformRunner({ workDir: props.workDir, mirror: props.mirror });
  const terraform = async (...args: string[]) => failOnError(args, await run(...args));

  await terraform('init', '-input=false', '-no-color', '-backend=true');
  // `validate` on its own, as users run it, then the plan; each starts the ~700 MB aws provider anew.
  const validation = JSON.parse((await run('validate', '-json', '-no-color')).stdout) as {
    valid: boolean;
    diagnostics: TerraformDiagnostic[];
  };
  const plan = await run('plan', '-json', '-input=false', '-no-color', '-lock=false');
  const messages = plan.stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as PlanMessage);
  const planDiagnostics = messages.flatMap((message) => (message.diagnostic ? [message.diagnostic] : []));
  const diagnostics = [...validation.diagnostics, ...planDiagnostics];
  const changes = messages.find((message) => message.type === 'change_summary')?.changes;
  if (!changes)
    throw new Error(`terraform plan gave no summary:\n${diagnostics.map(formatDiagnostic).join('\n')}\n${plan.stderr}`);
  const { add, change, remove: destroy } = changes;
  return {
    valid: validation.valid && !planDiagnostics.some((diagnostic) => diagnostic.severity === 'error'),
    diagnostics: diagnostics.map(formatDiagnostic),
    // The wording of terraform's human-readable plan, which this summary has always quoted.
    summary:
      add + change + destroy === 0
        ? 'No changes. Your infrastructure matches the configuration.'
        : `Plan: ${add} to add, ${change} to change, ${destroy} to destroy.`,
    add,
    change,
    destroy,
  };
}

/** The lines of `terraform plan -json` this reads (Terraform's machine-readable UI, format 1.x). */
interface PlanMessage {
  readonly type: string;
  readonly diagnostic?: TerraformDiagnostic;
  readonly changes?: { readonly add: number; readonly change: number; readonly remove: number };
}

interface TerraformDiagnostic {
  readonly severity: string;
  readonly summary: string;
  readonly detail?: string;
}

function formatDiagnostic(d: TerraformDiagnostic): string {
  return `${d.severity}: ${d.summary}${d.detail ? ` (${d.detail})` : ''}`;
}

/** A command that must succeed (init): its failure is the tool's failure, with terraform's own words. */
function failOnError(args: readonly string[], output: TerraformOutput): TerraformOutput {
  if (output.code !== 0) throw new Error(`terraform ${args.join(' ')} failed:\n${output.stderr || output.stdout}`);
  return output;
}
