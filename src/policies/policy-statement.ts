/** IAM condition block: operator → key → value(s), e.g. `{ Bool: { 'aws:MultiFactorAuthPresent': 'true' } }`. */
export type Conditions = Readonly<Record<string, Readonly<Record<string, string | readonly string[]>>>>;

/** One IAM policy statement as typed plain data. */
export interface PolicyStatement {
  /** Stable statement id: letters and digits only, as IAM requires. */
  readonly sid: string;
  readonly effect: 'Allow' | 'Deny';
  readonly actions: readonly string[];
  /** Resources (identity policies); absent in trust policies. */
  readonly resources?: readonly string[];
  /** Principals (trust policies): type → ids, e.g. `{ AWS: ['arn:aws:iam::111111111111:root'] }`. */
  readonly principals?: Readonly<Record<string, readonly string[]>>;
  /** @default no conditions */
  readonly conditions?: Conditions;
}

/** A policy document: its statements, in order. */
export interface PolicyDocument {
  readonly statements: readonly PolicyStatement[];
}

/** The one way a {@link PolicyDocument} becomes IAM JSON text (stable key order, 2012-10-17). */
export function toPolicyJson(document: PolicyDocument): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: document.statements.map((statement) => ({
      Sid: statement.sid,
      Effect: statement.effect,
      ...(statement.principals && { Principal: mapValues(statement.principals, oneOrMany) }),
      Action: oneOrMany(statement.actions),
      ...(statement.resources && { Resource: oneOrMany(statement.resources) }),
      ...(statement.conditions && { Condition: statement.conditions }),
    })),
  });
}

/** IAM statement ids allow only letters and digits: `S3ProductionAccessRole` stays, `my-role.v2` becomes `Myrolev2`. */
export function toSid(...parts: readonly string[]): string {
  return parts
    .map((part) => part.replace(/[^A-Za-z0-9]/g, ''))
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

/** ARN of an S3 bucket. */
export function bucketArn(bucketName: string): string {
  return `arn:aws:s3:::${bucketName}`;
}

function oneOrMany(values: readonly string[]): string | readonly string[] {
  return values.length === 1 ? values[0] : values;
}

function mapValues<T, U>(record: Readonly<Record<string, T>>, map: (value: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value)]));
}
