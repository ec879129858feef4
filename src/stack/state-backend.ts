import { CloudBackend, LocalBackend, NamedCloudWorkspace, type TerraformStack } from 'cdktf';
import type { BackendSettings } from '../config';

/**
 * Default local state file, relative to the synthesized stack's folder
 * (`cdktf.out/stacks/<stack>`): the project root, outside what synth rewrites,
 * and no machine path in the JSON.
 */
export const DEFAULT_LOCAL_STATE_PATH = '../../../terraform.cross-account.tfstate';

/** Puts the stack's state where the settings (or Terraform's TF_CLOUD_* variables) say. */
export function configureStateBackend(stack: TerraformStack, backend: BackendSettings): void {
  if (backend.type === 'cloud') {
    new CloudBackend(stack, {
      hostname: backend.hostname,
      organization: backend.organization,
      workspaces: new NamedCloudWorkspace(backend.workspace),
    });
  } else {
    new LocalBackend(stack, { path: backend.path ?? DEFAULT_LOCAL_STATE_PATH });
  }
}
