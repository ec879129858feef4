/**
 * Names the settings imply where they do not give one, computed in one place so
 * that the checks on them and the stack that uses them agree.
 */

/** Terraform output name of a role: `role_` + the name with characters Terraform refuses replaced by `_`. */
export function roleOutputName(roleName: string): string {
  return `role_${roleName.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/** The AWS CLI profile a role is written under: its `profileName`, else its name. */
export function roleProfileName<T>(role: { readonly name: T; readonly profileName?: T }): T {
  return role.profileName ?? role.name;
}

/** The profile every role's profile is assumed from: the identity account's profile, else `default`. */
export function sourceProfileName(identityAccount: { readonly profile?: string } | undefined): string {
  return identityAccount?.profile ?? DEFAULT_PROFILE;
}

/** The AWS CLI's profile when none is named. */
export const DEFAULT_PROFILE = 'default';
