import { s3Arn } from '../../policies/arn';
import type { MatrixEntry } from '../access-matrix';
import type { StackPrincipal } from '../principal-requests';
import { OBJECT_KEY, ownBucketGrants } from '../role-probes';
import { allowedBy, decidingPolicies, ask, regionalArn, someOther, someOtherBucket, unique } from './review-requests';
import { REVIEW_FINDINGS, type ReviewFinding, type ReviewFindingId } from './review-finding';

/**
 * Requests no single-purpose policy allows all of: actions of unrelated services
 * that destroy or take over. A principal allowed every one may do anything
 * (AdministratorAccess, or any `*` on `*`); PowerUserAccess fails the IAM and
 * Organizations ones, IAMFullAccess the others. KMS is left out: its keys need
 * their key policy as well, whatever the identity policies say.
 */
function adminSentinels(principal: StackPrincipal): [string, string][] {
  return [
    ['iam:CreateUser', someOther(principal, 'user')],
    ['organizations:LeaveOrganization', '*'],
    ['ec2:TerminateInstances', regionalArn(principal, 'ec2', 'instance/i-00000000000000000')],
    ['s3:DeleteBucket', someOtherBucket(principal)],
    ['dynamodb:DeleteTable', regionalArn(principal, 'dynamodb', 'table/some-other-table')],
    ['lambda:DeleteFunction', regionalArn(principal, 'lambda', 'function:some-other-function')],
  ];
}

/**
 * What a principal may do to buckets beyond what the settings gave it: take
 * over everything (`admin-access`), change bucket policies, delete buckets, and
 * reach objects of buckets it was not given (`every-bucket`). Decided by the
 * evaluator with the principal's real policies (AWS managed ones with AWS's
 * documents) on its own buckets and on a bucket no one was given. A principal
 * with `admin-access` gets no other capability finding: it implies them.
 */
export async function capabilityFindings(principal: StackPrincipal): Promise<ReviewFinding[]> {
  const sentinels = await Promise.all(
    adminSentinels(principal).map(([action, resource]) => ask(principal, action, resource)),
  );
  if (sentinels.every((entry) => entry.decision === 'Allowed'))
    return [
      finding(
        principal,
        'admin-access',
        sentinels,
        `${actionList(sentinels)} (actions of unrelated services, all tried)`,
      ),
    ];

  const own = unique(ownBucketGrants(principal).map((grant) => grant.bucket));
  const buckets = [...own.map((bucket) => s3Arn(principal.partition, bucket)), someOtherBucket(principal)];
  const findings: ReviewFinding[] = [];
  const report = async (id: ReviewFindingId, actions: readonly string[], resources: readonly string[]) => {
    const entries = await Promise.all(
      actions.flatMap((action) => resources.map((resource) => ask(principal, action, resource))),
    );
    const allowed = entries.filter((entry) => entry.decision === 'Allowed');
    if (allowed.length > 0)
      findings.push(finding(principal, id, allowed, `${actionList(allowed)} on ${bucketList(allowed, principal)}`));
  };
  await report('bucket-policy-change', ['s3:PutBucketPolicy', 's3:DeleteBucketPolicy'], buckets);
  await report('bucket-delete', ['s3:DeleteBucket'], buckets);
  await report(
    'every-bucket',
    ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
    [someOtherBucket(principal, OBJECT_KEY)],
  );
  return findings;
}

function finding(
  principal: StackPrincipal,
  id: ReviewFindingId,
  allowed: readonly MatrixEntry[],
  what: string,
): ReviewFinding {
  return {
    finding: id,
    principal: principal.name,
    policies: decidingPolicies(allowed),
    message: `${REVIEW_FINDINGS[id]}: ${what}, allowed by ${allowedBy(allowed)}`,
  };
}

function actionList(entries: readonly MatrixEntry[]): string {
  return unique(entries.map((entry) => entry.action)).join(', ');
}

/** `productionapp and any other bucket of account 999999999999` */
function bucketList(entries: readonly MatrixEntry[], principal: StackPrincipal): string {
  const other = someOtherBucket(principal);
  const names = unique(entries.map((entry) => entry.resource.replace(/\/.*$/, ''))).map((arn) =>
    arn === other ? `any other bucket of account ${principal.accountId}` : arn.replace(/^arn:[^:]+:s3:::/, ''),
  );
  return names.join(' and ');
}
