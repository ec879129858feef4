import type { SettingsProblem } from './settings-error';
import { stateNameOf } from './settings-file-identity';
import { workspaceNameSchema, type BackendInput, type BackendSettings } from './settings-schema';

/**
 * Where the state of the stack from `settingsFile` lives. Terraform's own
 * variables override the settings' backend: `TF_CLOUD_ORGANIZATION` puts state in
 * Terraform Cloud; `TF_WORKSPACE`, `TF_CLOUD_PROJECT` and `TF_CLOUD_HOSTNAME`
 * choose the workspace, its project and the host, as Terraform itself reads them.
 * What nobody names is keyed to the settings file: the local state file and the
 * workspace are `cross-account-<its path>`, so two settings files never share a state.
 */
export function resolveBackend(
  backend: BackendInput,
  env: NodeJS.ProcessEnv,
  settingsFile: string,
): { readonly backend: BackendSettings } | { readonly problems: readonly SettingsProblem[] } {
  const stateName = stateNameOf(settingsFile);
  const organization = env.TF_CLOUD_ORGANIZATION || (backend.type === 'cloud' ? backend.organization : undefined);
  if (backend.type === 'local' && !organization) {
    return { backend: { type: 'local', path: backend.path ?? `../../../terraform.${stateName}.tfstate` } };
  }
  const cloud = backend.type === 'cloud' ? backend : undefined;
  if (!organization) {
    return {
      problems: [
        { path: 'backend.organization', message: 'is required for Terraform Cloud: set it, or TF_CLOUD_ORGANIZATION' },
      ],
    };
  }
  const workspace = env.TF_WORKSPACE || cloud?.workspace || stateName;
  const origin = env.TF_WORKSPACE ? 'TF_WORKSPACE' : cloud?.workspace ? 'settings' : 'settings file path';
  const problems = workspaceProblems(workspace, origin);
  if (problems.length > 0) return { problems };
  const project = env.TF_CLOUD_PROJECT || cloud?.project;
  return {
    backend: {
      type: 'cloud',
      hostname: env.TF_CLOUD_HOSTNAME || cloud?.hostname || 'app.terraform.io',
      organization,
      workspace,
      ...(project ? { project } : {}),
      executionMode: cloud?.executionMode ?? 'local',
    },
  };
}

/**
 * A workspace name from the environment or derived from the settings file
 * passes the same rule as one written in the settings (which the schema checked).
 */
function workspaceProblems(
  workspace: string,
  origin: 'TF_WORKSPACE' | 'settings' | 'settings file path',
): SettingsProblem[] {
  const checked = workspaceNameSchema.safeParse(workspace);
  if (origin === 'settings' || checked.success) return [];
  const why = checked.error.issues[0].message;
  return [
    origin === 'TF_WORKSPACE'
      ? { path: 'backend.workspace', message: `TF_WORKSPACE=${workspace} ${why}` }
      : {
          path: 'backend.workspace',
          message: `the name derived from the settings file's path, ${workspace}, ${why}: set backend.workspace or TF_WORKSPACE`,
        },
  ];
}
