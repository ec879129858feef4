import { parseSettings } from '../src/config';
import { adoptedSettingsYaml } from './support/adopted-settings';
import { CLEAN_ENV, PROJECT_SETTINGS_FILES } from './support/project';
import { synthesizeSettings, synthesizeSettingsFile, synthesizeYaml } from './support/synthesize';
import type { OfflinePlanResult } from '../tools/terraform';
import { describeWithTerraform, planStacksOffline } from './support/terraform';

// Resources each settings file must create, counted from its story, plus the state's record of the settings
// file (terraform_data.settings_file), and those it imports (adopts) where some already exist. Every file in
// config/ must be here.
const expectedToAdd: Readonly<Record<string, number>> = {
  // 2 groups + 2 group policies + 2 users + 2 memberships; role + policy + attachment
  'config/default.yaml': 12,
  // DevGroup and David exist and are only read: DevGroup's policy; role + policy + attachment
  'config/examples/acc-to-prod-s3.yaml': 5,
  // all four people exist: 2 group policies (Testers and Sri imported, below); role + policy + attachment
  'config/examples/existing-users-and-groups.yaml': 6,
  // 4 users + 4 memberships, 2 groups + 2 group policies; role + policy + attachment + revocation policy
  'config/examples/hardened.yaml': 17,
  // 2 groups, 2 group policies, 2 PowerUser attachments, 2 users, 2 memberships; role + policy + attachment; bucket + 3 settings
  'config/examples/originating-to-destination.yaml': 18,
  // identity: 3 groups, 3 group policies, 1 group attachment, 4 users, 3 memberships, 1 user policy (15);
  // staging: role + policy + attachment (3); prod: 3 roles, 2 policies, 2 attachments, 2 managed attachments,
  // 1 revocation policy (10); sandbox: role + managed attachment (2)
  'config/examples/three-target-accounts.yaml': 31,
  // the default settings' 11, run by Terraform Cloud with a role per account
  'config/examples/terraform-cloud.yaml': 12,
  // rehan exists and is only read: managed policy + its attachment to rehan; role + managed attachment
  'config/examples/trusting-trusted-user-policy.yaml': 5,
};

const expectedToImport: Readonly<Record<string, number>> = {
  // Testers and Sri, adopted into state (read from the loopback IAM that plays the existing dev account)
  'config/examples/existing-users-and-groups.yaml': 2,
};

const settingsFiles = PROJECT_SETTINGS_FILES;

it('knows the expected plan of every settings file in config/, so none can rot unplanned', () => {
  expect(settingsFiles).toEqual(Object.keys(expectedToAdd).sort());
});

/**
 * Stories that adopt what exists beyond the examples in config/, planned against a loopback IAM playing their
 * accounts (tools/loopback/local-iam.ts): the originating account's story with its people already there, and a role
 * and managed assume policy made by hand, imported. (A story whose plan must fail is in
 * existing-principals-plan.test.ts: its error would stop the plan of every module beside it.)
 */
function adoptionStories() {
  return {
    'adopted-originating': synthesizeSettings(
      parseSettings(adoptedSettingsYaml('config/examples/originating-to-destination.yaml'), 'adopted.yaml', CLEAN_ENV),
    ).json,
    'adopted-imported': synthesizeYaml(`
accounts:
  dev: { id: "111111111111" }
  prod: { id: "999999999999" }
roles: [{ name: my-s3-x-account-role, existing: import, managedPolicyArns: [arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess] }]
users:
  - name: rehan
    existing: reference
    allowAssume: [my-s3-x-account-role]
    assumePolicy: { name: my-s3-x-account-policy, type: managed, existing: import }
`).json,
  };
}

describeWithTerraform('real offline terraform plan (which validates first)', () => {
  // One Terraform run for every file and story (each a module): the provider schema loads once, alike providers
  // start once.
  let results: Record<string, OfflinePlanResult>;
  beforeAll(async () => {
    const stacks = Object.fromEntries(
      settingsFiles.map((file) => [moduleName(file), synthesizeSettingsFile(file).json]),
    );
    results = await planStacksOffline({ ...stacks, ...adoptionStories() });
  }, 180_000);

  it.each(settingsFiles)('%s validates and plans what its story creates and imports', (file) => {
    const result = results[moduleName(file)];
    expect(result.diagnostics).toEqual([]);
    expect(result.valid).toBe(true);
    const imports = Object.hasOwn(expectedToImport, file) ? `${expectedToImport[file]} to import, ` : '';
    expect(result.summary).toBe(`Plan: ${imports}${expectedToAdd[file]} to add, 0 to change, 0 to destroy.`);
  });

  describe('of an adoption', () => {
    it("plans the originating account's story with its people read from the account, creating none", () => {
      const result = results['adopted-originating'];
      expect(result.diagnostics).toEqual([]);
      // 2 group policies, 2 PowerUser attachments; role + policy + attachment; bucket + 3 settings; the state's record
      expect(result.summary).toBe('Plan: 12 to add, 0 to change, 0 to destroy.');
    });

    it('imports a role and a managed assume policy made by hand, rewriting their documents, replacing neither', () => {
      const result = results['adopted-imported'];
      expect(result.diagnostics).toEqual([]);
      // Imported: the role and the policy. Added: the role's managed attachment, the policy's attachment to rehan,
      // the state's record. Changed: the role's trust policy and the policy's document, both as the settings say.
      expect(result.summary).toBe('Plan: 2 to import, 3 to add, 2 to change, 0 to destroy.');
    });
  });
});

/** `config/examples/hardened.yaml` → `examples-hardened` */
function moduleName(file: string): string {
  return file
    .replace(/^config\//, '')
    .replace(/\.yaml$/, '')
    .replace(/[^\w-]/g, '-');
}
