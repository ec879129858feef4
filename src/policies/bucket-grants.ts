import { parseArn } from './arn';
import type { PolicyDocument } from './policy-statement';

/** One action an Allow statement grants on a bucket, or on every object in it. */
export interface BucketGrantEntry {
  /** The action as written (it may hold wildcards, e.g. `s3:Get*`). */
  readonly action: string;
  readonly bucket: string;
  /** True for `arn:…:s3:::<bucket>/*` (its objects), false for the bucket itself. */
  readonly objects: boolean;
}

/**
 * Which buckets a role's own policies grant, and what on each: every action of
 * every Allow statement on an S3 bucket ARN or on all of its objects, in the
 * order the documents list them. Used by `verify` (what to probe) and `smoke`
 * (which bucket to try, and whether the role may write there).
 */
export function bucketGrants(documents: readonly PolicyDocument[]): BucketGrantEntry[] {
  const grants: BucketGrantEntry[] = [];
  for (const statement of documents.flatMap((document) => document.statements)) {
    if (statement.effect !== 'Allow') continue;
    for (const resource of statement.resources ?? []) {
      const arn = parseArn(resource);
      const match = arn?.service === 's3' ? /^([a-z0-9.-]+)(\/\*)?$/.exec(arn.resource) : null;
      if (!match) continue;
      for (const action of statement.actions ?? [])
        grants.push({ action, bucket: match[1], objects: Boolean(match[2]) });
    }
  }
  return grants;
}
