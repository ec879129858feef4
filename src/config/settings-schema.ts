import { z } from 'zod';
import { DEFAULT_REGION, IAM_NAME_CHARACTERS, isIamPolicyArn, isIamRoleArn } from '../policies/arn';
import { EXTERNAL_ID_CHARACTERS } from '../policies/trust-requirements';
import { PROFILE_NAME } from '../aws-config/config-file-grammar';
import { acknowledgementsSchema } from './acknowledgements-schema';
import { expectationsSchema } from './expectations-schema';
import { isoTimestampProblem } from './iso-timestamp';

/**
 * The settings file's schema: one concept, so one file, though over 200 lines,
 * since every key carries its description. Every object is strict: an unknown key
 * (a typo such as `allowAsume`) is an error, never silently ignored. Plain defaults
 * live here; defaults computed from other keys live in derived-settings.ts, and the
 * key's `.meta({ defaultText })` says them in words. `npm run docs` prints the
 * settings reference (docs/settings.md) from these descriptions.
 */

declare module 'zod' {
  interface GlobalMeta {
    /** The default in words, for a key whose default is derived from other keys (docs/settings.md shows it). */
    defaultText?: string;
  }
}

/** IAM names: letters, digits and `+=,.@_-` (AWS's rule for users, groups, roles and policies). */
const iamName = (maxLength: number) =>
  z
    .string()
    .min(1, 'must not be empty')
    .max(maxLength, `must be at most ${maxLength} characters`)
    .regex(IAM_NAME_CHARACTERS, 'may contain only letters, digits and +=,.@_-');

/**
 * A profile name in the AWS config file, as every AWS SDK reads one: letters,
 * digits and `_-/.%@:+` (the AWS SDK for Rust's identifier rule; the SDK for
 * JavaScript reads the same set in a `[profile …]` header, and botocore splits the
 * header on whitespace and quotes). No `[`, `]`, `=`, `#`, `;`, space or line
 * break, so a name can never end its section or start another.
 */
export const awsProfileNameSchema = z
  .string()
  .min(1, 'must not be empty')
  .regex(
    PROFILE_NAME,
    'must be an AWS profile name: letters, digits and _ - . / % @ : + only (what the AWS SDKs read in a config file)',
  )
  .refine(
    (name) => name !== '__proto__',
    '"__proto__" cannot be a profile name: the AWS SDK for JavaScript refuses it',
  );

export const accountIdSchema = z
  .string({ error: 'must be a 12-digit account id in quotes, e.g. "111111111111"' })
  .regex(/^\d{12}$/, 'must be exactly 12 digits (AWS account ids have 12)');

const managedPolicyArnSchema = z
  .string()
  .refine(isIamPolicyArn, 'must be an IAM policy ARN such as arn:aws:iam::aws:policy/ReadOnlyAccess');

