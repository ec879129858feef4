import type { TerraformResourceLifecycle } from 'cdktf';

type Postcondition = NonNullable<TerraformResourceLifecycle['postcondition']>[number];

/**
 * The plan-time check that a user is already a member of an existing group
 * (`users[].existingMemberships`): a postcondition on the group's data source,
 * so `cdktf plan` fails, naming both, when the membership the settings rely on
 * is not there. User names are IAM names (letters, digits and `+=,.@_-`), so
 * they need no escaping inside the HCL string. src/access reads the condition
 * back (stack-principals.ts) to count the membership.
 */
export function existingMemberCheck(userName: string): Postcondition {
  return {
    condition: `\${contains(self.users[*].user_name, "${userName}")}`,
    errorMessage: `User ${userName} is not a member of this group, but the settings list it under existingMemberships: add the membership in IAM, or move the group to the user's groups so the stack adds it.`,
  };
}
