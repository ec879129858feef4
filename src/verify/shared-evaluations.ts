import { evaluateRequest, isValidIdentityPolicy, type AccessDecision, type AccessRequest } from './evaluate-request';
import { mayTakePart } from './policy-relevance';
import { readsWhoAsks, USER_NAMED_CONTEXT_KEYS } from './user-dependence';
import { parseArn } from '../policies/arn';
import { toPolicyJson, type PolicyDocument } from '../policies/policy-statement';

/** The fields of an {@link AccessRequest} this class knows how to share: a request with any other is evaluated alone. */
const KNOWN_FIELDS: ReadonlySet<string> = new Set<keyof AccessRequest>([
  'principal',
  'action',
  'resource',
  'resourceAccountId',
  'identityPolicies',
  'resourcePolicy',
  'permissionsBoundary',
  'context',
]);

/** Who makes a request that may share an evaluation with those of others alike: a user, or a session of a role. */
export interface Requester {
  /** The request's principal: the user's ARN, or the ARN of the role's session. */
  readonly arn: string;
  /** The user's name, which AWS puts in `aws:username` and `assume` names the session after. @default none: a role's session */
  readonly userName?: string;
}

/** Decides requests: each on its own, or sharing one evaluation between requests that cannot differ. */
export interface RequestEvaluator {
  decide(request: AccessRequest, requester?: Requester): Promise<AccessDecision>;
}

/** Every request evaluated on its own: what {@link SharedEvaluations} must always agree with. */
export const ONE_BY_ONE: RequestEvaluator = { decide: (request) => evaluateRequest(request) };

/**
 * Decides requests, evaluating once the requests that cannot differ and
 * re-labelling the answer for each. A 1,000-user stack asks 50,000 times
 * whether a user may assume a role, but its users fall into a few dozen kinds
 * (the same groups, the same policies), so most of those questions are the same
 * question asked for another name.
 *
 * The same holds for the role probes: roles of one account that hold alike
 * policies, or none that bears on a probe, ask the same question of another
 * bucket or of IAM.
 *
 * Why sharing is sound: two requests share an evaluation only when they are
 * the same in everything the evaluator reads (action, resource, its account,
 * the context, the documents of the identity policies that can take part, in
 * order, the resource policy, the permissions boundary and its label), and
 * their principals are of one kind: users of one account, or sessions of one
 * name of roles of one account. What may differ is the principal's ARN, a
 * user's name in the values of {@link USER_NAMED_CONTEXT_KEYS}, and the labels
 * of the identity policies. In @cloud-copilot/iam-simulate (read at 0.1.173)
 * those reach the decision only this way:
 * - the request context is exactly the keys we pass (nothing is derived from
 *   the principal), read by conditions and by policy variables such as
 *   `${aws:username}`;
 * - the principal ARN is read by the Principal elements of the resource policy,
 *   for its account (the same within a kind), for its kind (an IAM user, or an
 *   assumed-role session) and for a session's name (the same within a kind);
 * - policy names are identifiers in the analysis, never compared;
 * - a valid policy none of whose statements can match the action and resource
 *   ({@link mayTakePart}) appears nowhere in the analysis: the evaluator
 *   reports the statements that matched. Per role, most users' policies are
 *   about other roles, so users of many kinds ask the same question.
 * So sharing is refused whenever a statement that may apply to the action, in a
 * policy that can take part, the resource policy or the boundary, names a
 * principal other than a whole account or `*`, reads a condition key that
 * depends on who asks, or holds a policy variable ({@link readsWhoAsks}). A
 * request without a {@link Requester}, or with a field this class does not
 * know, is never shared. Labels are mapped by position, the documents at each
 * position being equal. `__tests__/shared-evaluations.test.ts` compares the
 * shared matrix with the one-by-one matrix on every settings file and on
 * generated settings whose policies and trusts tell users and roles apart.
 */
export class SharedEvaluations implements RequestEvaluator {
  private readonly documentIds = new WeakMap<PolicyDocument, number>();
  private readonly idsByText = new Map<string, number>();
  /** An id per list of identity-policy documents (alike lists, alike ids), worked out once per list object. */
  private readonly policySetIds = new WeakMap<AccessRequest['identityPolicies'], number>();
  private readonly idsBySet = new Map<string, number>();
  /**
   * The shape of each request asked so far, by policy set, then resource, then the rest. A 1,000-user matrix
   * asks 50,000 times; keyed by numbers and by strings it already holds (a role's ARN), the index costs
   * a few lookups per request, where a Map keyed by a string built for each request hashes it every time.
   */
  private readonly shapeIndex = new Map<number, Map<string, ShapeEntry[]>>();
  /** Shapes with the same key share their evaluations: policy sets that differ only in policies that take no part. */
  private readonly groups = new Map<string, EvaluationGroup>();
  private readonly kinds = new Map<string, string | null>();
  /** How many requests were evaluated, and how many were asked. */
  readonly counts = { evaluated: 0, asked: 0 };

