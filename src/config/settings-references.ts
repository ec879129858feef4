import type { ReferenceHolder, ReferenceView } from './reference-view';
import { defaultPolicyName } from './derived-settings';
import type { SettingsProblem } from './settings-error';

/**
 * Checks what the schema alone cannot: that every name a setting refers to is
 * defined, and that names and ids are unique. Reads validated settings or what
 * could be salvaged of a refused file (a value that is not text is skipped:
 * the schema reports it). Returns every problem, in file order.
 */
export function findReferenceProblems(settings: ReferenceView): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  const report = (path: string, message: string) => problems.push({ path, message });
  const accountKeys = Object.keys(settings.accounts);
  const known = (kind: string, names: readonly string[]) =>
    `no ${kind} of that name is defined (${kind}s: ${names.join(', ') || 'none'})`;

  // With no accounts at all the schema has said so: a reference to one is not a problem of its own.
  const undefinedAccount = (key: string | undefined) =>
    key !== undefined && accountKeys.length > 0 && !settings.accounts[key];

  if (undefinedAccount(settings.identityAccount)) {
    report('identityAccount', `"${settings.identityAccount}": ${known('account', accountKeys)}`);
  }
  const accountByIdKey = new Map<string, string>();
  for (const [key, account] of Object.entries(settings.accounts)) {
    if (account.id === undefined) continue;
    const other = accountByIdKey.get(account.id);
    if (other) report(`accounts.${key}.id`, `"${account.id}" is already the id of account "${other}"`);
    else accountByIdKey.set(account.id, key);
  }

  reportDuplicates(settings.buckets, 'buckets', report, false);
  reportDuplicates(settings.roles, 'roles', report);
  reportDuplicates(settings.groups, 'groups', report);
  reportDuplicates(settings.users, 'users', report);

  const buckets = new Map(
    settings.buckets.flatMap((bucket) => (bucket.name === undefined ? [] : [[bucket.name, bucket]])),
  );
  const roleNames = namesOf(settings.roles);
  const groupNames = namesOf(settings.groups);
  const userNames = namesOf(settings.users);

  settings.buckets.forEach((bucket, i) => {
    if (undefinedAccount(bucket.account))
      report(`buckets[${i}].account`, `"${bucket.account}": ${known('account', accountKeys)}`);
  });

  const policyNames = new Map<string, string>();
  settings.roles.forEach((role, i) => {
    if (undefinedAccount(role.account)) {
      report(`roles[${i}].account`, `"${role.account}": ${known('account', accountKeys)}`);
    }
    role.trustedPrincipals?.forEach((userName, j) => {
      if (userName !== undefined && !userNames.has(userName))
        report(
          `roles[${i}].trustedPrincipals[${j}]`,
          `"${userName}": ${known('user', [...userNames])}; the role trusts users of the identity account by ARN`,
        );
    });
    const roleAccount = role.account;
    if (role.name === undefined || roleAccount === undefined) return;
    const policyName = role.policyName ?? defaultPolicyName(role.name);
    const policyKey = `${role.account}/${policyName.toLowerCase()}`;
    const owner = policyNames.get(policyKey);
    if (owner)
      report(
        `roles[${i}].policyName`,
        `"${policyName}" is already the policy of role "${owner}" in account "${role.account}"`,
      );
    else policyNames.set(policyKey, role.name);
    role.bucketAccess.forEach((access, j) => {
      if (access.bucket === undefined) return;
      const bucket = buckets.get(access.bucket);
      if (!bucket) {
        report(`roles[${i}].bucketAccess[${j}].bucket`, `"${access.bucket}": ${known('bucket', [...buckets.keys()])}`);
      } else if (
        bucket.account !== undefined &&
        bucket.account !== roleAccount &&
        settings.accounts[bucket.account] &&
        settings.accounts[roleAccount]
      ) {
        report(
          `roles[${i}].bucketAccess[${j}].bucket`,
          `"${access.bucket}" is in account "${bucket.account}" but the role is in "${role.account}": access across accounts would need a bucket policy, which this stack does not write`,
        );
      }
    });
  });

  const reportUnknownRoles = (listKey: string, holders: readonly ReferenceHolder[]) =>
    holders.forEach((holder, i) => {
      for (const key of ['allowAssume', 'denyAssume'] as const) {
        holder[key].forEach((roleName, j) => {
          if (roleName !== undefined && !roleNames.has(roleName))
            report(`${listKey}[${i}].${key}[${j}]`, `"${roleName}": ${known('role', [...roleNames])}`);
        });
      }
    });
  reportUnknownRoles('groups', settings.groups);
  reportUnknownRoles('users', settings.users);

  settings.users.forEach((user, i) => {
    user.groups.forEach((groupName, j) => {
      if (groupName !== undefined && !groupNames.has(groupName))
        report(`users[${i}].groups[${j}]`, `"${groupName}": ${known('group', [...groupNames])}`);
    });
  });

  return problems;
}

/** The names given in a list, leaving out entries whose name is not text. */
function namesOf(items: readonly { readonly name: string | undefined }[]): Set<string> {
  return new Set(items.flatMap((item) => (item.name === undefined ? [] : [item.name])));
}

/** IAM names are unique without regard to case, so `John` and `john` clash; bucket names are lowercase anyway. */
function reportDuplicates(
  items: readonly { readonly name: string | undefined }[],
  listKey: string,
  report: (path: string, message: string) => void,
  ignoreCase = true,
): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    if (item.name === undefined) return;
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
