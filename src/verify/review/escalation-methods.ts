/**
 * Published IAM privilege-escalation methods (Rhino Security Labs' catalogue,
 * as Bishop Fox, Cloudsplaining and PMapper also list them), as plain data:
 * each is a set of requests that together let a principal give itself more
 * permissions than its policies say. Picked for what this stack's principals
 * can hold (IAM users and roles with AWS managed policies): the methods through
 * Glue development endpoints and Data Pipeline are left out, as both services
 * are closed to new use.
 */

/** What an escalation request is made on, relative to the principal that makes it. */
export type EscalationTarget =
  /** Its own user or role. */
  | 'itself'
  /** The groups it is a member of. */
  | 'its-groups'
  /** Groups it is not a member of. */
  | 'other-groups'
  /** Users other than itself. */
  | 'other-users'
  /** Roles other than itself. */
  | 'other-roles'
  /** Customer managed policies: its own and any other. */
  | 'policies'
  /** A Lambda function. */
  | 'function'
  /** An EC2 instance. */
  | 'instance'
  /** A CloudFormation stack. */
  | 'stack'
  /** No resource (`*`). */
  | 'none';

/** One method: every one of its requests must be allowed. */
export interface EscalationMethod {
  /** The requests, in the catalogue's order: `iam:PassRole` on another role, then `ec2:RunInstances` … */
  readonly requests: readonly { readonly action: string; readonly on: EscalationTarget }[];
  /** What it gets the principal, in a few words. */
  readonly gains: string;
  /** Who can use it: users (groups, login profiles) or any principal. @default any */
  readonly principals?: 'users' | 'roles';
}

const passRole = { action: 'iam:PassRole', on: 'other-roles' } as const;

/** The methods verify checks, in the catalogue's order. */
export const ESCALATION_METHODS: readonly EscalationMethod[] = [
  {
    requests: [{ action: 'iam:CreatePolicyVersion', on: 'policies' }],
    gains: 'rewrites a managed policy, its new default version allowing anything',
  },
  {
    requests: [{ action: 'iam:SetDefaultPolicyVersion', on: 'policies' }],
    gains: 'switches a managed policy to a broader version of it',
  },
  {
    requests: [{ action: 'iam:CreateAccessKey', on: 'other-users' }],
    gains: 'creates access keys for another user and acts as that user',
  },
  {
    requests: [{ action: 'iam:CreateLoginProfile', on: 'other-users' }],
    gains: 'sets a console password for another user',
  },
  {
    requests: [{ action: 'iam:UpdateLoginProfile', on: 'other-users' }],
    gains: "changes another user's console password",
  },
  {
    requests: [{ action: 'iam:AttachUserPolicy', on: 'itself' }],
    gains: 'attaches any managed policy (AdministratorAccess) to itself',
    principals: 'users',
  },
  {
    requests: [{ action: 'iam:AttachGroupPolicy', on: 'its-groups' }],
    gains: 'attaches any managed policy to its own group',
    principals: 'users',
  },
  {
    requests: [{ action: 'iam:AttachRolePolicy', on: 'itself' }],
    gains: 'attaches any managed policy to its own role',
    principals: 'roles',
  },
  {
    requests: [{ action: 'iam:PutUserPolicy', on: 'itself' }],
    gains: 'writes itself an inline policy allowing anything',
    principals: 'users',
  },
  {
    requests: [{ action: 'iam:PutGroupPolicy', on: 'its-groups' }],
    gains: 'writes its own group an inline policy allowing anything',
    principals: 'users',
  },
  {
    requests: [{ action: 'iam:PutRolePolicy', on: 'itself' }],
    gains: 'writes its own role an inline policy allowing anything',
    principals: 'roles',
  },
  {
    requests: [{ action: 'iam:AddUserToGroup', on: 'other-groups' }],
    gains: 'joins a more powerful group',
    principals: 'users',
  },
  {
    // In its own account a trust policy that names the principal is enough: no sts:AssumeRole allow is needed.
    requests: [{ action: 'iam:UpdateAssumeRolePolicy', on: 'other-roles' }],
    gains: "rewrites another role's trust policy to let itself in",
  },
  {
    requests: [passRole, { action: 'ec2:RunInstances', on: 'instance' }],
    gains: 'starts an instance with a more powerful role and uses its credentials',
  },
  {
    requests: [
      passRole,
      { action: 'lambda:CreateFunction', on: 'function' },
      { action: 'lambda:InvokeFunction', on: 'function' },
    ],
    gains: 'runs its own code as a Lambda function with a more powerful role',
  },
  {
    requests: [
      passRole,
      { action: 'lambda:CreateFunction', on: 'function' },
      { action: 'lambda:CreateEventSourceMapping', on: 'none' },
    ],
    gains: 'runs its own code as a Lambda function with a more powerful role, triggered by an event source',
  },
  {
    requests: [{ action: 'lambda:UpdateFunctionCode', on: 'function' }],
    gains: "replaces an existing function's code and acts with the function's role",
  },
  {
    requests: [passRole, { action: 'cloudformation:CreateStack', on: 'stack' }],
    gains: 'has CloudFormation create resources with a more powerful role',
  },
];

/** `iam:PassRole + ec2:RunInstances` */
export function methodName(method: EscalationMethod): string {
  return method.requests.map((request) => request.action).join(' + ');
}
