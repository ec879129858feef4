import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { STACK_NAME } from '../src/stack';
import { writeStackJson } from '../tools/terraform';
import { tempFolder } from './support/temp-folder';
import { describeWithTerraform, ownershipSlice, succeeded, terraformIn } from './support/terraform';

const DEFAULT = 'config/default.yaml';
const HARDENED = 'config/examples/hardened.yaml';

/**
 * A project folder in which a settings file is synthesized as `cdktf synth`
 * lays it out (`cdktf.out/stacks/cross-account`), so Terraform reads and writes
 * the state where a user's would: relative to the project root.
 */
function project() {
  const root = tempFolder('state-owner-');
  const stackDir = join(root, 'cdktf.out/stacks', STACK_NAME);
  const terraform = terraformIn(stackDir);
  return {
    root,
    terraform,
    synthesize: (file: string) => writeStackJson(stackDir, ownershipSlice(file)),
    /** Applies the record of the settings file, as a first deploy writes it. */
    recordOwner: () => terraform('apply', '-auto-approve', '-input=false', '-no-color'),
    recordedIn: (stateFile: string) => {
      const state = JSON.parse(readFileSync(join(root, stateFile), 'utf8')) as {
        resources: { type: string; instances: { attributes: { input: { value: { settings_file: string } } } }[] }[];
      };
      return state.resources
        .filter((resource) => resource.type === 'terraform_data')
        .map((resource) => resource.instances[0].attributes.input.value.settings_file);
    },
  };
}

describeWithTerraform('each settings file owns its state (real terraform)', () => {
  it.concurrent('writes each settings file to its own state file, so planning one leaves the other alone', async () => {
    const { root, terraform, synthesize, recordOwner, recordedIn } = project();
    synthesize(DEFAULT);
    succeeded(await terraform('init', '-input=false', '-no-color'));
    succeeded(await recordOwner());
    expect(recordedIn('terraform.cross-account-config-default.tfstate')).toEqual([DEFAULT]);

    // Switching files in the same folder: Terraform must be told the backend moved (no state is copied).
    synthesize(HARDENED);
    succeeded(await terraform('init', '-input=false', '-no-color', '-reconfigure'));
    const plan = succeeded(await terraform('plan', '-input=false', '-no-color', '-lock=false'));
    expect(plan).toContain('Plan: 1 to add, 0 to change, 0 to destroy.');
    succeeded(await recordOwner());
    expect(recordedIn('terraform.cross-account-config-examples-hardened.tfstate')).toEqual([HARDENED]);
    expect(recordedIn('terraform.cross-account-config-default.tfstate')).toEqual([DEFAULT]);
    expect(existsSync(join(root, 'terraform.cross-account.tfstate'))).toBe(false);
  });

  it.concurrent(
    "refuses to plan or destroy another settings file against a state copied from the first (cdktf's --migrate-state)",
    async () => {
      const { terraform, synthesize, recordOwner, recordedIn } = project();
      synthesize(DEFAULT);
      succeeded(await terraform('init', '-input=false', '-no-color'));
      succeeded(await recordOwner());
      synthesize(HARDENED);
      succeeded(await terraform('init', '-input=false', '-no-color', '-migrate-state', '-force-copy'));
      expect(recordedIn('terraform.cross-account-config-examples-hardened.tfstate')).toEqual([DEFAULT]);

      const refusal = `This state belongs to the settings file ${DEFAULT}, not ${HARDENED}`;
      const plan = await terraform('plan', '-input=false', '-no-color', '-lock=false');
      expect(plan.code).toBe(1);
      expect(plan.stderr.replace(/\s+/g, ' ')).toContain(refusal);
      const destroy = await terraform('destroy', '-auto-approve', '-input=false', '-no-color');
      expect(destroy.code).toBe(1);
      expect(destroy.stderr.replace(/\s+/g, ' ')).toContain(refusal);
      expect(recordedIn('terraform.cross-account-config-examples-hardened.tfstate')).toEqual([DEFAULT]);

      // Moved on purpose: forgetting the record lets this file adopt the state.
      succeeded(await terraform('state', 'rm', '-no-color', 'terraform_data.settings_file'));
      expect(succeeded(await terraform('plan', '-input=false', '-no-color', '-lock=false'))).toContain(
        'Plan: 1 to add',
      );
    },
  );
});
