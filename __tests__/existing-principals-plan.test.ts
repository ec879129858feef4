import { synthesizeSettingsFile } from './support/synthesize';
import { describeWithTerraform, planStackOffline } from './support/terraform';

// The real offline plan of a stack whose adoption must fail, against a loopback IAM playing the accounts
// (tools/loopback/local-iam.ts): alone in its Terraform run, since its error stops the plan of every module beside
// it. The adoptions that plan cleanly are planned with the settings files in offline-plan.test.ts.
describeWithTerraform('real offline plan of an adoption', () => {
  // Each plan starts the aws provider once per provider configuration, twice (validation, planning).
  jest.setTimeout(240_000);

  it('fails the plan, naming the user, when a membership the settings rely on is not there', async () => {
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
