import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findLegacyStateWarning, parseSettings } from '../src/config';
import { tempFolder } from './support/temp-folder';
import { PROJECT_ROOT } from './support/project';
import { synthesizeSettings, synthesizeSettingsFile } from './support/synthesize';

type Resources = Record<string, Record<string, Record<string, unknown>>>;

const defaultYaml = readFileSync(join(PROJECT_ROOT, 'config/default.yaml'), 'utf8');
/** The default settings as if read from `file` (relative to the project root) with this environment. */
const synthesizedAs = (file: string, env: NodeJS.ProcessEnv = {}) =>
  synthesizeSettings(parseSettings(defaultYaml, join(PROJECT_ROOT, file), env, PROJECT_ROOT)).json;

describe('one state per settings file', () => {
  it('keeps each settings file in a local state file named after its path in the project', () => {
    expect(synthesizeSettingsFile('config/default.yaml').json.terraform?.backend).toEqual({
      local: { path: '../../../terraform.cross-account-config-default.tfstate' },
    });
    expect(synthesizeSettingsFile('config/examples/hardened.yaml').json.terraform?.backend).toEqual({
      local: { path: '../../../terraform.cross-account-config-examples-hardened.tfstate' },
    });
  });

  it('gives two settings files with the same content two state files', () => {
    const first = synthesizedAs('config/team-a.yaml').terraform?.backend;
    const second = synthesizedAs('config/team-b.yaml').terraform?.backend;
    expect(first).toEqual({ local: { path: '../../../terraform.cross-account-config-team-a.tfstate' } });
    expect(second).toEqual({ local: { path: '../../../terraform.cross-account-config-team-b.tfstate' } });
  });

  it('keeps a state path the settings give', () => {
    const yaml = defaultYaml.replace(
      'backend: { type: local }',
      'backend: { type: local, path: ../../../mine.tfstate }',
    );
    const json = synthesizeSettings(parseSettings(yaml, join(PROJECT_ROOT, 'config/x.yaml'), {}, PROJECT_ROOT)).json;
    expect(json.terraform?.backend).toEqual({ local: { path: '../../../mine.tfstate' } });
  });

  it('names the default Terraform Cloud workspace after the settings file', () => {
    const env = { TF_CLOUD_ORGANIZATION: 'acme' };
    expect(synthesizedAs('config/default.yaml', env).terraform?.cloud).toEqual({
      hostname: 'app.terraform.io',
      organization: 'acme',
      workspaces: { name: 'cross-account-config-default' },
    });
    expect(synthesizedAs('config/examples/acc-to-prod-s3.yaml', env).terraform?.cloud).toMatchObject({
      workspaces: { name: 'cross-account-config-examples-acc-to-prod-s3' },
    });
  });

  it('records which settings file the state belongs to, and refuses to plan against a state recorded for another', () => {
    const json = synthesizeSettingsFile('config/examples/hardened.yaml').json as {
      resource: Resources;
      locals?: Record<string, unknown>;
    };
    expect(json.locals?.settings_file).toBe('config/examples/hardened.yaml');
    expect(json.locals?.settings_file_guard).toMatch(
      /^\$\{terraform_data\.settings_file\.input\.settings_file == local\.settings_file \? true : tobool\(/,
    );
    const owner = Object.values(json.resource.terraform_data ?? {});
    expect(owner).toEqual([
      expect.objectContaining({
        input: { settings_file: '${local.settings_file}' },
        lifecycle: {
          ignore_changes: ['input'],
          postcondition: [
            {
              condition: '${self.input.settings_file == local.settings_file}',
              error_message: expect.stringContaining('${self.input.settings_file}'),
            },
          ],
        },
      }),
    ]);
  });

  it('names a settings file outside the project by its path relative to the project', () => {
    const json = synthesizeSettings(parseSettings(defaultYaml, '/elsewhere/infra/acme.yaml', {}, '/work/project'))
      .json as { locals?: Record<string, unknown>; terraform?: Record<string, unknown> };
    expect(json.locals?.settings_file).toBe('../../elsewhere/infra/acme.yaml');
    expect(json.terraform?.backend).toEqual({
      local: { path: '../../../terraform.cross-account-elsewhere-infra-acme.tfstate' },
    });
  });

  it('keeps a literal ${ in a settings file name literal in Terraform', () => {
    const json = synthesizeSettings(parseSettings(defaultYaml, 'config/${oops}.yaml', {}, '.')).json as {
      locals?: Record<string, unknown>;
    };
    expect(json.locals?.settings_file).toBe('config/$${oops}.yaml');
  });
});

describe('the state all settings files used to share', () => {
  const settingsIn = (root: string) => parseSettings(defaultYaml, join(root, 'config/default.yaml'), {}, root);

  it("is pointed out when it is still there and the file's own state is not yet", () => {
    const root = tempFolder('legacy-state-');
    expect(findLegacyStateWarning(settingsIn(root), root)).toBeUndefined();
    writeFileSync(join(root, 'terraform.cross-account.tfstate'), '{}');
    expect(findLegacyStateWarning(settingsIn(root), root)).toEqual({
      path: 'backend',
      message:
        "terraform.cross-account.tfstate holds the state all settings files shared before each got its own: if it is config/default.yaml's, rename it to terraform.cross-account-config-default.tfstate before the next plan",
    });
    writeFileSync(join(root, 'terraform.cross-account-config-default.tfstate'), '{}');
    expect(findLegacyStateWarning(settingsIn(root), root)).toBeUndefined();
  });
});
