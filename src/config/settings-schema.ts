import { z } from 'zod';
import { DEFAULT_REGION, isIamPolicyArn, isIamRoleArn } from '../policies/arn';
import { expectationsSchema } from './expectations-schema';

/**
 * The settings file's schema: one concept, so one file, though a little over
 * 200 lines. Every object is strict: an unknown key (a typo such as
 * `allowAsume`) is an error, never silently ignored. Plain defaults live here;
 * defaults computed from other keys live in derived-settings.ts.
 */

/** IAM names: letters, digits and `+=,.@_-` (AWS's rule for users, groups, roles and policies). */
const iamName = (maxLength: number) =>
  z
    .string()
    .min(1, 'must not be empty')
    .max(maxLength, `must be at most ${maxLength} characters`)
    .regex(/^[\w+=,.@-]+$/, 'may contain only letters, digits and +=,.@_-');

export const accountIdSchema = z
  .string({ error: 'must be a 12-digit account id in quotes, e.g. "111111111111"' })
  .regex(/^\d{12}$/, 'must be exactly 12 digits (AWS account ids have 12)');

const managedPolicyArnSchema = z
  .string()
  .refine(isIamPolicyArn, 'must be an IAM policy ARN such as arn:aws:iam::aws:policy/ReadOnlyAccess');

export const accountSchema = z.strictObject({
  /** The 12-digit AWS account id. */
  id: accountIdSchema,
  /** AWS CLI profile Terraform uses to reach the account. @default none (the standard credential chain) */
  profile: z.string().min(1).optional(),
  /** A role Terraform assumes to reach the account. @default none */
  assumeRoleArn: z.string().refine(isIamRoleArn, 'must be an IAM role ARN').optional(),
});

/** S3's general purpose bucket naming rules (S3 User Guide, "Bucket naming rules"). */
export const bucketNameSchema = z
  .string()
  .min(3, 'must be 3 to 63 characters')
  .max(63, 'must be 3 to 63 characters')
  .regex(
    /^[a-z0-9][a-z0-9.-]*[a-z0-9]$/,
    'must be lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit',
  )
  .refine((name) => !name.includes('..'), 'must not contain two adjacent dots')
  .refine((name) => !/^\d+\.\d+\.\d+\.\d+$/.test(name), 'must not be formatted as an IP address')
  .refine((name) => !/^(xn--|sthree-)/.test(name), 'must not start with xn-- or sthree- (prefixes S3 reserves)')
  .refine(
    (name) => !/(-s3alias|--ol-s3|\.mrap|--x-s3|--table-s3)$/.test(name),
    'must not end with -s3alias, --ol-s3, .mrap, --x-s3 or --table-s3 (suffixes S3 reserves)',
  );

export const bucketSchema = z.strictObject({
  name: bucketNameSchema,
  /** Key of the account that owns the bucket. @default prod */
  account: z.string().default('prod'),
  /** true: the stack creates the bucket; false: it exists and is referenced by name. @default false */
  create: z.boolean().default(false),
});

export const bucketAccessSchema = z.strictObject({
  bucket: z.string(),
  access: z.enum(['read-only', 'read-write']),
});

/** A role's keys; {@link roleSchema} adds the check across keys. */
const roleKeys = z.strictObject({
  name: iamName(64),
  /** Key of the (trusting) account that holds the role. @default prod */
  account: z.string().default('prod'),
  /** Name of the customer-managed policy for `bucketAccess`. @default `<name>Policy` (derived-settings.ts) */
  policyName: iamName(128).optional(),
  bucketAccess: z.array(bucketAccessSchema).default([]),
  managedPolicyArns: z.array(managedPolicyArnSchema).default([]),
  /** Seconds; AWS allows 3600 to 43200. @default 3600 */
  maxSessionDuration: z
    .number()
    .int()
    .min(3600, 'must be at least 3600 seconds')
    .max(43200, 'must be at most 43200 seconds')
    .default(3600),
  /** ISO-8601 time; sessions issued before it are denied everything. @default null */
  revokeSessionsBefore: z
    .string()
    .refine(isIsoTimestamp, 'must be an ISO-8601 time with a zone, e.g. 2026-11-24T12:00:00Z')
    .nullable()
    .default(null),
  /** Name of the AWS CLI profile written for the role. @default the role name */
  profileName: z
    .string()
    .regex(/^[\w.-]+$/, 'may contain only letters, digits and ._-')
    .optional(),
  /** Label shown in the console after switching role. @default `<account key>-<role name>` */
  displayName: z.string().min(1).max(64).optional(),
  /** Trust (and the identity side's allow) only sessions signed in with MFA: `Bool aws:MultiFactorAuthPresent "true"`. @default false */
  requireMfa: z.boolean().default(false),
  /** Seconds since the MFA sign-in after which the role is refused (`NumericLessThan aws:MultiFactorAuthAge`); needs `requireMfa`. @default none (any age) */
  mfaMaxAgeSeconds: z
    .number()
    .int('must be a whole number of seconds')
    .min(1, 'must be at least 1 second')
    .max(129600, 'must be at most 129600 seconds (36 hours, the longest MFA session)')
    .optional(),
  /** Secret the caller must pass as `ExternalId` (`StringEquals sts:ExternalId`), for third-party access. @default none */
  externalId: z
    .string()
    .min(2, 'must be 2 to 1224 characters')
    .max(1224, 'must be 2 to 1224 characters')
    .regex(/^[\w+=,.@:/-]+$/, 'may contain only letters, digits and +=,.@:/_- (what AWS accepts)')
    .optional(),
  /** Accept only sessions named after the calling IAM user (`StringLike sts:RoleSessionName "${aws:username}"`), so CloudTrail names the person. @default false */
  sessionNameMustMatchUser: z.boolean().default(false),
  /** Identity-account users (names from `users`) the role trusts, by reference to their ARNs. @default none: the identity account root, so the identity side's policies decide */
  trustedPrincipals: z
    .array(iamName(64))
    .min(1, 'must name at least one user; leave it out to trust the identity account')
    .optional(),
  /** ARN of a managed policy that bounds the role's permissions. @default null (no boundary) */
  permissionsBoundaryArn: managedPolicyArnSchema.nullable().default(null),
});

