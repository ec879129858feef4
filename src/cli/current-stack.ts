import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSynthesizedStack, type SynthesizedStackJson } from '../access';
import type { Settings } from '../config';
import { STACK_NAME } from '../stack/stack-name';

/**
 * The synthesized stack of the current settings (`CROSS_ACCOUNT_CONFIG`, else
 * config/default.yaml), synthesized in a temp folder so cdktf.out is never
 * touched; or, with `outdir`, the stack already synthesized there.
 */
export function loadCurrentStack(outdir?: string, env: NodeJS.ProcessEnv = process.env): SynthesizedStackJson {
  if (outdir) return readSynthesizedStack(outdir, STACK_NAME);
  // Loaded here, not above: reading an existing cdktf.out needs neither the settings schema nor cdktf.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { loadSettings, settingsFileFromEnvironment } = require('../config') as typeof import('../config');
  return synthesizeStack(loadSettings(settingsFileFromEnvironment(env), env));
}

/** Synthesizes `settings` into a temporary folder, as `cdktf synth` would, and reads the JSON back. */
export function synthesizeStack(settings: Settings): SynthesizedStackJson {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- cdktf and the stack cost ~0.2 s: only here
  const { buildApp } = require('../app') as typeof import('../app');
  const folder = mkdtempSync(join(tmpdir(), 'cross-account-synth-'));
  try {
    buildApp(settings, folder).synth();
    return readSynthesizedStack(folder, STACK_NAME);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
