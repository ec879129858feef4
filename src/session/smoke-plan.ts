import {
  allowsObjectWrites,
  listResources,
  roleBucketGrants,
  type RoleUsage,
  type SynthesizedStackJson,
} from '../access';
import { UserError } from '../user-error';

/** What the caller may say of the smoke check; everything left out is read from the stack. */
export interface SmokeChoices {
  /** Bucket to probe. @default the role's one bucket */
  readonly bucket?: string;
  /** A bucket the role must not list. @default another bucket of the stack */
  readonly deniedBucket?: string;
  /** What the role may do there. @default read from the role's own policies */
  readonly access?: 'read-only' | 'read-write';
}

/** The buckets the smoke check uses and whether the role may write. */
export interface SmokePlan {
  readonly bucket: string;
  readonly deniedBucket: string;
  readonly canWrite: boolean;
}

/**
 * Chooses what the smoke check probes from the role's own policies: its one
 * bucket (several need `--bucket`), a bucket of the stack it was not given (or
 * a name nobody was), and whether it may write objects there. AWS managed
 * policies (AmazonS3FullAccess, …) are not read: `access` says what they allow.
 */
export function planSmoke(stack: SynthesizedStackJson, role: RoleUsage, choices: SmokeChoices): SmokePlan {
  const grants = roleBucketGrants(stack, role);
  const bucket = choices.bucket ?? onlyBucket(grants, role.name);
  const canWrite = choices.access
    ? choices.access === 'read-write'
    : grants.some((grant) => grant.bucket === bucket && allowsObjectWrites(grant));
  const given = new Set(grants.map((grant) => grant.bucket));
  const known = listResources(stack)
    .filter((resource) => resource.type === 'aws_s3_bucket')
    .map((resource) => String(resource.attributes.bucket));
  const deniedBucket =
    choices.deniedBucket ?? known.find((name) => !given.has(name)) ?? `${bucket}-not-given`.slice(0, 63);
  return { bucket, deniedBucket, canWrite };
}

function onlyBucket(grants: readonly { bucket: string }[], roleName: string): string {
  if (grants.length === 1) return grants[0].bucket;
  const names = grants.map((grant) => grant.bucket).join(', ') || 'none named in its policies';
  throw new UserError(`role ${roleName} has ${grants.length} buckets (${names}): pass --bucket <name>`);
}