export const accountSchema = z.strictObject({
  id: accountIdSchema.describe('The 12-digit AWS account id, in quotes (YAML would read it as a number).'),
  profile: awsProfileNameSchema.optional().meta({
    description:
      "AWS CLI profile Terraform uses to reach the account, the deploying credentials: letters, digits and `_-./%@:+` (what the AWS SDKs read as a profile name). Never written into end users' role profiles (that is `sourceProfile`).",
    defaultText: 'none: the standard credential chain',
  }),
  assumeRoleArn: z
    .string()
    .refine(isIamRoleArn, 'must be an IAM role ARN')
    .optional()
    .describe('ARN of a role Terraform assumes to reach the account, such as a deployer role.'),
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
  .refine(
    (name) => !/^(xn--|sthree-|amzn-s3-demo-)/.test(name),
    'must not start with xn--, sthree- or amzn-s3-demo- (prefixes S3 reserves)',
  )
  .refine(
    (name) => !/(-s3alias|--ol-s3|\.mrap|--x-s3|--table-s3)$/.test(name),
    'must not end with -s3alias, --ol-s3, .mrap, --x-s3 or --table-s3 (suffixes S3 reserves)',
  );

/** Tags the default tags may hold: IAM's limit per role or user (S3 buckets take as many). */
const MAX_TAGS = 50;

/** AWS's tag characters for IAM, the strictest of the services the default tags reach: letters, digits, spaces and `_.:/=+-@`. */
const TAG_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
const TAG_TEXT_MESSAGE = 'may contain only letters, digits, spaces and _ . : / = + - @ (what AWS accepts in tags)';

const tagKeySchema = z
  .string()
  .min(1, 'tag keys are 1 to 128 characters')
  .max(128, 'tag keys are 1 to 128 characters')
  .regex(TAG_TEXT, TAG_TEXT_MESSAGE)
  .refine((key) => !/^aws:/i.test(key), 'must not start with aws: (AWS reserves the prefix)');

const tagValueSchema = z.string().max(256, 'tag values are at most 256 characters').regex(TAG_TEXT, TAG_TEXT_MESSAGE);

export const bucketSchema = z.strictObject({
  name: bucketNameSchema.describe(
    "S3 bucket name, by S3's naming rules: no `..`, not an IP address, no `xn--`, `sthree-` or `amzn-s3-demo-` prefix, no `-s3alias`, `--ol-s3`, `.mrap`, `--x-s3` or `--table-s3` suffix.",
  ),
  account: z.string().default('prod').describe('Key (in `accounts`) of the account that owns the bucket.'),
  create: z
    .boolean()
    .default(false)
    .describe(
      '`true`: the stack creates the bucket (private, SSE-S3 encrypted, versioned, never force-destroyed). `false`: the bucket exists and is referenced by name.',
    ),
});

export const bucketAccessSchema = z.strictObject({
  bucket: z.string().describe("Name of a bucket in `buckets`, in the role's account."),
  access: z
    .enum(['read-only', 'read-write'])
    .describe(
      'Both list and locate the bucket (`s3:ListBucket`, `s3:GetBucketLocation`); `read-only` adds `s3:GetObject` on its objects, `read-write` adds `s3:GetObject`, `s3:PutObject` and `s3:DeleteObject`.',
    ),
});

/** A role's keys; {@link roleSchema} adds the check across keys. */
const roleKeys = z.strictObject({
  name: iamName(64).describe('Role name, unique in the file across all accounts (groups and users refer to it).'),
  account: z.string().default('prod').describe('Key (in `accounts`) of the trusting account that holds the role.'),
  policyName: iamName(128).optional().meta({
    description: 'Name of the customer managed policy that holds `bucketAccess`.',
    defaultText: '`<name>Policy`',
  }),
  bucketAccess: z
    .array(bucketAccessSchema)
    .default([])
    .describe(
      "Buckets the role may use, by the role's own least-privilege policy (which also allows `s3:ListAllMyBuckets` on `*`, so the console can list them).",
    ),
  managedPolicyArns: z
    .array(managedPolicyArnSchema)
    .default([])
    .describe(
      'ARNs of managed policies attached to the role as well: AWS managed, such as `arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess`, or customer managed (`arn:aws:iam::<account id>:policy/<name>`).',
    ),
  maxSessionDuration: z
    .number()
    .int()
    .min(3600, 'must be at least 3600 seconds')
    .max(43200, 'must be at most 43200 seconds')
    .default(3600)
    .describe('Longest session, in seconds.'),
  revokeSessionsBefore: z
    .string()
    .superRefine((value, context) => {
      const problem = isoTimestampProblem(value);
      if (problem) context.addIssue({ code: 'custom', message: problem });
    })
    .nullable()
    .default(null)
    .describe(
      'ISO-8601 time with a zone, e.g. `2026-11-24T12:00:00Z`: the role gets the inline policy `AWSRevokeOlderSessions`, which denies everything to sessions issued before it (the console\'s "Revoke active sessions"). It must be a real time, and one in the future needs `acknowledgeFutureRevocation`.',
    ),
  acknowledgeFutureRevocation: z.boolean().optional().meta({
    description:
      '`true` confirms that a `revokeSessionsBefore` in the future is meant: until that time every session of the role, new ones included, is denied.',
    defaultText: 'false',
  }),
  profileName: awsProfileNameSchema.optional().meta({
    description:
      'Name of the AWS CLI profile written for the role: letters, digits and `_-./%@:+`, and not the profile it is assumed from.',
    defaultText: 'the role name',
  }),
  displayName: z.string().min(1).max(64).optional().meta({
    description: 'Label the console shows after switching to the role.',
    defaultText: '`<account key>-<role name>`',
  }),
  requireMfa: z
    .boolean()
    .default(false)
    .describe(
      'Only sessions signed in with MFA: the trust policy and the identity side\'s allow both add `Bool aws:MultiFactorAuthPresent "true"`; the role\'s profile gains `mfa_serial`.',
    ),
  mfaMaxAgeSeconds: z
    .number()
    .int('must be a whole number of seconds')
    .min(1, 'must be at least 1 second')
    .max(129600, 'must be at most 129600 seconds (36 hours, the longest MFA session)')
    .optional()
    .meta({
      description:
        'Seconds since the MFA sign-in after which the role is refused (`NumericLessThan aws:MultiFactorAuthAge`). Needs `requireMfa: true`.',
      defaultText: 'none: any age',
    }),
  externalId: z
    .string()
    .min(2, 'must be 2 to 1224 characters')
    .max(1224, 'must be 2 to 1224 characters')
    .regex(EXTERNAL_ID_CHARACTERS, 'may contain only letters, digits and +=,.@:/_- (what AWS accepts)')
    .optional()
    .describe(
      'The `ExternalId` the caller must pass (`StringEquals sts:ExternalId`), for access by a third party. The profile gains `external_id`; the console cannot send one, so the role has no switch-role URL. Not a secret: it is in state and outputs.',
    ),
  sessionNameMustMatchUser: z
    .boolean()
    .default(false)
    .describe(
      'Accept only sessions named after the calling IAM user (`StringLike sts:RoleSessionName "${aws:username}"`), so CloudTrail names the person; the profile gains `role_session_name`.',
    ),
  trustedPrincipals: z
    .array(iamName(64))
    .min(1, 'must name at least one user; leave it out to trust the identity account')
    .optional()
    .meta({
      description:
        'Identity-account users (names from `users`) the role trusts, by Terraform reference to their ARNs. A user outside the list is refused even when a group allows the role.',
      defaultText: "none: the identity account root, so the identity account's policies decide",
    }),
  permissionsBoundaryArn: managedPolicyArnSchema
    .nullable()
    .default(null)
    .describe(
      "ARN of a managed policy set as the role's permissions boundary: it caps what the role can ever be given.",
    ),
  existing: z
    .literal('import', {
      error:
        'must be import: the stack writes the trust policy that decides who may assume the role, so it cannot merely reference one',
    })
    .optional()
    .meta({
      description:
        "`import`: the role exists; a Terraform `import` block adopts it into state on the next apply, and from then on the stack manages it (its trust policy, session length and boundary are set to the settings', and `cdktf destroy` deletes it). Policies attached to it outside the stack stay, and `verify` says it does not evaluate them.",
      defaultText: 'none: the stack creates the role',
    }),
});

export const roleSchema = roleKeys
  .refine((role) => role.mfaMaxAgeSeconds === undefined || role.requireMfa === true, {
    message: 'is set but requireMfa is not: set requireMfa: true, or remove mfaMaxAgeSeconds',
    path: ['mfaMaxAgeSeconds'],
    // Also reported when other keys of the role are wrong, so every problem shows at once.
    when: (payload) => isRecord(payload.value) && typeof payload.value.mfaMaxAgeSeconds === 'number',
  })
  .refine((role) => role.acknowledgeFutureRevocation !== true || role.revokeSessionsBefore !== null, {
    message: 'is set but revokeSessionsBefore is not: remove acknowledgeFutureRevocation',
    path: ['acknowledgeFutureRevocation'],
    when: (payload) => isRecord(payload.value) && payload.value.acknowledgeFutureRevocation === true,
  })
  .superRefine((role, context) => {
    const revokeBefore = role.revokeSessionsBefore;
    if (revokeBefore === null || role.acknowledgeFutureRevocation || isoTimestampProblem(revokeBefore)) return;
    if (Date.parse(revokeBefore) <= Date.now()) return;
    context.addIssue({
      code: 'custom',
      path: ['revokeSessionsBefore'],
      message: `"${revokeBefore}" is in the future: every session of the role, new ones included, is denied until then; set acknowledgeFutureRevocation: true on the role if that is meant`,
    });
  });

const roleNames = (description: string) => z.array(z.string()).default([]).describe(description);

/** Name of the policy (of a group or a user) that allows or denies assuming roles, unless `assumePolicy.name` says otherwise. */
export const DEFAULT_ASSUME_POLICY_NAME = 'AssumeCrossAccountRoles';

const existingSchema = (kind: 'group' | 'user') =>
  z
    .enum(['reference', 'import'], { error: 'must be reference or import' })
    .optional()
    .meta({
      description: `Whether the ${kind} exists already. \`reference\`: the stack never creates, changes or deletes it; it reads it through a data source (so the plan fails if it is missing) and only adds what it owns: its assume policy, its \`managedPolicyArns\` and ${kind === 'group' ? "the memberships users' `groups` name" : 'its memberships in `groups`'}. \`import\`: a Terraform \`import\` block adopts it into state on the next apply, and from then on the stack manages it (\`cdktf destroy\` deletes it). Either way its other policies and memberships stay as they are, and \`verify\` says it does not evaluate them.`,
      defaultText: `none: the stack creates the ${kind}`,
    });

const assumePolicySchema = z
  .strictObject({
    name: iamName(128)
      .default(DEFAULT_ASSUME_POLICY_NAME)
      .describe('Policy name, e.g. `allow-assume-S3-role-in-prod`.'),
    type: z
      .enum(['inline', 'managed'])
      .default('inline')
      .describe(
        '`inline`: put on the group or user itself. `managed`: a customer managed policy of that name in the identity account, attached to it.',
      ),
    existing: z
      .literal('import', { error: 'must be import (the stack writes the document, so it must own the policy)' })
      .optional()
      .meta({
        description:
          '`import`: the managed policy exists already; an `import` block adopts it and the stack replaces its document. Only for `type: managed` (an inline policy of the same name is simply replaced).',
        defaultText: 'none: the stack creates the policy',
      }),
  })
  .refine((policy) => policy.existing === undefined || policy.type === 'managed', {
    message:
      'is import but type is inline: an inline policy of the same name is replaced without import; remove existing',
    path: ['existing'],
  })
  .default({ name: DEFAULT_ASSUME_POLICY_NAME, type: 'inline' })
  .describe(
    'The policy that allows `allowAssume` and denies `denyAssume` (written only when either lists a role): its name and kind.',
  );

const holderManagedPolicyArns = (holder: string, example: string) =>
  z
    .array(managedPolicyArnSchema)
    .default([])
    .describe(
      `ARNs of managed policies the stack attaches to the ${holder}, such as \`${example}\` (on an existing ${holder}, \`cdktf destroy\` detaches them: list only those the stack should own).`,
    );

export const groupSchema = z.strictObject({
  name: iamName(128).describe('Group in the identity account.'),
  existing: existingSchema('group'),
  allowAssume: roleNames('Roles (names from `roles`) the members may assume.'),
  denyAssume: roleNames('Roles the members are explicitly denied: a deny wins over any allow, even `PowerUserAccess`.'),
  assumePolicy: assumePolicySchema,
  managedPolicyArns: holderManagedPolicyArns('group', 'arn:aws:iam::aws:policy/PowerUserAccess'),
});

export const userSchema = z.strictObject({
  name: iamName(64).describe('User in the identity account. The stack creates no access keys and no password for it.'),
  existing: existingSchema('user'),
  groups: z
    .array(z.string())
    .default([])
    .describe(
      'Groups (names from `groups`) the stack makes the user a member of, and removes it from on `cdktf destroy`; memberships made outside the stack are left alone.',
    ),
  existingMemberships: z
    .array(z.string())
    .default([])
    .describe(
      'Groups (names from `groups`, each with `existing`) the user already belongs to outside the stack: never added or removed by it, but checked by the plan (it fails when the user is not a member) and counted by `verify`. Only for a user with `existing`.',
    ),
  allowAssume: roleNames("Roles the user may assume through a policy of its own, besides its groups'."),
  denyAssume: roleNames('Roles the user is explicitly denied through a policy of its own.'),
  assumePolicy: assumePolicySchema,
  managedPolicyArns: holderManagedPolicyArns('user', 'arn:aws:iam::aws:policy/IAMUserChangePassword'),
});

/** Terraform Cloud's rule for workspace names. */
export const workspaceNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]+$/, 'may contain only letters, digits, - and _ (a Terraform Cloud workspace name)')
  .max(90, 'must be at most 90 characters (a Terraform Cloud workspace name)');