  async decide(request: AccessRequest, requester?: Requester): Promise<AccessDecision> {
    this.counts.asked++;
    const sharing = this.sharing(request, requester);
    if (sharing === undefined) {
      this.counts.evaluated++;
      return evaluateRequest(request);
    }
    const { group, labels, context } = sharing;
    let shared = group.decisions.get(context);
    if (!shared) {
      this.counts.evaluated++;
      shared = evaluateRequest(request).then((decision) => ({ decision, labels }));
      group.decisions.set(context, shared);
    }
    return relabel(await shared, labels);
  }

  /**
   * The evaluations this request may share, with its context as their key and the labels of its identity
   * policies that take part, in order; undefined when it must be evaluated alone.
   */
  private sharing(
    request: AccessRequest,
    requester: Requester | undefined,
  ): { readonly group: EvaluationGroup; readonly context: string; readonly labels: readonly string[] } | undefined {
    for (const field in request) if (!KNOWN_FIELDS.has(field)) return undefined;
    if (requester === undefined || request.principal !== requester.arn) return undefined;
    const kind = this.requesterKind(request.principal, requester.userName !== undefined);
    if (kind === undefined) return undefined;
    const shape = this.shapeOf(request, kind);
    if (shape === null) return undefined;
    const labels = shape.labelsOf(request.identityPolicies);
    if (labels === null) return undefined;
    return { group: shape.group, context: contextKey(request.context, requester.userName), labels };
  }

  /** The shape of `request`, from the index or worked out once for its policy set, resource and the rest. */
  private shapeOf(request: AccessRequest, kind: string): Shape | null {
    const { action, resource, resourceAccountId, resourcePolicy, permissionsBoundary } = request;
    const policySet = this.policySetId(request.identityPolicies);
    let byResource = this.shapeIndex.get(policySet);
    if (!byResource) this.shapeIndex.set(policySet, (byResource = new Map()));
    let entries = byResource.get(resource);
    if (!entries) byResource.set(resource, (entries = []));
    const resourcePolicyId = resourcePolicy ? this.documentId(resourcePolicy) : -1;
    const boundaryId = permissionsBoundary ? this.documentId(permissionsBoundary.document) : -1;
    const boundaryLabel = permissionsBoundary?.label;
    for (const entry of entries)
      if (
        entry.kind === kind &&
        entry.action === action &&
        entry.resourceAccountId === resourceAccountId &&
        entry.resourcePolicyId === resourcePolicyId &&
        entry.boundaryId === boundaryId &&
        entry.boundaryLabel === boundaryLabel
      )
        return entry.shape;
    const shape = workOutShape(
      request,
      kind,
      (document) => this.documentId(document),
      (key) => {
        let group = this.groups.get(key);
        if (!group) this.groups.set(key, (group = { decisions: new Map() }));
        return group;
      },
    );
    entries.push({ kind, action, resourceAccountId, resourcePolicyId, boundaryId, boundaryLabel, shape });
    return shape;
  }

  /**
   * What the principals of requesters of one kind have alike: a user's partition and account; a role session's
   * partition, account and session name (every role of one account probed under one session name). undefined for
   * any other principal, which is never shared.
   */
  private requesterKind(arn: string, user: boolean): string | undefined {
    const known = this.kinds.get(arn);
    if (known !== undefined) return known ?? undefined;
    const parts = parseArn(arn);
    const session = parts && /^assumed-role\/[^/]+\/([^/]+)$/.exec(parts.resource);
    const kind = !parts
      ? undefined
      : user
        ? parts.service === 'iam' && parts.resource.startsWith('user/')
          ? `user ${parts.partition} ${parts.account}`
          : undefined
        : parts.service === 'sts' && session
          ? `session ${parts.partition} ${parts.account} ${session[1]}`
          : undefined;
    this.kinds.set(arn, kind ?? null);
    return kind;
  }

  /** One number for lists of the same documents in the same order, worked out once per list object (see `requestOf`). */
  private policySetId(policies: AccessRequest['identityPolicies']): number {
    let id = this.policySetIds.get(policies);
    if (id === undefined) {
      const documents = policies.map((policy) => this.documentId(policy.document)).join(',');
      id = this.idsBySet.get(documents);
      if (id === undefined) this.idsBySet.set(documents, (id = this.idsBySet.size));
      this.policySetIds.set(policies, id);
    }
    return id;
  }

