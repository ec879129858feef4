import { s3Arn, type Partition } from './arn';
import { uniqueSids, type IdentityPolicy, type IdentityStatement } from './policy-statement';

/** One bucket and how much of it a role may use. */
export interface BucketGrant {
  readonly bucket: string;
  readonly access: 'read-only' | 'read-write';
}

/** Object actions each access level grants on `bucket/*`. */
export const OBJECT_ACTIONS: Readonly<Record<BucketGrant['access'], readonly string[]>> = {
  'read-only': ['s3:GetObject'],
  'read-write': ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
};

/** Bucket-level actions every grant includes. */
export const BUCKET_ACTIONS: readonly string[] = ['s3:ListBucket', 's3:GetBucketLocation'];

/**
 * The least-privilege S3 policy of a role: list all buckets (so the console
 * can show them), list and locate each granted bucket, and the object actions of
 * its access level on its objects only.
 */
export function bucketAccessPolicy(grants: readonly BucketGrant[], partition: Partition = 'aws'): IdentityPolicy {
  const named: [sidParts: string[], statement: Omit<IdentityStatement, 'sid'>][] = [
    [['ListAllBuckets'], { effect: 'Allow', actions: ['s3:ListAllMyBuckets'], resources: ['*'] }],
  ];
  for (const grant of grants) {
    named.push(
      [
        ['ListBucket', grant.bucket],
        { effect: 'Allow', actions: BUCKET_ACTIONS, resources: [s3Arn(partition, grant.bucket)] },
      ],
      [
        [grant.access === 'read-write' ? 'ReadWrite' : 'Read', 'Objects', grant.bucket],
        { effect: 'Allow', actions: OBJECT_ACTIONS[grant.access], resources: [s3Arn(partition, grant.bucket, '*')] },
      ],
    );
  }
  const sids = uniqueSids(named.map(([parts]) => parts));
  return { statements: named.map(([, statement], i) => ({ sid: sids[i], ...statement })) };
}
