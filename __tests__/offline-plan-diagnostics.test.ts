import type { SynthesizedStackJson } from '../src/access';
import { synthesizeSettingsFile } from './support/synthesize';
import { describeWithTerraform, planStackOffline } from './support/terraform';

/** The default stack with one attribute the aws provider does not have, on its one role. */
function stackWithUnknownRoleAttribute(): SynthesizedStackJson {
  const { json } = synthesizeSettingsFile('config/default.yaml');
  const roles = json.resource!.aws_iam_role;
  const [name] = Object.keys(roles);
  return {
    ...json,
    resource: { ...json.resource, aws_iam_role: { ...roles, [name]: { ...roles[name], not_an_attribute: true } } },
  };
}

describeWithTerraform('diagnostics of the one offline plan run', () => {
  it('fails with the validation error terraform plan reports for an unknown attribute', async () => {
    await expect(planStackOffline(stackWithUnknownRoleAttribute())).rejects.toThrow(
      /terraform plan gave no summary:\nerror: Extraneous JSON object property \(No argument or block type is named "not_an_attribute"\.\)/,
    );
  });
});
