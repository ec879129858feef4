import type { IdentityPolicy } from './policy-statement';

/**
 * The IAM actions Terraform's AWS provider (hashicorp/aws 5.100.0) calls to
 * create, read, update and delete each resource type this stack creates, from
 * the provider's resource code (internal/service/iam, internal/service/s3):
 * reads run on every plan, deletes when a key leaves the settings, and the
 * tag actions because `tags` become the providers' default tags. Data sources
 * (`data.<type>`) only read. Importing needs no more than reading. A null-prototype
 * map: a type is looked up by name, never through Object.prototype.
 */
export const DEPLOY_ACTIONS: Readonly<Record<string, readonly string[]>> = Object.assign(Object.create(null), {
  aws_iam_group: ['iam:CreateGroup', 'iam:GetGroup', 'iam:UpdateGroup', 'iam:DeleteGroup'],
  aws_iam_group_policy: ['iam:PutGroupPolicy', 'iam:GetGroupPolicy', 'iam:DeleteGroupPolicy'],
  aws_iam_group_policy_attachment: ['iam:AttachGroupPolicy', 'iam:ListAttachedGroupPolicies', 'iam:DetachGroupPolicy'],
  // Deleting a user first removes it from its groups.
  aws_iam_user: [
    'iam:CreateUser',
    'iam:GetUser',
    'iam:UpdateUser',
    'iam:DeleteUser',
    'iam:TagUser',
    'iam:UntagUser',
    'iam:ListGroupsForUser',
    'iam:RemoveUserFromGroup',
  ],
  aws_iam_user_group_membership: ['iam:AddUserToGroup', 'iam:ListGroupsForUser', 'iam:RemoveUserFromGroup'],
  aws_iam_user_policy: ['iam:PutUserPolicy', 'iam:GetUserPolicy', 'iam:DeleteUserPolicy'],
  aws_iam_user_policy_attachment: ['iam:AttachUserPolicy', 'iam:ListAttachedUserPolicies', 'iam:DetachUserPolicy'],
  // Existing users and groups the stack only reads (`existing: reference`), on every plan.
  'data.aws_iam_user': ['iam:GetUser'],
  'data.aws_iam_group': ['iam:GetGroup'],
  // Reading a role lists its inline and attached policies; deleting it first leaves its instance profiles.
  aws_iam_role: [
    'iam:CreateRole',
    'iam:GetRole',
    'iam:UpdateRole',
    'iam:UpdateAssumeRolePolicy',
    'iam:DeleteRole',
    'iam:TagRole',
    'iam:UntagRole',
    'iam:PutRolePermissionsBoundary',
    'iam:DeleteRolePermissionsBoundary',
    'iam:ListRolePolicies',
    'iam:GetRolePolicy',
    'iam:ListAttachedRolePolicies',
    'iam:ListInstanceProfilesForRole',
    'iam:RemoveRoleFromInstanceProfile',
  ],
  // A policy's document changes as a new default version; the oldest goes when five exist.
  aws_iam_policy: [
    'iam:CreatePolicy',
    'iam:GetPolicy',
    'iam:GetPolicyVersion',
    'iam:ListPolicyVersions',
    'iam:CreatePolicyVersion',
    'iam:DeletePolicyVersion',
    'iam:DeletePolicy',
    'iam:TagPolicy',
    'iam:UntagPolicy',
  ],
  aws_iam_role_policy: ['iam:PutRolePolicy', 'iam:GetRolePolicy', 'iam:DeleteRolePolicy'],
  aws_iam_role_policy_attachment: ['iam:AttachRolePolicy', 'iam:ListAttachedRolePolicies', 'iam:DetachRolePolicy'],
  // Reading a bucket reads every one of its sub-configurations.
  aws_s3_bucket: [
    's3:CreateBucket',
    's3:ListBucket',
    's3:DeleteBucket',
    's3:GetBucketAcl',
    's3:GetBucketCORS',
    's3:GetBucketWebsite',
    's3:GetBucketVersioning',
    's3:GetAccelerateConfiguration',
    's3:GetBucketRequestPayment',
    's3:GetBucketLogging',
    's3:GetLifecycleConfiguration',
    's3:GetReplicationConfiguration',
    's3:GetEncryptionConfiguration',
    's3:GetBucketObjectLockConfiguration',
    's3:GetBucketPolicy',
    's3:GetBucketTagging',
    's3:PutBucketTagging',
  ],
  // S3's DeletePublicAccessBlock is authorized as s3:PutBucketPublicAccessBlock.
  aws_s3_bucket_public_access_block: ['s3:PutBucketPublicAccessBlock', 's3:GetBucketPublicAccessBlock'],
  // Deleting the configuration is s3:PutEncryptionConfiguration too.
  aws_s3_bucket_server_side_encryption_configuration: [
    's3:PutEncryptionConfiguration',
    's3:GetEncryptionConfiguration',
  ],
  aws_s3_bucket_versioning: ['s3:PutBucketVersioning', 's3:GetBucketVersioning'],
});

/** Resource types Terraform handles itself (the settings file's record): no AWS call, no permission. */
export const TERRAFORM_RESOURCE_TYPES: readonly string[] = ['terraform_data'];

/**
 * The actions the deploying credentials need in an account where the stack
 * creates these resource types, sorted and without repeats. Throws for a type
 * this table does not know, so a new resource cannot ship undocumented.
 */
export function deployActionsFor(resourceTypes: Iterable<string>): string[] {
  const actions = new Set<string>();
  for (const type of resourceTypes) {
    if (TERRAFORM_RESOURCE_TYPES.includes(type)) continue;
    const known = DEPLOY_ACTIONS[type];
    if (!known) throw new Error(`deploy permissions: no actions are known for ${type}; add them to DEPLOY_ACTIONS`);
    for (const action of known) actions.add(action);
  }
  return [...actions].sort();
}

/**
 * The identity policy of the deploying credentials in one account: the actions
 * on every resource of the account (IAM names are free-form in the settings,
 * so no narrower ARN pattern covers them all). Whoever can create roles and
 * policies can grant themselves more: give this policy to a deployment role
 * only, never to people.
 */
export function deployPolicy(resourceTypes: Iterable<string>): IdentityPolicy {
  const actions = deployActionsFor(resourceTypes);
  const statement = (sid: string, prefix: string) => {
    const matching = actions.filter((action) => action.startsWith(prefix));
    return matching.length > 0 ? [{ sid, effect: 'Allow' as const, actions: matching, resources: ['*'] }] : [];
  };
  return { statements: [...statement('ManageIam', 'iam:'), ...statement('ManageBuckets', 's3:')] };
}