export const backendSchema = z
  .discriminatedUnion('type', [
    z.strictObject({
      type: z.literal('local').describe('State in a local file.'),
      path: z.string().min(1).optional().meta({
        description: "State file path, relative to the synthesized stack's folder (`cdktf.out/stacks/cross-account`).",
        defaultText:
          '`../../../terraform.cross-account-<settings file path>.tfstate`: in the project root, one state file per settings file',
      }),
    }),
    z.strictObject({
      type: z.literal('cloud').describe('State in Terraform Cloud or Terraform Enterprise.'),
      organization: z
        .string()
        .min(1)
        .optional()
        .meta({ description: 'Terraform Cloud organization.', defaultText: '`TF_CLOUD_ORGANIZATION`' }),
      workspace: workspaceNameSchema.optional().meta({
        description: 'Workspace holding the state; `terraform init` creates it when missing.',
        defaultText: '`TF_WORKSPACE`, else `cross-account-<settings file path>`',
      }),
      project: z.string().min(1).optional().meta({
        description: 'Terraform Cloud project of the workspace (created with it when missing).',
        defaultText: "`TF_CLOUD_PROJECT`, else the organization's default project",
      }),
      hostname: z.string().min(1).optional().meta({
        description: 'Terraform Cloud or Enterprise host.',
        defaultText: '`TF_CLOUD_HOSTNAME`, else `app.terraform.io`',
      }),
      executionMode: z
        .enum(['local', 'remote'])
        .default('local')
        .describe(
          "Where plans and applies run, as the workspace's own execution mode says: `local` (this machine, with its AWS profiles; Terraform Cloud keeps the state) or `remote` (Terraform Cloud's runners: no profiles, every account reached through its `assumeRoleArn`).",
        ),
    }),
  ])
  .describe(
    'Where Terraform keeps state. `TF_CLOUD_ORGANIZATION` (with `TF_WORKSPACE`, `TF_CLOUD_PROJECT` and `TF_CLOUD_HOSTNAME` optional) in the environment override it with a cloud backend.',
  );

