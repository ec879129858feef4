/**
 * IAM's matching of actions and resources against the patterns a statement
 * lists: the one matcher every reader of policies uses. Actions match without
 * regard to case, resources with it; `*` is any run of characters, `?` one.
 */

// By case rule, then pattern: a key made of both was a string built on every one of a large stack's million matches.
const compiled = { i: new Map<string, RegExp>(), s: new Map<string, RegExp>() };

function patternRegex(pattern: string, ignoreCase: boolean): RegExp {
  const cache = ignoreCase ? compiled.i : compiled.s;
  let regex = cache.get(pattern);
  if (!regex) {
    const body = pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.');
    regex = new RegExp(`^${body}$`, ignoreCase ? 'is' : 's');
    cache.set(pattern, regex);
  }
  return regex;
}

/** True when the action pattern (`s3:Get*`, `*`) covers `action` (`s3:GetObject`). */
export function actionMatches(pattern: string, action: string): boolean {
  return patternRegex(pattern, true).test(action);
}

/** True when the resource pattern (`arn:aws:s3:::bucket/*`) covers `resource`. */
export function resourceMatches(pattern: string, resource: string): boolean {
  return patternRegex(pattern, false).test(resource);
}

/** True when a statement's `Action` (or, with `NotAction`, the absence of a match) covers `action`. */
export function coversAction(
  statement: { readonly actions?: readonly string[]; readonly notActions?: readonly string[] },
  action: string,
): boolean {
  if (statement.notActions) return !statement.notActions.some((pattern) => actionMatches(pattern, action));
  return (statement.actions ?? []).some((pattern) => actionMatches(pattern, action));
}
