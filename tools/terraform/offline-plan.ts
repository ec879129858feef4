import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { AWS_PROVIDER } from './provider-mirror';
import type { SynthesizedStackJson } from '../../src/access/synthesized-stack';
import { toOfflineStack } from './offline-stack';

const run = promisify(execFile);

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
  const { workDir } = props;
  mkdirSync(workDir, { recursive: true });
  writeFileSync(join(workDir, 'cdk.tf.json'), JSON.stringify(toOfflineStack(props.stack), null, 2));
  const cliConfig = join(workDir, 'offline.tfrc');
  writeFileSync(cliConfig, cliConfigText(props.mirror));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TF_CLI_CONFIG_FILE: cliConfig,
    CHECKPOINT_DISABLE: '1',
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
  };
  delete env.TF_WORKSPACE;
  delete env.TF_CLOUD_ORGANIZATION;
  const terraform = (...args: string[]) => run('terraform', args, { cwd: workDir, env, maxBuffer: 64 * 1024 * 1024 });

  await terraform('init', '-input=false', '-no-color', '-backend=true');
  // `validate` on its own, as users run it, then the plan; each starts the ~700 MB aws provider anew.
  const validation = JSON.parse((await terraform('validate', '-json', '-no-color').catch(outputOf)).stdout) as {
    valid: boolean;
    diagnostics: TerraformDiagnostic[];
  };
  const plan = await terraform('plan', '-json', '-input=false', '-no-color', '-lock=false').catch(outputOf);
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

/** Terraform CLI configuration that installs the aws provider from the mirror and nothing from the network. */
export function cliConfigText(mirror: string): string {
  const source = JSON.stringify(AWS_PROVIDER.source);
  return [
    'provider_installation {',
    '  filesystem_mirror {',
    `    path    = ${JSON.stringify(mirror)}`,
    `    include = [${source}]`,
    '  }',
    '}',
    '',
  ].join('\n');
}

/** A failed command's output is still the answer (validate exits 1 on an invalid config). */
function outputOf(error: { stdout?: string; stderr?: string }): { stdout: string; stderr: string } {
  return { stdout: error.stdout ?? '', stderr: error.stderr ?? '' };
}
