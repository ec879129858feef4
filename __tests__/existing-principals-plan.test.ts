import { parseSettings } from '../src/config';
import { adoptedSettingsYaml } from './support/adopted-settings';
import { CLEAN_ENV } from './support/project';
import { synthesizeSettings, synthesizeSettingsFile, synthesizeYaml } from './support/synthesize';
import { describeWithTerraform, planStackOffline, planStacksOffline } from './support/terraform';

// The real offline plan of stacks that adopt what exists, against a loopback IAM playing the accounts
// (tools/loopback/local-iam.ts). The adoption examples in config/ are planned in offline-plan.test.ts.
describeWithTerraform('real offline plan of an adoption', () => {
  // Each plan starts the aws provider once per provider configuration, twice (validation, planning).
  jest.setTimeout(240_000);

  // The two stories that plan cleanly share one Terraform run (each a module; the provider schema loads once per
  // command); the failing one runs alone, since its error stops the plan of every module beside it.
  let planned: ReturnType<typeof planStacksOffline> | undefined;
  const stories = () => (planned ??= planStories());
  const planStories = async () => {
    const originating = synthesizeSettings(
      parseSettings(adoptedSettingsYaml('config/examples/originating-to-destination.yaml'), 'adopted.yaml', CLEAN_ENV),
    ).json;
    const imported = synthesizeYaml(`
accounts:
  dev: { id: "111111111111" }
  prod: { id: "999999999999" }
roles: [{ name: my-s3-x-account-role, existing: import, managedPolicyArns: [arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess] }]
users:
  - name: rehan
    existing: reference
    allowAssume: [my-s3-x-account-role]
    assumePolicy: { name: my-s3-x-account-policy, type: managed, existing: import }
`).json;
    return planStacksOffline({ originating, imported });
  };

  it.concurrent(
    "plans the originating account's story with its people read from the account, creating none",
    async () => {
      const result = (await stories()).originating;
      expect(result.diagnostics).toEqual([]);
      // 2 group policies, 2 PowerUser attachments; role + policy + attachment; bucket + 3 settings; the state's record
      expect(result.summary).toBe('Plan: 12 to add, 0 to change, 0 to destroy.');
    },
  );

  it.concurrent(
    'imports a role and a managed assume policy made by hand, rewriting their documents, replacing neither',
    async () => {
      const result = (await stories()).imported;
      expect(result.diagnostics).toEqual([]);
      // Imported: the role and the policy. Added: the role's managed attachment, the policy's attachment to rehan,
      // the state's record. Changed: the role's trust policy and the policy's document, both as the settings say.
      expect(result.summary).toBe('Plan: 2 to import, 3 to add, 2 to change, 0 to destroy.');
    },
  );

  it.concurrent('fails the plan, naming the user, when a membership the settings rely on is not there', async () => {
    const existing = new Map([
      [
        'dev',
        {
          groups: new Map([
            ['Developers', []],
            ['Testers', ['Sri']],
          ]),
          users: ['John', 'Sri'],
          roles: [],
          policies: [],
        },
      ],
    ]);
    const result = await planStackOffline(
      synthesizeSettingsFile('config/examples/existing-users-and-groups.yaml').json,
      { existing },
    );
    expect(result.valid).toBe(false);
    expect(result.diagnostics.join('\n')).toContain(
      'User John is not a member of this group, but the settings list it under existingMemberships',
    );
  });
});