export const roleSchema = roleKeys.refine((role) => role.mfaMaxAgeSeconds === undefined || role.requireMfa === true, {
  message: 'is set but requireMfa is not: set requireMfa: true, or remove mfaMaxAgeSeconds',
  path: ['mfaMaxAgeSeconds'],
  // Also reported when other keys of the role are wrong, so every problem shows at once.
  when: (payload) => isRecord(payload.value) && typeof payload.value.mfaMaxAgeSeconds === 'number',
});

export const groupSchema = z.strictObject({
  name: iamName(128),
  /** Roles members may assume. @default [] */
  allowAssume: z.array(z.string()).default([]),
  /** Roles members are explicitly denied (a deny wins over any allow). @default [] */
  denyAssume: z.array(z.string()).default([]),
  managedPolicyArns: z.array(managedPolicyArnSchema).default([]),
});

export const userSchema = z.strictObject({
  name: iamName(64),
  groups: z.array(z.string()).default([]),
  /** Roles this user may assume through a policy of its own (tutorial 002), besides its groups'. @default [] */
  allowAssume: z.array(z.string()).default([]),
  /** Roles this user is explicitly denied. @default [] */
  denyAssume: z.array(z.string()).default([]),
});

/** Terraform Cloud's rule for workspace names. */
export const workspaceNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]+$/, 'may contain only letters, digits, - and _ (a Terraform Cloud workspace name)')
  .max(90, 'must be at most 90 characters (a Terraform Cloud workspace name)');

export const backendSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('local'),
    /** State file path, relative to the synthesized stack's folder. @default ../../../terraform.cross-account-<settings file path>.tfstate (the project root, one file per settings file) */
    path: z.string().min(1).optional(),
  }),
  z.strictObject({
    type: z.literal('cloud'),
    /** Terraform Cloud organization. @default TF_CLOUD_ORGANIZATION */
    organization: z.string().min(1).optional(),
    /** Workspace holding the state; `terraform init` creates it when missing. @default TF_WORKSPACE, else cross-account-<settings file path> */
    workspace: workspaceNameSchema.optional(),
    /** Terraform Cloud project of the workspace (created with it when missing). @default TF_CLOUD_PROJECT, else the organization's default project */
    project: z.string().min(1).optional(),
    /** @default TF_CLOUD_HOSTNAME, else app.terraform.io */
    hostname: z.string().min(1).optional(),
    /** Where plans and applies run, as the workspace's own execution mode says: `local` (this machine, with its AWS profiles; Terraform Cloud keeps the state) or `remote` (Terraform Cloud's runners: no profiles, every account reached through its assumeRoleArn). @default local */
    executionMode: z.enum(['local', 'remote']).default('local'),
  }),
]);

export const settingsSchema = z.strictObject({
  /** Region of every provider. @default us-east-1 */
  region: z
    .string()
    .regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, 'must be an AWS region such as us-east-1')
    .default(DEFAULT_REGION),
  /** Key of the trusted account that holds users and groups. @default dev */
  identityAccount: z.string().default('dev'),
  accounts: z
    .record(
      z.string().regex(/^[a-zA-Z][\w-]*$/, 'account keys are provider aliases: a letter, then letters, digits, _ or -'),
      accountSchema,
    )
    .refine((accounts) => Object.keys(accounts).length >= 2, 'must name at least two accounts'),
  buckets: z.array(bucketSchema).default([]),
  roles: z.array(roleSchema).default([]),
  groups: z.array(groupSchema).default([]),
  users: z.array(userSchema).default([]),
  /** @default { type: local } */
  backend: backendSchema.default({ type: 'local' }),
  /** Default tags on every resource of every provider. @default {} */
  tags: z.record(z.string(), z.string()).default({}),
  expectations: expectationsSchema.default([]),
});

/** Settings as written in the file, before defaults. */
export type SettingsInput = z.input<typeof settingsSchema>;
/** Settings as the schema validates them, with its plain defaults; see `Settings` for the derived ones. */
export type ParsedSettings = z.output<typeof settingsSchema>;
export type AccountSettings = ParsedSettings['accounts'][string];
export type BucketSettings = ParsedSettings['buckets'][number];
export type GroupSettings = ParsedSettings['groups'][number];
export type UserSettings = ParsedSettings['users'][number];
export type BucketAccess = ParsedSettings['roles'][number]['bucketAccess'][number];
/** The backend as written in the settings file. */
export type BackendInput = ParsedSettings['backend'];
/** The backend every later stage reads, resolved with Terraform's TF_CLOUD_* variables: nothing left to default. */
export type BackendSettings =
  | { readonly type: 'local'; readonly path: string }
  | {
      readonly type: 'cloud';
      readonly hostname: string;
      readonly organization: string;
      readonly workspace: string;
      readonly project?: string;
      readonly executionMode: 'local' | 'remote';
    };

/** True for an ISO-8601 date-time with an explicit zone (Z or ±hh:mm), as IAM date conditions expect. */
export function isIsoTimestamp(value: string): boolean {
  return (
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) &&
    !Number.isNaN(Date.parse(value))
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
