import { S3Client } from '@aws-sdk/client-s3';
import { UserError } from '../user-error';
import { assumeRoleOnce, UnusableCredentials } from './assume-role-once';
import { awsClientConfig, withRequestSites } from './aws-client-config';
import { explainAwsError } from './explain-aws-error';
import { DEFAULT_NETWORK_TIMEOUTS } from './network-timeouts';
import type { RoleCredentialsProps } from './role-credentials';
import type { RoleTarget } from './role-session';
import { runSmokeCheck, type SmokeResult, type StepOutcome } from './smoke-check';
import type { SmokePlan } from './smoke-plan';

/** Signals that stop the check: Ctrl-C, `kill` or a CI runner cancelling the job, a closed terminal. */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Assumes the role, runs the smoke check of `plan` and throws a one-line
 * {@link UserError} naming the failing step; SIGINT, SIGTERM or SIGHUP aborts
 * the running step and the probe object is still removed.
 */
export async function runSmoke(
  target: RoleTarget,
  props: RoleCredentialsProps,
  plan: SmokePlan,
  progress: (outcome: StepOutcome) => void,
): Promise<SmokeResult> {
  let credentials;
  try {
    credentials = await assumeRoleOnce(target, props);
  } catch (error) {
    const explained = explainAwsError(error, { roleName: target.name, requirements: target.requirements });
    const detail = error instanceof UnusableCredentials ? error.reason : (error as Error).name;
    progress({ step: 'assume-role', ok: false, detail });
    throw new UserError(`smoke failed at assume-role: ${(explained ?? (error as Error)).message}`);
  }
  progress({ step: 'assume-role', ok: true, detail: `${target.arn} as session ${props.sessionName}` });

  const controller = new AbortController();
  const interrupt = () => controller.abort();
  for (const signal of STOP_SIGNALS) process.once(signal, interrupt);
  const timeouts = props.timeouts ?? DEFAULT_NETWORK_TIMEOUTS;
  const s3 = withRequestSites(
    new S3Client({ region: props.region, credentials, ...awsClientConfig(timeouts) }),
    timeouts,
  );
  let result: SmokeResult;
  try {
    result = await runSmokeCheck({
      s3,
      bucket: plan.bucket,
      deniedBucket: plan.deniedBucket,
      canWrite: plan.canWrite,
      signal: controller.signal,
      onStep: progress,
    });
  } finally {
    for (const signal of STOP_SIGNALS) process.off(signal, interrupt);
    s3.destroy();
  }
  const probe = result.probeRemoved
    ? 'probe object removed'
    : `PROBE OBJECT LEFT: s3://${plan.bucket}/${result.probeKey}`;
  if (result.interrupted) throw new UserError(`smoke interrupted during ${result.failedStep?.step}; ${probe}`);
  if (result.failedStep) {
    throw new UserError(`smoke failed at ${result.failedStep.step}: ${result.failedStep.detail}; ${probe}`);
  }
  if (!result.probeRemoved) throw new UserError(`smoke could not clean up: ${probe}`);
  return result;
}