export const settingsSchema = z.strictObject({
  region: z
    .string()
    .regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, 'must be an AWS region such as us-east-1')
    .default(DEFAULT_REGION)
    .describe(
      'Region of every provider. Its partition (`aws`; `aws-us-gov` for `us-gov-*`; `aws-cn` for `cn-*`) is the partition of every ARN the stack writes, and every ARN in the settings must be in it.',
    ),
  identityAccount: z
    .string()
    .default('dev')
    .describe('Key (in `accounts`) of the trusted account that holds the users and groups.'),
  accounts: z
    .record(
      z.string().regex(/^[a-zA-Z][\w-]*$/, 'account keys are provider aliases: a letter, then letters, digits, _ or -'),
      accountSchema,
    )
    .refine((accounts) => Object.keys(accounts).length >= 2, 'must name at least two accounts')
    // Looked up by key everywhere: without a prototype, an account named `constructor` or `toString` is just a key.
    .transform(withoutPrototype)
    .describe(
      "The AWS accounts, two or more. Each key (`dev`, `prod`, …) is the alias of the account's `aws` provider, pinned to its id with `allowed_account_ids`.",
    ),
  buckets: z.array(bucketSchema).default([]).describe('S3 buckets the roles may use.'),
  roles: z
    .array(roleSchema)
    .default([])
    .describe('Roles in the trusting accounts, each with its trust policy and its permissions.'),
  groups: z.array(groupSchema).default([]).describe('Groups in the identity account, and the roles they may assume.'),
  users: z.array(userSchema).default([]).describe('Users in the identity account.'),
  sourceProfile: awsProfileNameSchema
    .default('default')
    .describe(
      "The `source_profile` of the role profiles end users get (`cross-account profiles`, the `role_<name>` outputs): the profile holding each person's own credentials in the identity account. Never a deploying profile of `accounts`; `profiles --source-profile` overrides it per person.",
    ),
  backend: backendSchema.default({ type: 'local' }),
  tags: z
    .record(tagKeySchema, tagValueSchema)
    .superRefine((tags, context) => {
      const keys = Object.keys(tags);
      if (keys.length > MAX_TAGS) {
        context.addIssue({
          code: 'custom',
          message: `must hold at most ${MAX_TAGS} tags (an IAM role or user holds no more), got ${keys.length}`,
        });
      }
      const seen = new Map<string, string>();
      for (const key of keys) {
        const first = seen.get(key.toLowerCase());
        if (first === undefined) seen.set(key.toLowerCase(), key);
        else
          context.addIssue({
            code: 'custom',
            path: [key],
            message: `is tag "${first}" again: IAM roles and users read tag keys without regard to case, so one would replace the other`,
          });
      }
    })
    .default({})
    .transform(withoutPrototype)
    .describe(
      "Default tags on every resource of every provider, by IAM's tag rules: at most 50; keys of 1 to 128 characters, not starting with `aws:` and unique without regard to case; values of at most 256; letters, digits, spaces and `_.:/=+-@` only.",
    ),
  expectations: expectationsSchema
    .default([])
    .describe('What `cross-account verify` must find in the synthesized stack; CI fails when one does not hold.'),
  acknowledge: acknowledgementsSchema
    .default([])
    .describe(
      'Review findings of `cross-account verify` that are intended, each with the reason: an unacknowledged finding fails verify, and so does an acknowledgement that matches no finding. See docs/security.md.',
    ),
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

/** A record as a null-prototype object, so looking a key up never finds `constructor`, `toString` or `__proto__`. */
function withoutPrototype<T>(record: Record<string, T>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, record);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
