import type { PolicyDocument, PolicyStatement } from '../policies/policy-statement';

/**
 * Context keys whose value in a user's request is the user's own name: what AWS
 * puts in `aws:username`, and the session name `cross-account assume` sends.
 * Requests that differ only there (and in the user's ARN) may share an evaluation.
 */
export const USER_NAMED_CONTEXT_KEYS: readonly string[] = ['aws:username', 'sts:RoleSessionName'];

/**
 * Condition keys whose value depends on who the user is: the keys above, and
 * those AWS fills from the caller's identity (its ARN, unique id, tags, source
 * identity). The evaluator is only given the keys above, but a statement that
 * reads any of these is about the person, so it is never shared.
 */
const USER_DEPENDENT_KEYS: ReadonlySet<string> = new Set(
  [
    ...USER_NAMED_CONTEXT_KEYS,
    'aws:userid',
    'aws:PrincipalArn',
    'aws:SourceIdentity',
    'sts:SourceIdentity',
    'aws:FederatedProvider',
  ].map((key) => key.toLowerCase()),
);
const USER_DEPENDENT_KEY_PREFIXES: readonly string[] = ['aws:principaltag/'];

/** An AWS principal that matches every user of an account alike: `*`, an account id, an account's root. */
const WHOLE_ACCOUNT_PRINCIPAL = /^(\*|\d{12}|arn:[a-z-]+:iam::\d{12}:root)$/;

const cache = new WeakMap<PolicyDocument, Map<string, boolean>>();

/**
 * True when a statement of `document` that may apply to `action` could decide
 * differently for two users of one account: it names a principal other than a
 * whole account or `*` (a user's ARN), reads a condition key that depends on the
 * user, or holds a policy variable (`${aws:username}`) anywhere. A statement
 * whose every action names another service (`iam:ChangePassword` for
 * `sts:AssumeRole`) never applies, so it cannot tell users apart.
 */
export function readsWhoAsks(document: PolicyDocument, action: string): boolean {
  const service = action.slice(0, action.indexOf(':')).toLowerCase();
  let byService = cache.get(document);
  if (!byService) cache.set(document, (byService = new Map()));
  let answer = byService.get(service);
  if (answer === undefined) {
    answer = document.statements.some(
      (statement) => mayApplyToService(statement, service) && statementReadsWhoAsks(statement),
    );
    byService.set(service, answer);
  }
  return answer;
}

/** False only when every `Action` pattern names another service without wildcards in its service part. */
function mayApplyToService(statement: PolicyStatement, service: string): boolean {
  if (!statement.actions) return true; // NotAction: applies to every action it does not list.
  return statement.actions.some((pattern) => {
    const colon = pattern.indexOf(':');
    const prefix = colon < 0 ? pattern : pattern.slice(0, colon);
    return colon < 0 || /[*?]/.test(prefix) || prefix.toLowerCase() === service;
  });
}

function statementReadsWhoAsks(statement: PolicyStatement): boolean {
  const principals = statement.principals;
  if (principals !== undefined && principals !== '*') {
    for (const [type, ids] of Object.entries(principals)) {
      if (type !== 'AWS' || !ids.every((id) => WHOLE_ACCOUNT_PRINCIPAL.test(id))) return true;
    }
  }
  for (const byKey of Object.values(statement.conditions ?? {})) {
    for (const [key, values] of Object.entries(byKey)) {
      const lower = key.toLowerCase();
      if (USER_DEPENDENT_KEYS.has(lower) || USER_DEPENDENT_KEY_PREFIXES.some((prefix) => lower.startsWith(prefix)))
        return true;
      if (hasPolicyVariable(key) || [values].flat().some(hasPolicyVariable)) return true;
    }
  }
  return [...(statement.resources ?? []), ...(statement.notResources ?? [])].some(hasPolicyVariable);
}

/** `${aws:username}` and the like; `${*}`, `${?}` and `${$}` are escaped characters, the same for everyone. */
function hasPolicyVariable(text: string): boolean {
  return /\$\{(?![*?$]\})[^}]*\}/.test(text);
}
