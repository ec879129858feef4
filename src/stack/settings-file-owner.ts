import { DataResource, TerraformLocal } from 'cdktf';
import { Construct } from 'constructs';

/** Props of {@link SettingsFileOwner}. */
export interface SettingsFileOwnerProps {
  /** The settings file's path relative to the project root, e.g. `config/default.yaml`, as a Terraform literal (see literalSettings). */
  readonly settingsFile: string;
}

/** Terraform address of the record, for messages and `terraform state rm`. */
export const SETTINGS_FILE_RECORD = 'terraform_data.settings_file';

/**
 * Records in the state which settings file it belongs to, and makes Terraform
 * refuse to plan, apply or destroy any other settings file against that state.
 *
 * How: a `terraform_data` resource (built into Terraform: no provider, no cloud
 * call) stores the file as its `input` when first applied, and
 * `ignore_changes = [input]` keeps that recorded value in every later plan, so
 * the resource reads as what the state says, not what this configuration says.
 * Two checks compare it with this configuration's file (`local.settings_file`):
 * - a `postcondition`, Terraform's own mechanism for this: checked while
 *   planning, and a failure is an error, so `plan`, `apply` and cdktf's `deploy`
 *   stop before anything changes, with the message below;
 * - a guard local that calls `tobool()` on the message when they differ: a
 *   destroy plan first refreshes with conditions turned into warnings
 *   (context_plan.go, `PreDestroyRefresh`), but a failing expression is still an
 *   error there, so `destroy` stops too. Only `terraform destroy -refresh=false`
 *   skips that refresh, and with it the guard.
 * A `check` block only warns, and a precondition cannot see the recorded value.
 */
export class SettingsFileOwner extends Construct {
  constructor(scope: Construct, id: string, props: SettingsFileOwnerProps) {
    super(scope, id);
    new TerraformLocal(this, 'settings-file', props.settingsFile).overrideLogicalId('settings_file');
    const recorded = `${SETTINGS_FILE_RECORD}.input.settings_file`;
    const refusal =
      'This state belongs to the settings file ${RECORDED}, not ${local.settings_file}: ' +
      "planning it would replace that file's users, groups and roles with this one's. " +
      "Use this file's own state (its default local state file or Terraform Cloud workspace), " +
      `or, if the state was moved to this file on purpose, run: terraform state rm ${SETTINGS_FILE_RECORD}`;
    new DataResource(this, 'record', {
      input: { settings_file: '${local.settings_file}' },
      lifecycle: {
        ignoreChanges: ['input'],
        postcondition: [
          {
            condition: '${self.input.settings_file == local.settings_file}',
            errorMessage: refusal.replace('RECORDED', 'self.input.settings_file'),
          },
        ],
      },
    }).overrideLogicalId('settings_file');
    new TerraformLocal(
      this,
      'guard',
      `\${${recorded} == local.settings_file ? true : tobool(${JSON.stringify(refusal.replace('RECORDED', recorded))})}`,
    ).overrideLogicalId('settings_file_guard');
  }
}
