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
  // No role's name holds a colon: text that starts like an ARN is one, and a wrong one is named as such.
  if (options.role.startsWith('arn:') && !isIamRoleArn(options.role)) {
    throw new UserError(
      `--role ${options.role} is not an IAM role ARN: arn:<partition>:iam::<12-digit account id>:role/<name>`,
    );
  }
  try {
    const current = loadCurrentStack(options);
    return findRoleUsage(current.stack, options.role, current.description);
  } catch (error) {
    const usable = error instanceof UserError;
    if (!usable || !isIamRoleArn(options.role)) throw error;
    return roleTargetOfArn(options.role);
  }
}
