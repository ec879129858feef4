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
  if (statement.notActions) return !someActionMatches(statement.notActions, action);
  return someActionMatches(statement.actions ?? [], action);
}

/** A list's patterns by the service they name, and those whose service part has a wildcard (or that have none). */
interface PatternsByService {
  readonly byService: ReadonlyMap<string, readonly string[]>;
  readonly anyService: readonly string[];
}

const indexes = new WeakMap<readonly string[], PatternsByService>();

/**
 * True when a pattern of `patterns` covers `action`. ReadOnlyAccess lists thousands of actions; only those of
 * the action's service (the text before `:`, without wildcards) can cover it, so only they are tried.
 */
function someActionMatches(patterns: readonly string[], action: string): boolean {
  const colon = action.indexOf(':');
  if (colon < 0 || patterns.length < 8) return patterns.some((pattern) => actionMatches(pattern, action));
  let index = indexes.get(patterns);
  if (!index) indexes.set(patterns, (index = indexByService(patterns)));
  const ofService = index.byService.get(action.slice(0, colon).toLowerCase()) ?? [];
  return (
    ofService.some((pattern) => actionMatches(pattern, action)) ||
    index.anyService.some((pattern) => actionMatches(pattern, action))
  );
}

function indexByService(patterns: readonly string[]): PatternsByService {
  const byService = new Map<string, string[]>();
  const anyService: string[] = [];
  for (const pattern of patterns) {
    const colon = pattern.indexOf(':');
    const service = colon < 0 ? '*' : pattern.slice(0, colon);
    if (/[*?]/.test(service)) anyService.push(pattern);
    else {
      const key = service.toLowerCase();
      const list = byService.get(key);
      if (list) list.push(pattern);
      else byService.set(key, [pattern]);
    }
  }
  return { byService, anyService };
}
