import { synthesizeSettingsFile } from './support/synthesize';
import { describeWithTerraform, planStackOffline } from './support/terraform';

// Resources each settings file must create, counted from its story.
const expectedToAdd: readonly [string, number][] = [
  // 2 groups + 2 group policies + 2 users + 2 memberships; role + policy + attachment
  ['config/default.yaml', 11],
  // group + policy + user + membership; role + policy + attachment
  ['config/examples/acc-to-prod-s3.yaml', 7],
  // 2 groups, 2 group policies, 2 PowerUser attachments, 2 users, 2 memberships; role + policy + attachment; bucket + 3 settings
  ['config/examples/originating-to-destination.yaml', 17],
  // user + user policy; role + managed attachment
  ['config/examples/trusting-trusted-user-policy.yaml', 4],
];

describeWithTerraform('real terraform validate and offline plan', () => {
  it.concurrent.each(expectedToAdd)('%s validates and plans %i to add', async (file, count) => {
    const result = await planStackOffline(synthesizeSettingsFile(file).json);
    expect(result.diagnostics).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.summary).toBe(`Plan: ${count} to add, 0 to change, 0 to destroy.`);
  });
});
