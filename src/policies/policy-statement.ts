// Over 200 lines for one concept: the one model of an IAM policy statement (identity and trust told apart),
// its JSON in both directions, and the problems IAM would refuse, so no second model can grow elsewhere.
import { createHash } from 'node:crypto';

/**
 * The one model of an IAM policy: typed plain data, built by the policy
 * documents of this folder and read back from JSON (the stack's, or AWS's
 * managed policies), turned into IAM JSON by one function. Identity statements
 * name resources and never a principal; trust statements name principals.
 */

/** IAM condition block: operator → key → value(s), e.g. `{ Bool: { 'aws:MultiFactorAuthPresent': 'true' } }`. */
export type Conditions = Readonly<Record<string, Readonly<Record<string, string | readonly string[]>>>>;

/** A statement's principals: `*` (anyone) or type → ids, e.g. `{ AWS: ['arn:aws:iam::111111111111:root'] }`. */
export type Principals = '*' | Readonly<Record<string, readonly string[]>>;

interface StatementBase {
  /** Statement id: letters and digits only. Every statement the stack writes has one; AWS's own may not. */
  readonly sid?: string;
  readonly effect: 'Allow' | 'Deny';
  /** Actions the statement covers. Give `actions` or `notActions`. */
  readonly actions?: readonly string[];
  /** Every action but these. @default none */
  readonly notActions?: readonly string[];
  /** @default no conditions */
  readonly conditions?: Conditions;
}

/** A statement of an identity policy (a user's, group's or role's): resources, never a principal. */
export interface IdentityStatement extends StatementBase {
  readonly resources?: readonly string[];
  readonly notResources?: readonly string[];
  readonly principals?: undefined;
}

/** A statement of a resource policy such as a role's trust policy: who it lets in. */
export interface TrustStatement extends StatementBase {
  readonly principals: Principals;
  /** Resource policies may name resources too (a bucket policy); trust policies do not. @default none */
  readonly resources?: readonly string[];
  readonly notResources?: readonly string[];
}

/** One statement, of either kind. */
export type PolicyStatement = IdentityStatement | TrustStatement;

/** A policy document: its statements, in order. */
export interface PolicyDocument<Statement extends PolicyStatement = PolicyStatement> {
  readonly statements: readonly Statement[];
}

/** An identity policy document. */
export type IdentityPolicy = PolicyDocument<IdentityStatement>;

/** A trust policy document. */
export type TrustPolicyDocument = PolicyDocument<TrustStatement>;

/** True for a statement that names principals (a trust or other resource policy's). */
export function isTrustStatement(statement: PolicyStatement): statement is TrustStatement {
  return statement.principals !== undefined;
}

/** IAM JSON as AWS reads it: what {@link toPolicyObject} writes and {@link parsePolicyDocument} reads. */
export type PolicyObject = { readonly Version?: string; readonly Statement: unknown };

/** The one way a {@link PolicyDocument} becomes an IAM JSON object (stable key order, 2012-10-17). */
export function toPolicyObject(document: PolicyDocument): PolicyObject {
  return {
    Version: '2012-10-17',
    Statement: document.statements.map((statement) => ({
      ...(statement.sid !== undefined && { Sid: statement.sid }),
      Effect: statement.effect,
      ...(statement.principals && {
        Principal: statement.principals === '*' ? '*' : mapValues(statement.principals, oneOrMany),
      }),
      ...(statement.actions && { Action: oneOrMany(statement.actions) }),
      ...(statement.notActions && { NotAction: oneOrMany(statement.notActions) }),
      ...(statement.resources && { Resource: oneOrMany(statement.resources) }),
      ...(statement.notResources && { NotResource: oneOrMany(statement.notResources) }),
      ...(statement.conditions && { Condition: statement.conditions }),
    })),
  };
}

/** The document as IAM JSON text. */
export function toPolicyJson(document: PolicyDocument): string {
  return JSON.stringify(toPolicyObject(document));
}

/**
 * Reads IAM JSON (a parsed object, or text) into a {@link PolicyDocument}:
 * one-or-many elements become lists. Undefined when it is not a policy.
 */
