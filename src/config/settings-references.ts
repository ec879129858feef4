import type { Settings } from './settings-schema';
import type { SettingsProblem } from './settings-error';

/**
 * Checks what the schema alone cannot: that every name a setting refers to is
 * defined, and that names and ids are unique. Returns every problem, in file order.
 */
export function findReferenceProblems(settings: Settings): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  const report = (path: string, message: string) => problems.push({ path, message });
  const accountKeys = Object.keys(settings.accounts);
  const known = (kind: string, names: readonly string[]) =>
    `no ${kind} of that name is defined (${kind}s: ${names.join(', ') || 'none'})`;

  if (!settings.accounts[settings.identityAccount]) {
    report('identityAccount', `"${settings.identityAccount}": ${known('account', accountKeys)}`);
  }
  const accountByIdKey = new Map<string, string>();
  for (const [key, account] of Object.entries(settings.accounts)) {
    const other = accountByIdKey.get(account.id);
    if (other) report(`accounts.${key}.id`, `"${account.id}" is already the id of account "${other}"`);
    else accountByIdKey.set(account.id, key);
  }

  reportDuplicates(settings.buckets, 'buckets', report, false);
  reportDuplicates(settings.roles, 'roles', report);
  reportDuplicates(settings.groups, 'groups', report);
  reportDuplicates(settings.users, 'users', report);

  const buckets = new Map(settings.buckets.map((bucket) => [bucket.name, bucket]));
  const roleNames = new Set(settings.roles.map((role) => role.name));
  const groupNames = new Set(settings.groups.map((group) => group.name));

  settings.buckets.forEach((bucket, i) => {
    if (!settings.accounts[bucket.account])
      report(`buckets[${i}].account`, `"${bucket.account}": ${known('account', accountKeys)}`);
  });

  const policyNames = new Map<string, string>();
  settings.roles.forEach((role, i) => {
    if (!settings.accounts[role.account]) {
      report(`roles[${i}].account`, `"${role.account}": ${known('account', accountKeys)}`);
    }
    const policyKey = `${role.account}/${(role.policyName ?? `${role.name}Policy`).toLowerCase()}`;
    const owner = policyNames.get(policyKey);
    if (owner)
      report(
        `roles[${i}].policyName`,
        `"${role.policyName ?? `${role.name}Policy`}" is already the policy of role "${owner}" in account "${role.account}"`,
      );
    else policyNames.set(policyKey, role.name);
    role.bucketAccess.forEach((access, j) => {
      const bucket = buckets.get(access.bucket);
      if (!bucket) {
        report(`roles[${i}].bucketAccess[${j}].bucket`, `"${access.bucket}": ${known('bucket', [...buckets.keys()])}`);
      } else if (bucket.account !== role.account) {
        report(
          `roles[${i}].bucketAccess[${j}].bucket`,
          `"${access.bucket}" is in account "${bucket.account}" but the role is in "${role.account}": access across accounts would need a bucket policy, which this stack does not write`,
        );
      }
    });
  });

  const reportUnknownRoles = (listKey: string, holders: readonly { allowAssume: string[]; denyAssume: string[] }[]) =>
    holders.forEach((holder, i) => {
      for (const key of ['allowAssume', 'denyAssume'] as const) {
        holder[key].forEach((roleName, j) => {
          if (!roleNames.has(roleName))
            report(`${listKey}[${i}].${key}[${j}]`, `"${roleName}": ${known('role', [...roleNames])}`);
        });
      }
    });
  reportUnknownRoles('groups', settings.groups);
  reportUnknownRoles('users', settings.users);

  settings.users.forEach((user, i) => {
    user.groups.forEach((groupName, j) => {
      if (!groupNames.has(groupName))
        report(`users[${i}].groups[${j}]`, `"${groupName}": ${known('group', [...groupNames])}`);
    });
  });

  return problems;
}

/** IAM names are unique without regard to case, so `John` and `john` clash; bucket names are lowercase anyway. */
function reportDuplicates(
  items: readonly { readonly name: string }[],
  listKey: string,
  report: (path: string, message: string) => void,
  ignoreCase = true,
): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const key = ignoreCase ? item.name.toLowerCase() : item.name;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    else
      report(
        `${listKey}[${i}].name`,
        `"${item.name}" is already defined at ${listKey}[${first}]${ignoreCase ? ' (IAM names ignore case)' : ''}`,
      );
  });
}
