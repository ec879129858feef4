import { toOfflineStack } from '../tools/terraform';
import { synthesizeSettingsFile, synthesizeYaml } from './support/synthesize';

describe('the offline test copy of a stack', () => {
  const original = synthesizeSettingsFile('config/default.yaml').json;
  const offline = toOfflineStack(original);

  it('gives every provider dummy credentials and skips every AWS call', () => {
    expect(offline.provider?.aws).toEqual([
      expect.objectContaining({
        alias: 'dev',
        access_key: expect.any(String),
        secret_key: expect.any(String),
        skip_credentials_validation: true,
        skip_requesting_account_id: true,
        skip_metadata_api_check: true,
      }),
      expect.objectContaining({ alias: 'prod', skip_requesting_account_id: true }),
    ]);
  });

  it('drops allowed_account_ids and profiles only in the copy', () => {
    for (const provider of offline.provider?.aws ?? []) {
      expect(provider).not.toHaveProperty('allowed_account_ids');
      expect(provider).not.toHaveProperty('profile');
    }
    expect(original.provider?.aws?.[0]).toHaveProperty('allowed_account_ids', ['111111111111']);
  });

  it('replaces a Terraform Cloud backend with a local state file', () => {
    const cloud = synthesizeYaml(
      [
        'accounts: { dev: { id: "111111111111" }, prod: { id: "999999999999" } }',
        'backend: { type: cloud, organization: acme, workspace: iam }',
      ].join('\n'),
    ).json;
    expect(cloud.terraform?.cloud).toBeDefined();
    expect(toOfflineStack(cloud).terraform).toEqual({
      required_providers: cloud.terraform?.required_providers,
      backend: { local: { path: 'terraform.tfstate' } },
    });
  });
});
