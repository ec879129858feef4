/** An IAM policy document as JSON (what the stack serializes and AWS reads). */
export interface PolicyJson {
  readonly Version?: string;
  readonly Statement: readonly StatementJson[] | StatementJson;
}

/** One statement of a {@link PolicyJson}. */
export interface StatementJson {
  readonly Sid?: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Principal?: '*' | Readonly<Record<string, string | readonly string[]>>;
  readonly Action?: string | readonly string[];
  readonly NotAction?: string | readonly string[];
  readonly Resource?: string | readonly string[];
  readonly NotResource?: string | readonly string[];
  readonly Condition?: Readonly<Record<string, Readonly<Record<string, string | readonly string[]>>>>;
}

/** The statements of a policy, always as a list. */
export function statementsOf(policy: PolicyJson): readonly StatementJson[] {
  return Array.isArray(policy.Statement) ? policy.Statement : [policy.Statement as StatementJson];
}

/** A policy element that may be one string or a list (Action, Resource, …), always as a list. */
export function valuesOf(value: string | readonly string[] | undefined): readonly string[] {
  return value === undefined ? [] : typeof value === 'string' ? [value] : value;
}
