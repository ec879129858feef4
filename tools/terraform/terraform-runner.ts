import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AWS_PROVIDER } from './provider-mirror';

/** What one terraform command printed, and its exit code (never thrown: a refusal is an answer). */
export interface TerraformOutput {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `terraform <args>` in the runner's folder. */
export type TerraformRun = (...args: string[]) => Promise<TerraformOutput>;

/** Props of {@link terraformRunner}. */
export interface TerraformRunnerProps {
  /** The working folder (created when missing); `cdk.tf.json` goes here. */
  readonly workDir: string;
  /** Filesystem mirror holding the aws provider (see findProviderMirror). */
  readonly mirror: string;
  /** More CLI configuration, e.g. a `credentials "host" { … }` block. @default none */
  readonly cliConfig?: string;
  /** More environment variables, e.g. `SSL_CERT_FILE`. @default none */
  readonly env?: Readonly<Record<string, string>>;
  /** Seconds before a command is killed. @default 300 */
  readonly timeoutSeconds?: number;
}

/**
 * The one way tools run the real Terraform CLI: in a folder of its own, with a
 * generated CLI config that installs the aws provider only from the filesystem
 * mirror (nothing is downloaded), no prompts, no checkpoint calls, and none of
 * the caller's Terraform Cloud variables unless `env` sets them.
 */
export function terraformRunner(props: TerraformRunnerProps): TerraformRun {
  mkdirSync(props.workDir, { recursive: true });
  const cliConfig = join(props.workDir, 'offline.tfrc');
  writeFileSync(cliConfig, cliConfigText(props.mirror) + (props.cliConfig ?? ''));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TF_CLI_CONFIG_FILE: cliConfig,
    CHECKPOINT_DISABLE: '1',
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
    // Go collects garbage when the heap has grown by GOGC percent (100 by default). Terraform and the aws provider
    // (which inherits the variable) build the provider's large schema in every command and spend a quarter of their
    // CPU collecting it; at 400 the real-Terraform plans took 35 s of terraform CPU instead of 47 s (medians of 3),
    // each process peaking at 0.65 GB instead of 0.6. These commands are short-lived and run on a developer's or CI's
    // machine, never against AWS. A GOGC set by the caller wins.
    GOGC: process.env.GOGC || '400',
  };
  for (const name of ['TF_WORKSPACE', 'TF_CLOUD_ORGANIZATION', 'TF_CLOUD_PROJECT', 'TF_CLOUD_HOSTNAME'])
    delete env[name];
  Object.assign(env, props.env);
  const timeout = (props.timeoutSeconds ?? 300) * 1000;
  return (...args) =>
    new Promise((resolve) => {
      execFile(
        'terraform',
        args,
        { cwd: props.workDir, env, maxBuffer: 64 * 1024 * 1024, timeout },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
          resolve({ code, stdout, stderr: error && !stderr ? error.message : stderr });
        },
      );
    });
}

/** Writes a stack's JSON where Terraform reads it in a runner's folder. */
export function writeStackJson(workDir: string, stack: unknown): void {
  mkdirSync(workDir, { recursive: true });
  writeFileSync(join(workDir, 'cdk.tf.json'), JSON.stringify(stack, null, 2));
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