export function parsePolicyDocument(json: unknown): PolicyDocument | undefined {
  let value = json;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  if (!isRecord(value) || value.Statement === undefined) return undefined;
  const raw = Array.isArray(value.Statement) ? value.Statement : [value.Statement];
  const statements: PolicyStatement[] = [];
  for (const item of raw) {
    if (!isRecord(item) || (item.Effect !== 'Allow' && item.Effect !== 'Deny')) return undefined;
    const list = (element: unknown) => (element === undefined ? undefined : [element].flat().map(String));
    statements.push({
      ...(typeof item.Sid === 'string' && { sid: item.Sid }),
      effect: item.Effect,
      ...(item.Principal !== undefined && {
        principals:
          item.Principal === '*'
            ? '*'
            : mapValues(isRecord(item.Principal) ? item.Principal : {}, (ids) => list(ids) ?? []),
      }),
      ...(item.Action !== undefined && { actions: list(item.Action) }),
      ...(item.NotAction !== undefined && { notActions: list(item.NotAction) }),
      ...(item.Resource !== undefined && { resources: list(item.Resource) }),
      ...(item.NotResource !== undefined && { notResources: list(item.NotResource) }),
      ...(isRecord(item.Condition) && { conditions: item.Condition as Conditions }),
    } as PolicyStatement);
  }
  return { statements };
}

/** What is wrong with a document used as an identity policy: each statement needs resources and no principal. */
export function identityPolicyProblems(
  document: PolicyDocument,
): { readonly statement: string; readonly message: string }[] {
  return document.statements.flatMap((statement, i) => {
    const where = statement.sid ?? `#${i + 1}`;
    if (statement.principals !== undefined)
      return [{ statement: where, message: 'names a principal: identity policies apply to their holder' }];
    if (!statement.resources && !statement.notResources)
      return [{ statement: where, message: 'names no resource: identity policy statements need Resource' }];
    return [];
  });
}

/** What is wrong with a document used as a trust policy: each statement needs a principal. */
export function trustPolicyProblems(
  document: PolicyDocument,
): { readonly statement: string; readonly message: string }[] {
  return document.statements.flatMap((statement, i) =>
    statement.principals === undefined
      ? [{ statement: statement.sid ?? `#${i + 1}`, message: 'names no principal: a trust policy says who may assume' }]
      : [],
  );
}

/**
 * A readable statement id from name parts. IAM allows only letters and digits, so every run of
 * other characters is a word boundary: `acc-to-update-prod-s3` gives `AccToUpdateProdS3`, and
 * `S3ProductionAccessRole` stays as it is. Different names may come out alike (`a-b`, `a.b`):
 * {@link uniqueSids} keeps the ids of one policy apart.
 */
export function toSid(...parts: readonly string[]): string {
  return parts
    .flatMap((part) => part.split(/[^A-Za-z0-9]+/))
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

/**
 * The ids of one policy's statements, each the {@link toSid} of its parts, unique in the
 * policy (IAM refuses two statements with one Sid, and we treat ids that differ in case alone
 * as one). Ids that come out alike each get the first 8 hex digits of a SHA-256 of their own
 * parts: an id depends on its own name and on whether another name of the policy flattens
 * like it, never on the order of the statements. Identical parts (a name listed twice) are
 * numbered in order.
 */
export function uniqueSids(partsOfEach: readonly (readonly string[])[]): string[] {
  const readable = partsOfEach.map((parts) => toSid(...parts));
  const count = (ids: readonly string[]) => {
    const counts = new Map<string, number>();
    for (const id of ids) counts.set(id.toLowerCase(), (counts.get(id.toLowerCase()) ?? 0) + 1);
    return counts;
  };
  const alike = count(readable);
  const hashed = readable.map((sid, i) =>
    (alike.get(sid.toLowerCase()) ?? 0) > 1 ? `${sid}${shortHash(partsOfEach[i])}` : sid,
  );
  const repeated = count(hashed);
  const seen = new Map<string, number>();
  return hashed.map((sid) => {
    if ((repeated.get(sid.toLowerCase()) ?? 0) < 2) return sid;
    const n = (seen.get(sid.toLowerCase()) ?? 0) + 1;
    seen.set(sid.toLowerCase(), n);
    return n === 1 ? sid : `${sid}${n}`;
  });
}

function shortHash(parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 8);
}

function oneOrMany(values: readonly string[]): string | readonly string[] {
  return values.length === 1 ? values[0] : values;
}

function mapValues<T, U>(record: Readonly<Record<string, T>>, map: (value: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value)]));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