  /** The same number for documents with the same JSON: a user's own policy is a document of its own. */
  private documentId(document: PolicyDocument): number {
    let id = this.documentIds.get(document);
    if (id === undefined) {
      const text = toPolicyJson(document);
      id = this.idsByText.get(text);
      if (id === undefined) this.idsByText.set(text, (id = this.idsByText.size));
      this.documentIds.set(document, id);
    }
    return id;
  }
}

interface SharedDecision {
  readonly decision: AccessDecision;
  /** The labels of the identity policies that took part in the request that was evaluated. */
  readonly labels: readonly string[];
}

/** Evaluations shared by requests of one shape, by their context. */
interface EvaluationGroup {
  readonly decisions: Map<string, Promise<SharedDecision>>;
}

/** A shape asked before: what a request must have alike to be of it, besides its policy set and resource. */
interface ShapeEntry {
  readonly kind: string;
  readonly action: string;
  readonly resourceAccountId: string;
  /** The resource policy's document id, or -1 without one. */
  readonly resourcePolicyId: number;
  /** The boundary's document id, or -1 without one. */
  readonly boundaryId: number;
  readonly boundaryLabel: string | undefined;
  readonly shape: Shape | null;
}

/** What requests of one shape (kind of principal, action, resource, policy documents) have in common. */
interface Shape {
  /** The evaluations of requests of shapes that are alike in everything but policies that take no part. */
  readonly group: EvaluationGroup;
  /** Positions of the identity policies that can take part. */
  readonly taking: readonly number[];
  /** The labels of the policies at those positions in `policies`; null when two are alike (they could not be told apart). */
  labelsOf(policies: AccessRequest['identityPolicies']): readonly string[] | null;
}

/** The shape of a request, or null when requests of that shape must each be evaluated alone. */
function workOutShape(
  request: AccessRequest,
  kind: string,
  documentId: (document: PolicyDocument) => number,
  groupOf: (key: string) => EvaluationGroup,
): Shape | null {
  const { action, resource, resourcePolicy, permissionsBoundary, identityPolicies } = request;
  // A policy no statement of which can match the request changes neither the decision nor its reasons; an
  // invalid one makes the whole request invalid, so it always counts. A boundary always counts: what it does
  // not allow, it denies.
  const taking = identityPolicies.flatMap((policy, position) =>
    !isValidIdentityPolicy(policy.document) || mayTakePart(policy.document, action, resource) ? [position] : [],
  );
  const documents = [
    ...taking.map((position) => identityPolicies[position].document),
    ...(resourcePolicy ? [resourcePolicy] : []),
    ...(permissionsBoundary ? [permissionsBoundary.document] : []),
  ];
  if (documents.some((document) => readsWhoAsks(document, action))) return null;
  const key = JSON.stringify([
    kind,
    action,
    resource,
    request.resourceAccountId,
    resourcePolicy ? documentId(resourcePolicy) : null,
    permissionsBoundary ? [documentId(permissionsBoundary.document), permissionsBoundary.label] : null,
    taking.map((position) => documentId(identityPolicies[position].document)),
  ]);
  const labelsByList = new WeakMap<AccessRequest['identityPolicies'], readonly string[] | null>();
  return {
    group: groupOf(key),
    taking,
    labelsOf(policies) {
      let labels = labelsByList.get(policies);
      if (labels === undefined) {
        const taken = taking.map((position) => policies[position].label);
        labelsByList.set(policies, (labels = new Set(taken).size === taken.length ? taken : null));
      }
      return labels;
    },
  };
}

/**
 * The request context as a key, sorted, the user's own name in {@link USER_NAMED_CONTEXT_KEYS} standing for
 * whoever asks: requests that differ only there may share an evaluation. Each name and value is quoted (JSON),
 * the user's name is not, so no two contexts make one key.
 */
function contextKey(context: AccessRequest['context'], userName: string | undefined): string {
  let key = '';
  if (!context) return key;
  for (const name of Object.keys(context).sort()) {
    const value = context[name];
    const whoAsks = userName !== undefined && value === userName && USER_NAMED_CONTEXT_KEYS.includes(name);
    key += `${JSON.stringify(name)}:${whoAsks ? 'user' : JSON.stringify(value)},`;
  }
  return key;
}

/** The shared decision in the words of another request: its policy at the same position for each deciding one. */
function relabel(shared: SharedDecision, labels: readonly string[]): AccessDecision {
  if (shared.labels.every((label, i) => label === labels[i])) return shared.decision;
  return {
    ...shared.decision,
    deciding: shared.decision.deciding.map((reason) => {
      if (reason.policyType !== 'identity' || reason.policy === undefined) return reason;
      const position = shared.labels.indexOf(reason.policy);
      if (position < 0) throw new Error(`the evaluator named a policy the request does not hold: ${reason.policy}`);
      return { ...reason, policy: labels[position] };
    }),
  };
}
