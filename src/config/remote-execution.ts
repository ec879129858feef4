import type { SettingsProblem } from './settings-error';
import type { AccountSettings, BackendSettings } from './settings-schema';

/**
 * With `executionMode: remote`, plans run on Terraform Cloud's machines, where a
 * workstation's AWS CLI profiles do not exist: the workspace holds one base
 * credential, and each account is reached through its own role. So every
 * account must name `assumeRoleArn`, and none may name `profile`.
 */
export function findRemoteExecutionProblems(
  accounts: Readonly<Record<string, AccountSettings>>,
  backend: BackendSettings,
): SettingsProblem[] {
  if (backend.type !== 'cloud' || backend.executionMode !== 'remote') return [];
  return Object.entries(accounts).flatMap(([key, account]) => [
    ...(account.profile === undefined
      ? []
      : [
          {
            path: `accounts.${key}.profile`,
            message:
              "is not available with backend.executionMode remote (Terraform Cloud's runners have no AWS CLI profiles): remove it and set assumeRoleArn",
          },
        ]),
    ...(account.assumeRoleArn === undefined
      ? [
          {
            path: `accounts.${key}.assumeRoleArn`,
            message:
              "is required with backend.executionMode remote: the workspace's base credential reaches this account through this role",
          },
        ]
      : []),
  ]);
}
