import { resolveReferences } from './stack-roles';
import type { SynthesizedStackJson } from './synthesized-stack';

/** Where a synthesized stack keeps its state, and which settings file that state belongs to. */
export interface StackState {
  /** `terraform.x.tfstate (local file in the project root)` or `Terraform Cloud <host>, organization …, workspace …`. */
  readonly location: string;
  /** The settings file the stack records in its state (`locals.settings_file`), when it records one. */
  readonly settingsFile?: string;
}

/** Folders from a synthesized stack (`cdktf.out/stacks/<name>`) up to the project root. */
const FROM_STACK_TO_PROJECT_ROOT = '../../../';

/** Reads the backend and the settings-file record back from a synthesized stack. */
export function readStackState(stack: SynthesizedStackJson): StackState {
  const terraform = stack.terraform ?? {};
  const cloud = terraform.cloud as
    { hostname?: string; organization?: string; workspaces?: { name?: string; project?: string } } | undefined;
  const local = (terraform.backend as { local?: { path?: string } } | undefined)?.local;
  const recorded = stack.locals?.settings_file;
  const settingsFile = typeof recorded === 'string' ? resolveReferences(recorded, stack) : undefined;
  let location = 'terraform.tfstate (local file in the stack folder)';
  if (cloud) {
    const parts = [
      `Terraform Cloud ${cloud.hostname ?? 'app.terraform.io'}`,
      `organization ${cloud.organization ?? '(TF_CLOUD_ORGANIZATION)'}`,
      ...(cloud.workspaces?.project ? [`project ${cloud.workspaces.project}`] : []),
      `workspace ${cloud.workspaces?.name ?? '(TF_WORKSPACE)'}`,
    ];
    location = parts.join(', ');
  } else if (local?.path) {
    location = local.path.startsWith(FROM_STACK_TO_PROJECT_ROOT)
      ? `${local.path.slice(FROM_STACK_TO_PROJECT_ROOT.length)} (local file in the project root)`
      : `${local.path} (local file, relative to the stack folder)`;
  }
  return settingsFile ? { location, settingsFile } : { location };
}
