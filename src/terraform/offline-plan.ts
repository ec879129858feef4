import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { AWS_PROVIDER } from './provider-mirror';
import type { SynthesizedStackJson } from '../access/synthesized-stack';
import { toOfflineStack } from './offline-stack';

const run = promisify(execFile);

/** What Terraform said of an offline copy of a stack. */
export interface OfflinePlanResult {
  /** `terraform validate -json`'s verdict. */
  readonly valid: boolean;
  /** Validation diagnostics, one line each. */
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
  const validation = JSON.parse((await terraform('validate', '-json', '-no-color').catch(outputOf)).stdout) as {
    valid: boolean;
    diagnostics: { severity: string; summary: string; detail?: string }[];
  };
  const plan = await terraform('plan', '-input=false', '-no-color', '-lock=false').catch(outputOf);
  const summary = plan.stdout.match(/^(Plan: .*|No changes\..*)$/m)?.[1];
  if (!summary) throw new Error(`terraform plan gave no summary:\n${plan.stdout}\n${plan.stderr}`);
  const [add, change, destroy] = (
    summary.match(/(\d+) to add, (\d+) to change, (\d+) to destroy/)?.slice(1) ?? ['0', '0', '0']
  ).map(Number);
  return {
    valid: validation.valid,
    diagnostics: validation.diagnostics.map((d) => `${d.severity}: ${d.summary}${d.detail ? ` (${d.detail})` : ''}`),
    summary,
    add,
    change,
    destroy,
  };
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
