import { TerraformLocal, TerraformOutput, TerraformStack, type App } from 'cdktf';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildApp } from '../src/app';
import { loadSettings, parseSettings, type Settings } from '../src/config';
import { STACK_NAME } from '../src/stack';
import { generateSettingsYaml } from '../tools/bench/generate-settings';
import { CLEAN_ENV, PROJECT_ROOT, PROJECT_SETTINGS_FILES } from './support/project';
import { tempFolder } from './support/temp-folder';

/** The stack's cdk.tf.json as the app writes it, `before` run on the app before it synthesizes. */
function synthesizedText(settings: Settings, before: (app: App) => void = () => {}): string {
  const outdir = tempFolder('synth-prepare-');
  const app = buildApp(settings, outdir, true);
  before(app);
  app.synth();
  return readFileSync(join(outdir, 'stacks', STACK_NAME, 'cdk.tf.json'), 'utf8');
}

/** cdktf's own preparing run over the stack, which the stack leaves out when it is the app's only one. */
function cdktfPreparingRun(app: App): void {
  TerraformStack.prototype.prepareStack.call(app.node.findChild(STACK_NAME) as TerraformStack);
}

describe("cdktf's preparing run, left out in an app whose one stack is ours", () => {
  it.each(PROJECT_SETTINGS_FILES)('%s: the JSON is the same byte for byte as with the run', (file) => {
    const settings = loadSettings(join(PROJECT_ROOT, file), CLEAN_ENV);
    expect(synthesizedText(settings)).toBe(synthesizedText(settings, cdktfPreparingRun));
  });

  it('generated settings with 40 users: the JSON is the same byte for byte as with the run', () => {
    const yaml = generateSettingsYaml({ users: 40, groups: 4, roles: 6, targetAccounts: 3 });
    const settings = parseSettings(yaml, 'generated.yaml', CLEAN_ENV);
    expect(synthesizedText(settings)).toBe(synthesizedText(settings, cdktfPreparingRun));
  });

  it("an app with a second stack keeps the run: our stack's reference to its value goes through remote state", () => {
    const settings = loadSettings(join(PROJECT_ROOT, 'config/default.yaml'), CLEAN_ENV);
    const text = synthesizedText(settings, (app) => {
      const value = new TerraformLocal(new TerraformStack(app, 'producer'), 'value', 'from another stack');
      new TerraformOutput(app.node.findChild(STACK_NAME), 'from-producer', { value: value.asString });
    });
    const json = JSON.parse(text) as { output: Record<string, { value: string }>; data?: Record<string, unknown> };
    expect(Object.keys(json.data ?? {})).toEqual(['terraform_remote_state']);
    expect(json.output['from-producer'].value).toMatch(/^\$\{data\.terraform_remote_state\./);
  });
});
