import { parseArn } from '../policies/arn';
import type { SettingsProblem } from './settings-error';
import type { ParsedSettings as Settings } from './settings-schema';

/**
 * Checks that every expectation and acknowledgement names a user or role of the settings as its
 * principal, and a role of the settings, an ARN, or `*` (for an action that
 * takes no resource, such as s3:ListAllMyBuckets) as what it is `on`.
 */
export function findExpectationProblems(settings: Settings): SettingsProblem[] {
  const users = settings.users.map((user) => user.name);
  const roles = settings.roles.map((role) => role.name);
  const problems: SettingsProblem[] = [];
  const checkPrincipal = (name: string, path: string) => {
    if (!users.includes(name) && !roles.includes(name))
      problems.push({
        path,
        message: `"${name}": no user or role of that name is defined (users: ${list(users)}; roles: ${list(roles)})`,
      });
  };
  settings.expectations.forEach((expectation, i) => {
    checkPrincipal(expectation.principal, `expectations[${i}].principal`);
    if (expectation.on !== '*' && !parseArn(expectation.on) && !roles.includes(expectation.on)) {
      problems.push({
        path: `expectations[${i}].on`,
        message: `"${expectation.on}": must be a role name (roles: ${list(roles)}), an ARN, or "*" for an action that takes no resource`,
      });
    }
  });
  settings.acknowledge.forEach((acknowledgement, i) => {
    const principals = acknowledgement.principal;
    if (typeof principals === 'string') checkPrincipal(principals, `acknowledge[${i}].principal`);
    else principals.forEach((name, j) => checkPrincipal(name, `acknowledge[${i}].principal[${j}]`));
  });
  return problems;
}

function list(names: readonly string[]): string {
  return names.join(', ') || 'none';
}
