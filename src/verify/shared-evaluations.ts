import { evaluateRequest, isValidIdentityPolicy, type AccessDecision, type AccessRequest } from './evaluate-request';
import { mayTakePart } from './policy-relevance';
import { readsWhoAsks, USER_NAMED_CONTEXT_KEYS } from './user-dependence';
import { parseArn } from '../policies/arn';
import { toPolicyJson, type PolicyDocument } from '../policies/policy-statement';

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
  private readonly decisions = new Map<string, Promise<SharedDecision>>();
  private readonly documentIds = new WeakMap<PolicyDocument, number>();
  private readonly idsByText = new Map<string, number>();
  /** What requests of one shape share: worked out once, not for each of 50,000 requests. */
  private readonly shapes = new Map<string, Shape | null>();
  private readonly policyListIds = new WeakMap<AccessRequest['identityPolicies'], string>();
  private readonly kinds = new Map<string, string | null>();
  /** How many requests were evaluated, and how many were asked. */
  readonly counts = { evaluated: 0, asked: 0 };

  async decide(request: AccessRequest, requester?: Requester): Promise<AccessDecision> {
    this.counts.asked++;
    const sharing = this.sharingKey(request, requester);
    if (sharing === undefined) {
      this.counts.evaluated++;
      return evaluateRequest(request);
    }
    let shared = this.decisions.get(sharing.key);
    if (!shared) {
      this.counts.evaluated++;
      shared = evaluateRequest(request).then((decision) => ({ decision, labels: sharing.labels }));
      this.decisions.set(sharing.key, shared);
    }
    return relabel(await shared, sharing.labels);
  }

  /**
   * What two requests must have in common to share an evaluation, and the labels of the identity policies
   * that take part, in order; undefined when this request must be evaluated alone.
   */
  private sharingKey(
    request: AccessRequest,
    requester: Requester | undefined,
  ): { readonly key: string; readonly labels: readonly string[] } | undefined {
    const {
      principal,
      action,
      resource,
      resourceAccountId,
      identityPolicies,
      resourcePolicy,
      permissionsBoundary,
      context,
      ...unknown
    } = request;
    if (Object.keys(unknown).length > 0 || requester === undefined || principal !== requester.arn) return undefined;
    const kind = this.requesterKind(principal, requester.userName !== undefined);
    if (kind === undefined) return undefined;
    const shapeKey = JSON.stringify([
      kind,
      action,
      resource,
      resourceAccountId,
      resourcePolicy ? this.documentId(resourcePolicy) : '',
      permissionsBoundary ? [this.documentId(permissionsBoundary.document), permissionsBoundary.label] : '',
      this.documentIdsOf(identityPolicies),
    ]);
    let shape = this.shapes.get(shapeKey);
    if (shape === undefined)
      this.shapes.set(shapeKey, (shape = shapeOf(request, kind, (document) => this.documentId(document))));
    if (shape === null) return undefined;
    const labels = shape.labelsOf(identityPolicies);
    if (labels === null) return undefined;
    return { key: `${shape.key}\n${contextKey(context, requester.userName)}`, labels };
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

  /**
   * The ids of `policies`' documents, in order, as one string: worked out once
   * per list (a principal's requests share theirs, see `requestOf`).
   */
  private documentIdsOf(policies: AccessRequest['identityPolicies']): string {
    let ids = this.policyListIds.get(policies);
    if (ids === undefined)
      this.policyListIds.set(policies, (ids = policies.map((policy) => this.documentId(policy.document)).join(',')));
    return ids;
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

/** What a user's requests of one shape (account, action, resource, policy documents) have in common. */
interface Shape {
  /** Everything but the context that a request sharing the evaluation must have alike. */
  readonly key: string;
  /** Positions of the identity policies that can take part. */
  readonly taking: readonly number[];
  /** The labels of the policies at those positions in `policies`; null when two are alike (they could not be told apart). */
  labelsOf(policies: AccessRequest['identityPolicies']): readonly string[] | null;
}

/** The shape of a request, or null when requests of that shape must each be evaluated alone. */
function shapeOf(request: AccessRequest, kind: string, documentId: (document: PolicyDocument) => number): Shape | null {
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
    key,
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
 * whoever asks: requests that differ only there may share an evaluation.
 */
function contextKey(context: AccessRequest['context'], userName: string | undefined): string {
  if (!context) return '[]';
  const entries: [string, string][] = [];
  for (const key of Object.keys(context).sort()) {
    const value = context[key];
    entries.push([
      key,
      userName !== undefined && USER_NAMED_CONTEXT_KEYS.includes(key) && value === userName ? '<user name>' : value,
    ]);
  }
  return JSON.stringify(entries);
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
