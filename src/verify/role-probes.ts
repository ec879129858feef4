import { iamArn, s3Arn } from '../policies/arn';
import { bucketGrants } from '../policies/bucket-grants';
import type { PolicyDocument } from '../policies/policy-statement';
import type { PrincipalPolicy, StackRoleAccess } from '../access/stack-principals';

/** A bucket no role of the stack was given: what a role may do there, it may do anywhere. */
export const OTHER_BUCKET = 'some-other-bucket';

/** One request the matrix tries for a role. */
export interface RoleProbe {
  /** The one IAM action tried. */
  readonly action: string;
  /** Resource ARN (objects are probed as `<bucket>/some/key`). */
  readonly resource: string;
  /** Why it is probed: `granted` (its bucket access), `other-bucket` (the same elsewhere), `dangerous`. */
  readonly kind: 'granted' | 'other-bucket' | 'dangerous';
}

/** The object key probed in a bucket. */
export const OBJECT_KEY = 'some/key';

/** What a principal's own policies (those the settings write, not AWS managed ones) grant on buckets. */
export function ownBucketGrants(principal: { readonly policies: readonly PrincipalPolicy[] }) {
  return bucketGrants(
    principal.policies.flatMap((policy): PolicyDocument[] =>
      policy.origin !== 'aws-managed' && policy.document ? [policy.document] : [],
    ),
  );
}

/**
 * The fixed probes for a role: each S3 action its own (not AWS managed) policies
 * allow on a bucket or its objects, tried there and on {@link OTHER_BUCKET}; then
 * actions no bucket role should have: iam:CreateUser, iam:PassRole,
 * s3:PutBucketPolicy and s3:DeleteBucket.
 */
export function roleProbes(role: StackRoleAccess): RoleProbe[] {
  // Probed one action at a time: wildcards (s3:Get*) are the lint's business, not a request.
  const granted = ownBucketGrants(role).filter((grant) => /^s3:[A-Za-z]+$/.test(grant.action));
  const at = (bucket: string, objects: boolean) => s3Arn(role.partition, bucket, objects ? OBJECT_KEY : undefined);
  const buckets = [...new Set(granted.map((grant) => grant.bucket))];
  const elsewhere =
    granted.length > 0
      ? granted
      : [
          { action: 's3:ListBucket', objects: false },
          { action: 's3:GetObject', objects: true },
        ];
  const probes: RoleProbe[] = [
    ...granted.map(({ action, bucket, objects }) => ({
      action,
      resource: at(bucket, objects),
      kind: 'granted' as const,
    })),
    ...elsewhere.map(({ action, objects }) => ({
      action,
      resource: at(OTHER_BUCKET, objects),
      kind: 'other-bucket' as const,
    })),
    {
      action: 'iam:CreateUser',
      resource: iamArn(role.partition, role.accountId, 'user', 'some-new-user'),
      kind: 'dangerous',
    },
    {
      action: 'iam:PassRole',
      resource: iamArn(role.partition, role.accountId, 'role', 'some-other-role'),
      kind: 'dangerous',
    },
    ...(buckets.length > 0 ? buckets : [OTHER_BUCKET]).flatMap((bucket) =>
      ['s3:PutBucketPolicy', 's3:DeleteBucket'].map((action) => ({
        action,
        resource: at(bucket, false),
        kind: 'dangerous' as const,
      })),
    ),
  ];
  return probes.filter(
    (probe, i) => probes.findIndex((other) => other.action === probe.action && other.resource === probe.resource) === i,
  );
}
