import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSettings, type Settings } from '../src/config';
import { stateAfterApply } from '../tools/terraform';
import { PROJECT_ROOT, synthesizeSettings } from './support/synthesize';
import { describeWithTerraform, planStackOffline } from './support/terraform';

/** Text the settings schema refuses in tags and profiles (AWS does too); the stack must still never evaluate it. */
const EXPRESSIONS = {
  file: '${file("/etc/hostname")}',
  reference: 'cc-${team}',
  directive: '%{ if true }yes%{ endif }',
} as const;

/**
 * The default settings with Terraform expressions in every free-text value the
 * stack writes: tags (keys and values), the identity account's profile (in each
 * role's profile text) and a display name (in the switch-role URL). Built in
 * code, past the schema, as another program using the stack could.
 */
function settingsWithExpressions(): Settings {
  const settings = parseSettings(
    readFileSync(join(PROJECT_ROOT, 'config/default.yaml'), 'utf8'),
    'config/default.yaml',
    {},
  );
  return {
    ...settings,
    accounts: { ...settings.accounts, dev: { ...settings.accounts.dev, profile: EXPRESSIONS.file } },
    sourceProfile: EXPRESSIONS.file,
    roles: settings.roles.map((role) => ({ ...role, displayName: EXPRESSIONS.reference })),
    tags: {
      Owner: EXPRESSIONS.file,
      CostCenter: EXPRESSIONS.reference,
      Note: EXPRESSIONS.directive,
      [EXPRESSIONS.reference]: 'key',
    },
  };
}

/** Each plan starts the ~700 MB aws provider two or three times; a test here runs two plans. */
const TERRAFORM_TIMEOUT = 240_000;

describeWithTerraform('settings text in a real plan', () => {
  it(
    'is planned exactly as written: no file read, no reference, no directive evaluated',
    async () => {
      const stack = synthesizeSettings(settingsWithExpressions()).json;
      const first = await planStackOffline(stack, { readPlan: true });
      expect(first.diagnostics).toEqual([]);
      expect(first.valid).toBe(true);
      // Planned again against the state an apply would leave, so the outputs, which hold the role's ARN, are known.
      const result = await planStackOffline(stack, { state: stateAfterApply(first.plan!, stack), readPlan: true });
      expect(result.diagnostics).toEqual([]);

      const role = result.plan!.planned_values.root_module.resources!.find(
        (resource) => resource.type === 'aws_iam_role',
      )!;
      expect(role.values.tags_all).toEqual({
        Owner: EXPRESSIONS.file,
        CostCenter: EXPRESSIONS.reference,
        Note: EXPRESSIONS.directive,
        [EXPRESSIONS.reference]: 'key',
      });
      const output = result.plan!.planned_values.outputs!.role_S3ProductionAccessRole.value as Record<string, string>;
      expect(output.aws_config_profile).toContain(`source_profile = ${EXPRESSIONS.file}\n`);
      expect(new URL(output.switch_role_url).searchParams.get('displayName')).toBe(EXPRESSIONS.reference);
    },
    TERRAFORM_TIMEOUT,
  );
});
