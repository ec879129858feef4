import { partitionOfRegion, type Partition } from '../policies/arn';
import type { BackendSettings, ParsedSettings } from './settings-schema';

/**
 * Defaults that depend on other keys, computed once right after validation
 * into the settings every other module reads, so no module works one out
 * again (the schema holds the plain defaults).
 */

/** The customer-managed policy name of a role's bucket access when `policyName` is not given. */
export function defaultPolicyName(roleName: string): string {
  return `${roleName}Policy`;
}

/** The AWS CLI's profile when none is named: role profiles are assumed from it when the identity account names none. */
export const DEFAULT_PROFILE = 'default';

/** The profile a role's profile is written under: its `profileName`, else its name. */
export function defaultProfileName<T>(role: { readonly name: T; readonly profileName?: T }): T {
  return role.profileName ?? role.name;
}

/** Terraform output name of a role: `role_` + the name with characters Terraform refuses replaced by `_`. */
export function roleOutputName(roleName: string): string {
  return `role_${roleName.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/** Validated settings with every default, plain or derived, filled in. */
export interface Settings extends Omit<ParsedSettings, 'roles' | 'backend'> {
  /** Where the state lives: the settings' backend with Terraform's TF_CLOUD_* variables and the per-file defaults applied. */
  readonly backend: BackendSettings;
  /** The settings file's path relative to the project root (`config/default.yaml`): the state it owns records it. */
  readonly settingsFile: string;
  /** The partition of `region`: every ARN the stack writes carries it. */
  readonly partition: Partition;
  /**
   * The profile end users' role profiles are assumed from (`source_profile`): `sourceProfile`, else `default`;
   * never the identity account's deploying `profile` (settings naming it are refused).
   */
  readonly sourceProfile: string;
  readonly roles: RoleSettings[];
}

/** A role with its derived names filled in. */
export type RoleSettings = ParsedSettings['roles'][number] & {
  /** @default `<name>Policy` */
  readonly policyName: string;
  /** @default the role name */
  readonly profileName: string;
  /** @default `<account key>-<role name>` */
  readonly displayName: string;
};

/** Fills in the defaults that depend on other keys, with the backend resolved for the file the settings came from. */
export function deriveSettings(
  parsed: ParsedSettings,
  state: { readonly backend: BackendSettings; readonly settingsFile: string },
): Settings {
  return {
    ...parsed,
    ...state,
    partition: partitionOfRegion(parsed.region),
    roles: parsed.roles.map((role) => ({
      ...role,
      policyName: role.policyName ?? defaultPolicyName(role.name),
      profileName: defaultProfileName(role),
      displayName: role.displayName ?? `${role.account}-${role.name}`,
    })),
  };
}
