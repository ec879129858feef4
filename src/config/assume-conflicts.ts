import type { ReferenceHolder, ReferenceView } from './reference-view';
import type { SettingsProblem } from './settings-error';
import type { ParsedSettings as Settings, UserSettings } from './settings-schema';

/**
 * A group or user that lists the same role under both `allowAssume` and
 * `denyAssume` says two things at once: an error at the deny entry.
 */
export function findAssumeConflicts(settings: Pick<ReferenceView, 'groups' | 'users'>): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  const check = (listKey: string, holders: readonly ReferenceHolder[]) =>
    holders.forEach((holder, i) =>
      holder.denyAssume.forEach((roleName, j) => {
        if (roleName !== undefined && holder.allowAssume.includes(roleName))
          problems.push({
            path: `${listKey}[${i}].denyAssume[${j}]`,
            message: `"${roleName}" is also in allowAssume: a ${listKey.slice(0, -1)} either allows a role or denies it, not both`,
          });
      }),
    );
  check('groups', settings.groups);
  check('users', settings.users);
  return problems;
}

/**
 * Settings that are valid but probably not what was meant: a user allowed a
 * role by one group (or its own policy) and denied it by another (IAM's
 * explicit deny wins, so the user cannot assume the role), and a user in a
 * role's `trustedPrincipals` whom nothing allows to assume it.
 */
export function findSettingsWarnings(settings: Settings): SettingsProblem[] {
  const groups = new Map(settings.groups.map((group) => [group.name, group]));
  const sourcesOf = (user: UserSettings) => [
    ...[...user.groups, ...user.existingMemberships].flatMap((name) => {
      const group = groups.get(name);
      return group ? [{ label: `group ${name}`, holder: group }] : [];
    }),
    { label: 'its own policy', holder: user },
  ];
  const warnings: SettingsProblem[] = [];
  settings.users.forEach((user, i) => {
    const sources = sourcesOf(user);
    for (const role of new Set(sources.flatMap(({ holder }) => holder.allowAssume))) {
      const allowedBy = sources.filter(({ holder }) => holder.allowAssume.includes(role)).map(({ label }) => label);
      const deniedBy = sources.filter(({ holder }) => holder.denyAssume.includes(role)).map(({ label }) => label);
      if (deniedBy.length === 0) continue;
      warnings.push({
        path: `users[${i}].groups`,
        message: `"${user.name}" is allowed "${role}" by ${allowedBy.join(', ')} and denied it by ${deniedBy.join(', ')}: the deny wins, so ${user.name} cannot assume it`,
      });
    }
  });
  const users = new Map(settings.users.map((user) => [user.name, user]));
  settings.roles.forEach((role, i) =>
    role.trustedPrincipals?.forEach((name, j) => {
      const user = users.get(name);
      if (user && !sourcesOf(user).some(({ holder }) => holder.allowAssume.includes(role.name)))
        warnings.push({
          path: `roles[${i}].trustedPrincipals[${j}]`,
          message: `"${name}" is trusted but no group of theirs nor their own policy allows "${role.name}": add it to an allowAssume, or ${name} cannot assume it`,
        });
    }),
  );
  return warnings;
}
