import { Testing } from 'cdktf';
import { join } from 'node:path';
import type { SynthesizedStackJson } from '../../src/access';
import { loadSettings, parseSettings, type Settings } from '../../src/config';
import { CrossAccountStack, STACK_NAME } from '../../src/stack';
import { CLEAN_ENV, PROJECT_ROOT } from './project';

/** The test copy of a stack: settings → cdktf's Testing app → synthesized JSON text and object. */
export function synthesizeSettings(settings: Settings): { readonly text: string; readonly json: SynthesizedStackJson } {
  const stack = new CrossAccountStack(Testing.app(), STACK_NAME, settings);
  const text = Testing.synth(stack);
  return { text, json: JSON.parse(text) as SynthesizedStackJson };
}

/** Synthesizes a settings file of the project (`config/default.yaml`, …). */
export function synthesizeSettingsFile(file: string, env: NodeJS.ProcessEnv = CLEAN_ENV) {
  return synthesizeSettings(loadSettings(join(PROJECT_ROOT, file), env));
}

/** Synthesizes settings written inline as YAML (for tests about one key). */
export function synthesizeYaml(yaml: string, env: NodeJS.ProcessEnv = CLEAN_ENV) {
  return synthesizeSettings(parseSettings(yaml, 'inline.yaml', env));
}
