import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// Deep imports: reading cdktf.out (console-url, profiles, credential_process) needs none of the deploy-permission
// checks, the state reader and the policy builders that the access package's index loads (ten modules).
import { listRoleUsages } from '../access/role-usage';
import { readSettingsRecord, type RecordedAcknowledgement, type RecordedExpectation } from '../access/settings-record';
import { readSynthesizedStack, type SynthesizedStackJson } from '../access/synthesized-stack';
import type { Settings } from '../config';
import { settingsFileIdentity } from '../config/settings-file-identity';
import { STACK_NAME } from '../stack/stack-name';

/** Where a command's stack comes from: the settings file (`--config`), or a cdktf output folder (`--outdir`). */
export interface StackSource {
  /** The settings file, synthesized in a temp folder unless `outdir` is given. */
  readonly config: string;
  /** A cdktf output folder whose stack is read instead. @default none: synthesize `config` */
  readonly outdir?: string;
}

/** The stack a command works on, with how to name it and what its settings expect. */
export interface CurrentStack {
  readonly stack: SynthesizedStackJson;
  /** How messages name it: `config/default.yaml`, or `the stack in cdktf.out (synthesized from config/x.yaml)`. */
  readonly description: string;
  /** The settings file that produced it (relative to the project root). @default none: an older stack records none */
  readonly settingsFile?: string;
  /** The expectations of those settings. @default none: an older stack records none */
  readonly expectations?: readonly RecordedExpectation[];
  /** The review findings those settings acknowledge. @default none */
  readonly acknowledge?: readonly RecordedAcknowledgement[];
}

/**
 * The stack a command works on: `source.config` synthesized in a temp folder
 * (cdktf.out is never touched), or the stack already synthesized in
 * `source.outdir`. A stack read from a folder is named, and judged, by what it
 * recorded of its own settings; when those are not `source.config`, `notice`
 * gets one line saying so.
 */
export function loadCurrentStack(
  source: StackSource,
  env: NodeJS.ProcessEnv = process.env,
  notice: (line: string) => void = (line) => console.error(line),
): CurrentStack {
  if (!source.outdir) {
    // Loaded here, not above: reading an existing cdktf.out needs neither the settings schema nor cdktf.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { loadSettings } = require('../config') as typeof import('../config');
    const stack = synthesizeStack(loadSettings(source.config, env));
    const record = readSettingsRecord(stack)!;
    return {
      stack,
      description: source.config,
      settingsFile: record.file,
      expectations: record.expectations,
      acknowledge: record.acknowledge,
    };
  }
  const stack = readSynthesizedStack(source.outdir, STACK_NAME);
  const record = readSettingsRecord(stack);
  if (!record) return { stack, description: `the stack in ${source.outdir}` };
  const config = settingsFileIdentity(source.config, process.cwd());
  if (record.file !== config) {
    notice(
      `${source.outdir} holds the stack of ${record.file}, not of ${config} (--config): its roles and expectations are used`,
    );
  }
  return {
    stack,
    description: `the stack in ${source.outdir} (synthesized from ${record.file})`,
    settingsFile: record.file,
    expectations: record.expectations,
    acknowledge: record.acknowledge,
  };
}

/** `S3ProductionAccessRole, ReadOnly` (the roles of the stack), or `none`, for messages that say what is valid. */
export function roleNamesOf(current: CurrentStack): string {
  return (
    listRoleUsages(current.stack)
      .map((role) => role.name)
      .join(', ') || 'none'
  );
}

/** Synthesizes `settings` into a temporary folder, as `cdktf synth` would, and reads the JSON back. */
export function synthesizeStack(settings: Settings): SynthesizedStackJson {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- cdktf and the stack cost ~0.2 s: only here
  const { buildApp } = require('../app') as typeof import('../app');
  const folder = mkdtempSync(join(tmpdir(), 'cross-account-synth-'));
  try {
    // Read back and judged, never planned: the Terraform CLI's version is not its concern (~0.1 s less).
    buildApp(settings, folder, true).synth();
    return readSynthesizedStack(folder, STACK_NAME);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
