import { defaultPolicyName } from './derived-settings';
import type { SettingsProblem } from './settings-error';
import type { ParsedSettings } from './settings-schema';

/**
 * Checks what adopting existing users and groups, naming the assume policies
 * and choosing end users' source profile need beyond the schema:
 * - `existingMemberships` only on a user that exists, naming groups that exist
 *   (a group the stack creates has no members yet) and not also in `groups`;
 * - customer managed policy names are unique in an account (managed assume
 *   policies against each other and against roles' bucket policies there);
 * - `sourceProfile` is never a deploying profile of `accounts`.
 */
export function findAdoptionProblems(settings: ParsedSettings): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  const report = (path: string, message: string) => problems.push({ path, message });
  const groups = new Map(settings.groups.map((group) => [group.name, group]));

  settings.users.forEach((user, i) => {
    if (user.existingMemberships.length > 0 && user.existing === undefined)
      report(
        `users[${i}].existingMemberships`,
        `"${user.name}" is created by the stack, so it has no memberships made outside it: set existing on the user, or list the groups under groups`,
      );
    user.existingMemberships.forEach((name, j) => {
      const path = `users[${i}].existingMemberships[${j}]`;
      const group = groups.get(name);
      if (!group)
        report(
          path,
          `"${name}": no group of that name is defined (groups: ${[...groups.keys()].join(', ') || 'none'})`,
        );
      else if (group.existing === undefined)
        report(path, `"${name}" is created by the stack, so no membership in it exists yet: list it under groups`);
      else if (user.groups.includes(name))
        report(
          path,
          `"${name}" is also in groups: a membership is either the stack's (groups) or made outside it, not both`,
        );
    });
  });

  const owners = new Map<string, string>();
  const claim = (account: string, policyName: string, owner: string, path: string) => {
    const key = `${account}/${policyName.toLowerCase()}`;
    const first = owners.get(key);
    if (first)
      report(
        path,
        `"${policyName}" is already the managed policy of ${first} in account "${account}": names are unique in an account`,
      );
    else owners.set(key, owner);
  };
  // Roles' names against each other are settings-references' concern: here they are only claimed.
  for (const role of settings.roles) {
    const key = `${role.account}/${(role.policyName ?? defaultPolicyName(role.name)).toLowerCase()}`;
    if (role.bucketAccess.length > 0 && !owners.has(key)) owners.set(key, `role "${role.name}"`);
  }
  for (const listKey of ['groups', 'users'] as const)
    settings[listKey].forEach((holder, i) => {
      if (holder.assumePolicy.type === 'managed')
        claim(
          settings.identityAccount,
          holder.assumePolicy.name,
          `${listKey.slice(0, -1)} "${holder.name}"`,
          `${listKey}[${i}].assumePolicy.name`,
        );
    });

  const deployers = Object.entries(settings.accounts).filter(
    ([, account]) => account.profile === settings.sourceProfile,
  );
  for (const [key] of deployers)
    report(
      'sourceProfile',
      `"${settings.sourceProfile}" is the deploying profile of account "${key}": end users assume roles from their own credentials, so name their profile (default: default)`,
    );
  return problems;
}
