import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildApp } from '../../src/app';
import { loadSettings, parseSettings, type Settings } from '../../src/config';
import { CLEAN_ENV, PROJECT_ROOT } from './project';
import { tempFolder } from './temp-folder';

/**
 * A cdktf.out written by the real app (manifest, construct paths), as `cdktf synth` writes it. Tests only read it
 * back, so cdktf's checks of the environment (a `terraform version` process per synthesis) are left out, as the CLI
 * leaves them out for stacks it only reads; they change nothing written.
 */
export function synthesizeToOutdir(settings: Settings): string {
  const outdir = tempFolder('cdktf-out-');
  buildApp(settings, outdir, true).synth();
  return outdir;
}

/** A cdktf.out of a project settings file (`config/examples/hardened.yaml`, …). */
export function synthesizeFileToOutdir(file: string): string {
  return synthesizeToOutdir(loadSettings(join(PROJECT_ROOT, file), CLEAN_ENV));
}

/** The default settings' YAML with extra keys on its role, e.g. `requireMfa: true`. */
function defaultYamlWithRoleKeys(keys: readonly string[]): string {
  const yaml = readFileSync(join(PROJECT_ROOT, 'config/default.yaml'), 'utf8').replace(
    '    maxSessionDuration: 3600\n',
    `    maxSessionDuration: 3600\n${keys.map((key) => `    ${key}\n`).join('')}`,
  );
  if (!keys.every((key) => yaml.includes(`    ${key}\n`))) throw new Error('config/default.yaml has no role to extend');
  return yaml;
}

/**
 * The default settings with extra keys on its role, written to a settings file of
 * their own, and their cdktf.out: a command given both (`--config`, `--outdir`)
 * reads the stack of the settings it was given.
 */
export function defaultWithRoleKeys(...keys: readonly string[]): { readonly config: string; readonly outdir: string } {
  const config = join(tempFolder('settings-'), 'default-with-role-keys.yaml');
  writeFileSync(config, defaultYamlWithRoleKeys(keys));
  return { config, outdir: synthesizeToOutdir(loadSettings(config, CLEAN_ENV)) };
}

/** A cdktf.out of the default settings with extra keys on its role, e.g. `requireMfa: true`. */
export function synthesizeDefaultWithRoleKeys(...keys: readonly string[]): string {
  return synthesizeToOutdir(parseSettings(defaultYamlWithRoleKeys(keys), 'default-with-role-keys.yaml', CLEAN_ENV));
}
