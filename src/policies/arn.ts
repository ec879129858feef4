/**
 * The one place ARNs are built and read, for every partition this project
 * supports: `aws`, `aws-us-gov` (GovCloud) and `aws-cn` (China). A region names
 * its partition; everything else takes the partition as an argument.
 */

/** AWS partitions this project builds ARNs for. */
export const PARTITIONS = ['aws', 'aws-us-gov', 'aws-cn'] as const;

/** One of {@link PARTITIONS}. */
export type Partition = (typeof PARTITIONS)[number];

/** The region used where none is given: AWS's first, home of IAM's and STS's global endpoints. */
export const DEFAULT_REGION = 'us-east-1';

/** The characters of IAM names (users, groups, roles, policies): letters, digits and `+=,.@_-`; a user's name has 64 at most. */
export const IAM_NAME_CHARACTERS = /^[\w+=,.@-]+$/;

/** What differs between partitions besides the ARN prefix: where people sign in. */
export const PARTITION_HOSTS: Readonly<Record<Partition, { readonly signin: string; readonly console: string }>> = {
  aws: { signin: 'signin.aws.amazon.com', console: 'console.aws.amazon.com' },
  'aws-us-gov': { signin: 'signin.amazonaws-us-gov.com', console: 'console.amazonaws-us-gov.com' },
  'aws-cn': { signin: 'signin.amazonaws.cn', console: 'console.amazonaws.cn' },
};

/** The partition a region belongs to: `us-gov-west-1` → `aws-us-gov`, `cn-north-1` → `aws-cn`, else `aws`. */
export function partitionOfRegion(region: string): Partition {
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('cn-')) return 'aws-cn';
  return 'aws';
}

/** The parts of an ARN: `arn:<partition>:<service>:<region>:<account>:<resource>`. */
export interface ArnParts {
  readonly partition: Partition;
  readonly service: string;
  /** Empty for global services (IAM, S3 buckets). */
  readonly region: string;
  /** Account id, `aws` for AWS managed policies, or empty (S3 buckets). */
  readonly account: string;
  /** Everything after the fifth colon, e.g. `role/S3ProductionAccessRole`. */
  readonly resource: string;
}

/** Writes an ARN from its parts. */
export function formatArn(parts: ArnParts): string {
  return `arn:${parts.partition}:${parts.service}:${parts.region}:${parts.account}:${parts.resource}`;
}

/** Reads an ARN of a supported partition into its parts; undefined for anything else. */
export function parseArn(text: string): ArnParts | undefined {
  const match = /^arn:([^:]+):([^:]+):([^:]*):([^:]*):(.+)$/.exec(text);
  if (!match || !(PARTITIONS as readonly string[]).includes(match[1])) return undefined;
  return {
    partition: match[1] as Partition,
    service: match[2],
    region: match[3],
    account: match[4],
    resource: match[5],
  };
}

/** Kinds of IAM resources the stack names by ARN. */
export type IamResourceKind = 'user' | 'group' | 'role' | 'policy' | 'mfa';

/** `arn:<partition>:iam::<account>:<kind><path><name>`; the path defaults to `/`. */
export function iamArn(partition: Partition, account: string, kind: IamResourceKind, name: string, path = '/'): string {
  return formatArn({ partition, service: 'iam', region: '', account, resource: `${kind}${path}${name}` });
}

/** The account principal `arn:<partition>:iam::<account>:root`: whoever the account's own policies allow. */
export function accountRootArn(partition: Partition, account: string): string {
  return formatArn({ partition, service: 'iam', region: '', account, resource: 'root' });
}

/** A role session, as the caller's ARN after sts:AssumeRole. */
export function assumedRoleArn(partition: Partition, account: string, roleName: string, sessionName: string): string {
  return formatArn({
    partition,
    service: 'sts',
    region: '',
    account,
    resource: `assumed-role/${roleName}/${sessionName}`,
  });
}

/** An S3 bucket, or with `key` an object in it (`*` for every object). S3 ARNs carry no region or account. */
export function s3Arn(partition: Partition, bucket: string, key?: string): string {
  return formatArn({
    partition,
    service: 's3',
    region: '',
    account: '',
    resource: key === undefined ? bucket : `${bucket}/${key}`,
  });
}

/** True for an AWS managed policy ARN (`arn:<partition>:iam::aws:policy/…`), whose document AWS owns. */
export function isAwsManagedPolicyArn(text: string): boolean {
  const arn = parseArn(text);
  return arn !== undefined && arn.service === 'iam' && arn.account === 'aws' && arn.resource.startsWith('policy/');
}

/** True for an IAM policy ARN: AWS managed, or customer managed in a 12-digit account. */
export function isIamPolicyArn(text: string): boolean {
  const arn = parseArn(text);
  return (
    arn !== undefined &&
    arn.service === 'iam' &&
    arn.region === '' &&
    /^(aws|\d{12})$/.test(arn.account) &&
    /^policy\/[\w+=,.@/-]+$/.test(arn.resource)
  );
}

/** True for an IAM role ARN in a 12-digit account. */
export function isIamRoleArn(text: string): boolean {
  const arn = parseArn(text);
  return (
    arn !== undefined &&
    arn.service === 'iam' &&
    arn.region === '' &&
    /^\d{12}$/.test(arn.account) &&
    /^role\/[\w+=,.@/-]+$/.test(arn.resource)
  );
}

/** The IAM user an ARN names (`arn:…:iam::<account>:user/<path>/<name>`), or undefined. */
export function iamUserOfArn(
  text: string,
): { readonly partition: Partition; readonly account: string; readonly name: string } | undefined {
  const arn = parseArn(text);
  if (!arn || arn.service !== 'iam' || !arn.resource.startsWith('user/')) return undefined;
  return { partition: arn.partition, account: arn.account, name: arn.resource.split('/').at(-1) ?? '' };
}
