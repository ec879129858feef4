import { actionMatches, coversAction } from '../policies/action-match';
import type { PolicyDocument, PolicyStatement } from '../policies/policy-statement';

const cache = new WeakMap<PolicyDocument, Map<string, boolean>>();

/**
 * False only when no statement of `document` can match a request for `action`
 * on `resource`: every statement lists actions that do not cover it (or a
 * NotAction that does), or resources none of which can match it. Such a policy
 * takes no part in the decision nor in its reasons (the evaluator reports only
 * statements that matched), so requests that differ only by it decide alike.
 * Errs towards true: resources are matched without regard to case, `*` across
 * every segment; a pattern with a policy variable or that is no ARN, and a
 * requested resource with a wildcard, may match anything.
 */
export function mayTakePart(document: PolicyDocument, action: string, resource: string): boolean {
  let byRequest = cache.get(document);
  if (!byRequest) cache.set(document, (byRequest = new Map()));
  const key = `${action} ${resource}`;
  let answer = byRequest.get(key);
  if (answer === undefined) {
    answer = document.statements.some((statement) => statementMayMatch(statement, action, resource));
    byRequest.set(key, answer);
  }
  return answer;
}

function statementMayMatch(statement: PolicyStatement, action: string, resource: string): boolean {
  if (!coversAction(statement, action)) return false;
  if (!statement.resources) return true; // NotResource, or no resource element: left to the evaluator.
  return statement.resources.some((pattern) => resourceMayMatch(pattern, resource));
}

function resourceMayMatch(pattern: string, resource: string): boolean {
  // A request on `*` (or any wildcard) asks about some resource: the evaluator intersects patterns, this does not.
  if (/[*?]/.test(resource) || pattern.includes('${') || !pattern.toLowerCase().startsWith('arn:')) return true;
  // The matcher of actions ignores case and lets `*` cross `:` and `/`: looser than any reading of a resource.
  return actionMatches(pattern, resource);
}
