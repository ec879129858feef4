import { S3Client } from '@aws-sdk/client-s3';
import { Option, type Command } from 'commander';
import {
  allowsObjectWrites,
  findRoleUsage,
  listResources,
  roleBucketGrants,
  type SynthesizedStackJson,
} from '../access';
import { explainAwsError } from '../session/explain-aws-error';
import { roleCredentials } from '../session/role-credentials';
import { runSmokeCheck, type SmokeResult, type StepOutcome } from '../session/smoke-check';
import { UserError } from '../user-error';
import { loadCurrentStack } from './current-stack';
import { openRoleSession, withRoleSessionOptions, type RoleSessionOptions } from './role-session';

interface SmokeOptions extends RoleSessionOptions {
  readonly bucket?: string;
  readonly deniedBucket?: string;
  readonly access?: 'read-only' | 'read-write';
}

/** `cross-account smoke`: checks the deployed access of a role for real, leaving nothing behind. */
export function registerSmokeCommand(program: Command): void {
  withRoleSessionOptions(
    program.command('smoke').description('assume a role and check its bucket access for real, then clean up'),
  )
    .option('--bucket <name>', "bucket to probe (default: the role's one bucket)")
    .option('--denied-bucket <name>', 'a bucket the role must not list (default: another bucket of the stack)')
    .addOption(
      new Option('--access <level>', "what the role may do there (default: read from the role's policies)").choices([
        'read-only',
        'read-write',
      ]),
    )
    .action(async (options: SmokeOptions) => {
      await smokeTest(options, (outcome) => {
        process.stdout.write(`${formatStep(outcome)}\n`);
      });
      process.stdout.write(`smoke passed: ${options.role} works as the settings say\n`);
    });
}

/**
 * Assumes the role, runs the smoke check on its bucket and throws a one-line
 * {@link UserError} naming the failing step; Ctrl-C aborts the running step and
 * the probe object is still removed.
 */
export async function smokeTest(options: SmokeOptions, progress: (outcome: StepOutcome) => void): Promise<SmokeResult> {
  const stack = loadCurrentStack(options.outdir);
  const role = findRoleUsage(stack, options.role);
  const { target, props } = await openRoleSession(options, role);
  const grants = roleBucketGrants(stack, role);
  const bucket = options.bucket ?? onlyBucket(grants, target.name);
  // AWS managed policies (AmazonS3FullAccess, …) are not read here: --access says what they allow.
  const canWrite = options.access
    ? options.access === 'read-write'
    : grants.some((grant) => grant.bucket === bucket && allowsObjectWrites(grant));
  let credentials;
  try {
    credentials = await roleCredentials(props)();
  } catch (error) {
    const explained = explainAwsError(error, { roleName: target.name, requirements: target.requirements });
    progress({ step: 'assume-role', ok: false, detail: (error as Error).name });
    throw new UserError(`smoke failed at assume-role: ${(explained ?? (error as Error)).message}`);
  }
  progress({ step: 'assume-role', ok: true, detail: `${target.arn} as session ${props.sessionName}` });

  const controller = new AbortController();
  const interrupt = () => controller.abort();
  process.once('SIGINT', interrupt);
  let result: SmokeResult;
  try {
    result = await runSmokeCheck({
      s3: new S3Client({ region: props.region, credentials }),
      bucket,
      deniedBucket: options.deniedBucket ?? otherBucket(stack, grants, bucket),
      canWrite,
      signal: controller.signal,
      onStep: progress,
    });
  } finally {
    process.off('SIGINT', interrupt);
  }
  const probe = result.probeRemoved ? 'probe object removed' : `PROBE OBJECT LEFT: s3://${bucket}/${result.probeKey}`;
  if (result.interrupted) throw new UserError(`smoke interrupted during ${result.failedStep?.step}; ${probe}`);
  if (result.failedStep) {
    throw new UserError(`smoke failed at ${result.failedStep.step}: ${result.failedStep.detail}; ${probe}`);
  }
  if (!result.probeRemoved) throw new UserError(`smoke could not clean up: ${probe}`);
  return result;
}

/** `ok    list-bucket         productionapp: listed 0 key(s)` */
export function formatStep(outcome: StepOutcome): string {
  return `${outcome.ok ? 'ok  ' : 'FAIL'}  ${outcome.step.padEnd(20)} ${outcome.detail}`;
}

function onlyBucket(grants: readonly { bucket: string }[], roleName: string): string {
  if (grants.length === 1) return grants[0].bucket;
  const names = grants.map((grant) => grant.bucket).join(', ') || 'none named in its policies';
  throw new UserError(`role ${roleName} has ${grants.length} buckets (${names}): pass --bucket <name>`);
}

/** A bucket of the stack the role was not given, else a name nobody was given. */
function otherBucket(stack: SynthesizedStackJson, grants: readonly { bucket: string }[], bucket: string): string {
  const given = new Set(grants.map((grant) => grant.bucket));
  const known = listResources(stack)
    .filter((resource) => resource.type === 'aws_s3_bucket')
    .map((resource) => String(resource.attributes.bucket));
  return known.find((name) => !given.has(name)) ?? `${bucket}-not-given`.slice(0, 63);
}
