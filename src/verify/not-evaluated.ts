import type { ExistingResource, StackPrincipals } from '../access';

/** What `verify` says of a principal that exists, or is in a group that exists, outside the stack. */
export const NOT_EVALUATED_NOTE = 'policies not managed here are not evaluated';

/** A user or role whose decisions rest on the stack's policies alone, and why. */
export interface NotEvaluated {
  /** The user or role name, as in the matrix. */
  readonly principal: string;
  readonly kind: 'user' | 'role';
  /** It, or the groups it is in, that exist outside the stack. */
  readonly existing: readonly ExistingResource[];
  /** One line: `David: user David (reference), group DevGroup (reference) exist outside the stack; policies …`. */
  readonly note: string;
}

/**
 * The principals whose access the report cannot decide in full: an existing
 * user's or group's other policies (and memberships the stack does not know
 * of) are not in the synthesized JSON. Decisions are made on the stack's
 * policies alone; an explicit deny among them still holds whatever else exists.
 */
export function findNotEvaluated(principals: Pick<StackPrincipals, 'users' | 'roles'>): NotEvaluated[] {
  const entries = [
    ...principals.users.map((user) => ({ principal: user.name, kind: 'user' as const, existing: user.existing })),
    ...principals.roles.map((role) => ({ principal: role.name, kind: 'role' as const, existing: role.existing })),
  ];
  return entries
    .filter((entry) => entry.existing.length > 0)
    .map((entry) => {
      const parts = entry.existing.map((resource) => `${resource.kind} ${resource.name} (${resource.how})`);
      const verb = parts.length === 1 ? 'exists' : 'exist';
      return {
        ...entry,
        note: `${entry.principal}: ${parts.join(', ')} ${verb} outside the stack; ${NOT_EVALUATED_NOTE}`,
      };
    });
}
