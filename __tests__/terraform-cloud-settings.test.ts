import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSettings } from '../src/config';
import { PROJECT_ROOT } from './support/project';
import { synthesizeYaml } from './support/synthesize';
import { problemLinesOf, settingsErrorOf } from './support/settings-error';

const defaultYaml = readFileSync(join(PROJECT_ROOT, 'config/default.yaml'), 'utf8');
/** The default settings (profiles dev and prod) with another backend line. */
const withBackend = (backend: string, accounts?: string) => {
  const yaml = defaultYaml.replace('backend: { type: local }', `backend: ${backend}`);
  return accounts ? yaml.replace(/^accounts:\n( {2}.*\n)+/m, `accounts:\n${accounts}`) : yaml;
};
const ROLE_ACCOUNTS = [
  '  dev: { id: "111111111111", assumeRoleArn: "arn:aws:iam::111111111111:role/TerraformDeploy" }',
  '  prod: { id: "999999999999", assumeRoleArn: "arn:aws:iam::999999999999:role/TerraformDeploy" }',
  '',
].join('\n');

describe('backend.executionMode', () => {
  it('refuses profiles and requires assumeRoleArn on every account with remote execution, one line per key', () => {
    const yaml = withBackend(
      '{ type: cloud, organization: acme, executionMode: remote }',
      '  dev: { id: "111111111111", profile: devadmin }\n  prod: { id: "999999999999", profile: prod, assumeRoleArn: "arn:aws:iam::999999999999:role/TerraformDeploy" }\n',
    );
    expect(problemLinesOf(yaml)).toEqual([
      "bad.yaml: accounts.dev.profile: is not available with backend.executionMode remote (Terraform Cloud's runners have no AWS CLI profiles): remove it and set assumeRoleArn",
      "bad.yaml: accounts.dev.assumeRoleArn: is required with backend.executionMode remote: the workspace's base credential reaches this account through this role",
      "bad.yaml: accounts.prod.profile: is not available with backend.executionMode remote (Terraform Cloud's runners have no AWS CLI profiles): remove it and set assumeRoleArn",
    ]);
  });

  it('applies to Terraform Cloud chosen through TF_CLOUD_ORGANIZATION too', () => {
    const yaml = withBackend('{ type: cloud, executionMode: remote }');
    expect(settingsErrorOf(yaml, {})?.settingsProblems).toEqual([
      { path: 'backend.organization', message: 'is required for Terraform Cloud: set it, or TF_CLOUD_ORGANIZATION' },
    ]);
    expect(settingsErrorOf(yaml, { TF_CLOUD_ORGANIZATION: 'acme' })?.settingsProblems.map((p) => p.path)).toEqual([
      'accounts.dev.profile',
      'accounts.dev.assumeRoleArn',
      'accounts.prod.profile',
      'accounts.prod.assumeRoleArn',
    ]);
  });

  it('reaches each account through its role and no profile with remote execution', () => {
    const { json } = synthesizeYaml(
      withBackend('{ type: cloud, organization: acme, workspace: iam, executionMode: remote }', ROLE_ACCOUNTS),
    );
    expect(json.provider?.aws).toEqual([
      expect.objectContaining({
        alias: 'dev',
        assume_role: [{ role_arn: 'arn:aws:iam::111111111111:role/TerraformDeploy' }],
      }),
      expect.objectContaining({
        alias: 'prod',
        assume_role: [{ role_arn: 'arn:aws:iam::999999999999:role/TerraformDeploy' }],
      }),
    ]);
    for (const provider of json.provider?.aws ?? []) expect(provider).not.toHaveProperty('profile');
  });

  it('keeps profiles with local execution, the default', () => {
    expect(settingsErrorOf(withBackend('{ type: cloud, organization: acme }'))).toBeUndefined();
    expect(settingsErrorOf(withBackend('{ type: cloud, organization: acme, executionMode: local }'))).toBeUndefined();
  });

  it('is a Terraform Cloud setting: a local backend refuses it', () => {
    expect(problemLinesOf(withBackend('{ type: local, executionMode: remote }'))).toEqual([
      'bad.yaml: backend.executionMode: unknown key',
    ]);
  });

  it("accepts only Terraform Cloud's two modes", () => {
    expect(problemLinesOf(withBackend('{ type: cloud, organization: acme, executionMode: agent }'))).toEqual([
      expect.stringMatching(/^bad\.yaml: backend\.executionMode: .*"local".*"remote"/),
    ]);
  });
});

describe("Terraform Cloud's variables", () => {
  it('TF_CLOUD_ORGANIZATION, TF_WORKSPACE, TF_CLOUD_PROJECT and TF_CLOUD_HOSTNAME fill the cloud block', () => {
    const { json } = synthesizeYaml(defaultYaml, {
      TF_CLOUD_ORGANIZATION: 'acme',
      TF_WORKSPACE: 'iam-dev',
      TF_CLOUD_PROJECT: 'platform',
      TF_CLOUD_HOSTNAME: 'tfe.example.com',
    });
    expect(json.terraform?.cloud).toEqual({
      hostname: 'tfe.example.com',
      organization: 'acme',
      workspaces: { name: 'iam-dev', project: 'platform' },
    });
  });

  it('override what the settings say', () => {
    const yaml = withBackend('{ type: cloud, organization: acme, workspace: iam, project: one, hostname: tfe.one }');
    expect(synthesizeYaml(yaml).json.terraform?.cloud).toEqual({
      hostname: 'tfe.one',
      organization: 'acme',
      workspaces: { name: 'iam', project: 'one' },
    });
    expect(
      synthesizeYaml(yaml, { TF_WORKSPACE: 'iam-2', TF_CLOUD_PROJECT: 'two', TF_CLOUD_HOSTNAME: 'tfe.two' }).json
        .terraform?.cloud,
    ).toEqual({ hostname: 'tfe.two', organization: 'acme', workspaces: { name: 'iam-2', project: 'two' } });
  });

  it('refuse a TF_WORKSPACE that Terraform Cloud would not accept as a workspace name', () => {
    expect(problemLinesOf(defaultYaml, { TF_CLOUD_ORGANIZATION: 'acme', TF_WORKSPACE: 'iam prod' })).toEqual([
      'bad.yaml: backend.workspace: TF_WORKSPACE=iam prod may contain only letters, digits, - and _ (a Terraform Cloud workspace name)',
    ]);
  });

  it('refuse a workspace name derived from a settings file path too long for Terraform Cloud', () => {
    const file = `config/${'very-long-name-'.repeat(6)}.yaml`;
    expect(() => parseSettings(defaultYaml, file, { TF_CLOUD_ORGANIZATION: 'acme' }, '.')).toThrow(
      /backend\.workspace: the name derived from the settings file's path, cross-account-config-very-long-name-.*, must be at most 90 characters .*: set backend\.workspace or TF_WORKSPACE$/,
    );
  });

  it('leave a local backend alone without TF_CLOUD_ORGANIZATION', () => {
    const { json } = synthesizeYaml(defaultYaml, { TF_WORKSPACE: 'iam', TF_CLOUD_PROJECT: 'platform' });
    expect(json.terraform?.cloud).toBeUndefined();
    expect(json.terraform?.backend).toEqual({ local: { path: '../../../terraform.cross-account-inline.tfstate' } });
  });
});
