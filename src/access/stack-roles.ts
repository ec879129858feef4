import { compareNames } from '../name-order';
import { iamArn, s3Arn, type Partition } from '../policies/arn';
import { parsePolicyDocument, type PolicyDocument } from '../policies/policy-statement';
import { listDataSources, listResources, providerAccount, type SynthesizedStackJson } from './synthesized-stack';

/** A role of the synthesized stack, with what a user of it needs. */
export interface StackRole {
  /** IAM role name. */
  readonly name: string;
  /** Account key (provider alias) that holds it. */
  readonly account: string;
  /** That account's pinned id. */
  readonly accountId: string;
  /** That account's partition (from its provider's region). */
  readonly partition: Partition;
  /** The ARN it will have: `arn:<partition>:iam::<account id>:role/<name>`. */
  readonly arn: string;
  /** Terraform address, e.g. `aws_iam_role.role-X_role_1234`. */
  readonly address: string;
  /** The trust policy as AWS will read it: references resolved, `$${aws:username}` unescaped. */
  readonly trustPolicy: PolicyDocument;
  /** Longest session, in seconds. */
  readonly maxSessionDuration: number;
  /** ARN of the managed policy that bounds the role's permissions (`permissions_boundary`). @default none */
  readonly permissionsBoundaryArn?: string;
}

/** Every role in the stack, in name order. */
export function listStackRoles(stack: SynthesizedStackJson): StackRole[] {
  return listResources(stack)
    .filter((resource) => resource.type === 'aws_iam_role')
    .map((resource) => {
      const name = String(resource.attributes.name);
      const { id: accountId, partition } = providerAccount(stack, resource.account);
      const path = typeof resource.attributes.path === 'string' ? resource.attributes.path : '/';
      return {
        name,
        account: resource.account,
        accountId,
        partition,
        arn: iamArn(partition, accountId, 'role', name, path),
        address: `aws_iam_role.${resource.name}`,
        trustPolicy: parsePolicyDocument(resolveReferences(String(resource.attributes.assume_role_policy), stack)) ?? {
          statements: [],
        },
        maxSessionDuration: Number(resource.attributes.max_session_duration ?? 3600),
        ...(typeof resource.attributes.permissions_boundary === 'string' && {
          permissionsBoundaryArn: resolveReferences(resource.attributes.permissions_boundary, stack),
        }),
      };
    })
    .sort((a, b) => compareNames(a.name, b.name));
}

/**
 * Replaces the Terraform references the stack uses (`${aws_iam_role.x.arn}`,
 * `${aws_iam_policy.x.arn}`, `${aws_iam_group.x.name}`, and of data sources
 * `${data.aws_iam_user.x.arn}`, `${data.aws_iam_group.x.group_name}`) with the
 * values they will have, computed from the names and the providers' pinned
 * account ids, and unescapes `$${` (an IAM policy variable such as
 * `$${aws:username}`) to `${`, as Terraform does. Terraform is not run, so this
 * is done here by hand; a reference it cannot resolve is left as it is. An
 * existing user or group read by a data source is taken to have the path `/`.
 */
export function resolveReferences(text: string, stack: SynthesizedStackJson): string {
  const values = referenceValues(stack);
  return text.replace(
    /\$\$\{|\$\{((?:data\.)?[a-z0-9_]+\.[^.}]+\.[a-z_]+)\}/g,
    (whole, reference: string | undefined) => (reference === undefined ? '${' : (values.get(reference) ?? whole)),
  );
}

const referenceCache = new WeakMap<SynthesizedStackJson, Map<string, string>>();

function referenceValues(stack: SynthesizedStackJson): Map<string, string> {
  const cached = referenceCache.get(stack);
  if (cached) return cached;
  const values = new Map<string, string>();
  for (const resource of listResources(stack)) {
    const name = resource.attributes.name ?? resource.attributes.bucket;
    if (typeof name !== 'string') continue;
    const { id: accountId, partition } = providerAccount(stack, resource.account);
    const prefix = `${resource.type}.${resource.name}`;
    values.set(`${prefix}.name`, name);
    values.set(`${prefix}.id`, name);
    const arn = arnOf(resource.type, name, partition, accountId, resource.attributes);
    if (arn) values.set(`${prefix}.arn`, arn);
  }
  for (const source of listDataSources(stack)) {
    const nameKey = DATA_SOURCE_NAME_KEYS.get(source.type);
    const name = nameKey && source.attributes[nameKey];
    if (!nameKey || typeof name !== 'string') continue;
    const { id: accountId, partition } = providerAccount(stack, source.account);
    const prefix = `data.${source.type}.${source.name}`;
    values.set(`${prefix}.${nameKey}`, name);
    values.set(`${prefix}.id`, name);
    const arn = arnOf(source.type, name, partition, accountId, {});
    if (arn) values.set(`${prefix}.arn`, arn);
  }
  referenceCache.set(stack, values);
  return values;
}

/** The argument that names what an IAM data source reads. */
const DATA_SOURCE_NAME_KEYS: ReadonlyMap<string, string> = new Map([
  ['aws_iam_user', 'user_name'],
  ['aws_iam_group', 'group_name'],
]);

function arnOf(
  type: string,
  name: string,
  partition: Partition,
  accountId: string,
  attributes: Readonly<Record<string, unknown>>,
): string | undefined {
  const path = typeof attributes.path === 'string' ? attributes.path : '/';
  const kinds: Readonly<Record<string, 'role' | 'policy' | 'user' | 'group'>> = {
    aws_iam_role: 'role',
    aws_iam_policy: 'policy',
    aws_iam_user: 'user',
    aws_iam_group: 'group',
  };
  if (type === 'aws_s3_bucket') return s3Arn(partition, name);
  const kind = Object.hasOwn(kinds, type) ? kinds[type] : undefined;
  return kind && iamArn(partition, accountId, kind, name, path);
}
