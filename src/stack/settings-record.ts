import { TerraformElement } from 'cdktf';
import type { Construct } from 'constructs';
import type { AcknowledgementSettings, ExpectationSettings } from '../config';

/** Props of {@link SettingsRecord}. */
export interface SettingsRecordProps {
  /** The settings file's path relative to the project root, e.g. `config/default.yaml`. */
  readonly settingsFile: string;
  /** The settings' expectations, with their defaults filled in. */
  readonly expectations: readonly ExpectationSettings[];
  /** The settings' acknowledged review findings. */
  readonly acknowledge: readonly AcknowledgementSettings[];
}

/** Key of the record in the stack's `//` metadata block. */
export const SETTINGS_RECORD_KEY = 'settings';

/**
 * Writes into the synthesized stack which settings file produced it and what
 * those settings expect and acknowledge, so that a command reading cdktf.out (`verify --outdir`)
 * takes them from the stack and not from whatever settings file is current.
 *
 * Where: the `//` block's `metadata`, which cdktf fills from each element's
 * `toMetadata()` (as it does with `backend` and `version`). Terraform's JSON
 * syntax reads `//` as a comment, so the record never enters a plan or the
 * state, and its text is stored as written, never interpolated (no escaping).
 * The app writes it and `cdktf synth` only runs the app, so it survives. An
 * output would survive too, but would land in the state and show as a change
 * whenever an expectation changes; a local would be evaluated by Terraform.
 */
export class SettingsRecord extends TerraformElement {
  constructor(
    scope: Construct,
    id: string,
    private readonly props: SettingsRecordProps,
  ) {
    super(scope, id);
  }

  public override toMetadata(): Record<string, unknown> {
    return {
      [SETTINGS_RECORD_KEY]: {
        file: this.props.settingsFile,
        expectations: this.props.expectations,
        acknowledge: this.props.acknowledge,
      },
    };
  }
}
