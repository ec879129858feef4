import { Testing } from 'cdktf';
import { join } from 'node:path';
import type { SynthesizedStackJson } from '../../src/access';
import { loadSettings, parseSettings, type Settings } from '../../src/config';
import { CrossAccountStack, STACK_NAME } from '../../src/stack';
import { CLEAN_ENV, PROJECT_ROOT } from './project';
import { tempFolder } from './temp-folder';

let testingOutdir: string | undefined;

/**
 * The test copy of a stack: settings → cdktf's Testing app → synthesized JSON text and object. The apps of a test
 * file share one outdir, removed when the file ends: without one, each Testing app makes a temp folder of its own
 * and leaves it behind (Testing.synth writes nothing there).
 */
export function synthesizeSettings(settings: Settings): { readonly text: string; readonly json: SynthesizedStackJson } {
  testingOutdir ??= tempFolder('cdktf-testing-');
  const stack = new CrossAccountStack(Testing.app({ outdir: testingOutdir }), STACK_NAME, settings);
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
