import { findRoleUsage } from '../access/role-usage';
import { isIamRoleArn } from '../policies/arn';
import { roleTargetOfArn, type RoleTarget } from '../session/role-session';
import { UserError } from '../user-error';
import { loadCurrentStack } from './current-stack';

/** A role of the settings; an ARN not in them is assumed as given (for credential_process run from anywhere). */
export function resolveRoleTarget(options: {
  readonly role: string;
  readonly config: string;
  readonly outdir?: string;
}): RoleTarget {
  try {
    const current = loadCurrentStack(options);
    return findRoleUsage(current.stack, options.role, current.description);
  } catch (error) {
    const usable = error instanceof UserError;
    if (!usable || !isIamRoleArn(options.role)) throw error;
    return roleTargetOfArn(options.role);
  }
}
