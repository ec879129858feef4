import type { z } from 'zod';
import { bucketSchema, roleSchema, settingsSchema } from './settings-schema';

/** A name or reference as written: `undefined` where the file has something other than text. */
type Text = string | undefined;

/**
 * The part of the settings that cross-reference checks read: names, the names
 * they refer to, and account keys. Validated settings are one; so is what
 * {@link referenceViewOf} salvages from a file the schema refused, so that
 * schema problems and reference problems are reported together.
 */
export interface ReferenceView {
  readonly identityAccount: Text;
  /** The profile end users' role profiles are assumed from (`sourceProfile`, default `default`). */
  readonly sourceProfile: Text;
  /** Accounts by key, without a prototype: `accounts[key]` is undefined for any key not defined, `constructor` included. */
  readonly accounts: Readonly<Record<string, { readonly id?: Text; readonly profile?: Text }>>;
  readonly buckets: readonly { readonly name: Text; readonly account: Text }[];
  readonly roles: readonly {
    readonly name: Text;
    readonly account: Text;
    readonly policyName?: Text;
    readonly profileName?: Text;
    readonly bucketAccess: readonly { readonly bucket: Text }[];
    readonly trustedPrincipals?: readonly Text[];
  }[];
  readonly groups: readonly ReferenceHolder[];
  readonly users: readonly (ReferenceHolder & { readonly groups: readonly Text[] })[];
}

/** A group or user: its name and the roles it allows or denies. */
export interface ReferenceHolder {
  readonly name: Text;
  readonly allowAssume: readonly Text[];
  readonly denyAssume: readonly Text[];
}

/** What can be read of the references in a settings file the schema refused; `undefined` if it is not a mapping. */
export function referenceViewOf(raw: unknown): ReferenceView | undefined {
  // Hand-written rather than a lenient zod schema: zod skips absent keys, and absent keys need the strict defaults.
  if (!isRecord(raw)) return undefined;
  const holder = (item: Record<string, unknown>): ReferenceHolder => ({
    name: text(item.name),
    allowAssume: textList(item.allowAssume),
    denyAssume: textList(item.denyAssume),
  });
  return {
    identityAccount: withDefault(settingsSchema.shape.identityAccount, raw.identityAccount),
    sourceProfile: withDefault(settingsSchema.shape.sourceProfile, raw.sourceProfile),
    accounts: Object.assign(
      Object.create(null) as ReferenceView['accounts'],
      Object.fromEntries(
        Object.entries(recordOf(raw.accounts)).map(([key, account]) => [
          key,
          { id: text(recordOf(account).id), profile: text(recordOf(account).profile) },
        ]),
      ),
    ),
    buckets: listOf(raw.buckets).map((bucket) => ({
      name: text(bucket.name),
      account: withDefault(bucketSchema.shape.account, bucket.account),
    })),
    roles: listOf(raw.roles).map((role) => ({
      name: text(role.name),
      account: withDefault(roleSchema.shape.account, role.account),
      policyName: text(role.policyName),
      profileName: text(role.profileName),
      bucketAccess: listOf(role.bucketAccess).map((access) => ({ bucket: text(access.bucket) })),
      trustedPrincipals: role.trustedPrincipals === undefined ? undefined : textList(role.trustedPrincipals),
    })),
    groups: listOf(raw.groups).map(holder),
    users: listOf(raw.users).map((user) => ({ ...holder(user), groups: textList(user.groups) })),
  };
}

/** Text as written, else undefined (the schema reports it). */
function text(value: unknown): Text {
  return typeof value === 'string' ? value : undefined;
}

/** A list of names, keeping positions so that key paths match the file. */
function textList(value: unknown): Text[] {
  return Array.isArray(value) ? value.map(text) : [];
}

/** The strict schema's reading of a value, so an absent key gets its default; undefined when it is wrong. */
function withDefault(schema: z.ZodType<string>, value: unknown): Text {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

function listOf(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.map(recordOf) : [];
}

function recordOf(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
