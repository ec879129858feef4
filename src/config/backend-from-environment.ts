import type { SettingsProblem } from './settings-error';
import type { BackendSettings } from './settings-schema';

/**
 * Terraform's own variables override the settings' backend: with
 * `TF_CLOUD_ORGANIZATION` and `TF_WORKSPACE` set, state goes to Terraform Cloud
 * (`TF_CLOUD_HOSTNAME` optional), as Terraform itself would read them.
 */
export function resolveBackend(
  backend: BackendSettings,
  env: NodeJS.ProcessEnv,
): { readonly backend: BackendSettings } | { readonly problem: SettingsProblem } {
  const organization = env.TF_CLOUD_ORGANIZATION;
  const workspace = env.TF_WORKSPACE;
  if (!organization) return { backend };
  if (!workspace) {
    return {
      problem: {
        path: 'backend',
        message: 'TF_CLOUD_ORGANIZATION is set but TF_WORKSPACE is not: set both to use Terraform Cloud, or neither',
      },
    };
  }
  const hostname = env.TF_CLOUD_HOSTNAME || (backend.type === 'cloud' ? backend.hostname : 'app.terraform.io');
  return { backend: { type: 'cloud', organization, workspace, hostname } };
}
