/**
 * Construct id of an attachment of a managed policy, from its ARN, so that
 * adding or removing one attachment never changes another's address:
 * `arn:aws:iam::aws:policy/job-function/ViewOnlyAccess` → `job-function-ViewOnlyAccess`.
 */
export function managedPolicyId(policyArn: string): string {
  const path = policyArn.split(':policy/')[1] ?? policyArn;
  const account = policyArn.split(':')[4];
  return (account === 'aws' ? path : `${account}-${path}`).replace(/\//g, '-');
}
