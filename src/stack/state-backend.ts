import { CloudBackend, LocalBackend, NamedCloudWorkspace, type TerraformStack } from 'cdktf';
import type { BackendSettings } from '../config';

/**
 * Puts the stack's state where the resolved settings say: a local file
 * (relative to the synthesized stack's folder, `cdktf.out/stacks/<stack>`, so no
 * machine path enters the JSON) or a Terraform Cloud workspace.
 */
export function configureStateBackend(stack: TerraformStack, backend: BackendSettings): void {
  if (backend.type === 'cloud') {
    new CloudBackend(stack, {
      hostname: backend.hostname,
      organization: backend.organization,
      workspaces: new NamedCloudWorkspace(backend.workspace, backend.project),
    });
  } else {
    new LocalBackend(stack, { path: backend.path });
  }
}
