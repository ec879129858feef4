import { randomUUID } from 'node:crypto';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { explainNetworkError } from './explain-network-error';

/** Props of {@link runSmokeCheck}. */
export interface SmokeCheckProps {
  /** An S3 client acting as the role. */
  readonly s3: S3Client;
  /** The bucket the role was given. */
  readonly bucket: string;
  /** A bucket the role was not given: listing it must be refused. */
  readonly deniedBucket: string;
  /** The role may write objects: probe put, get and delete; otherwise check that a put is refused. */
  readonly canWrite: boolean;
  /** Key of the probe object. @default `cross-account-smoke/<time>-<uuid>.txt` */
  readonly probeKey?: string;
  /** Aborts the running step (Ctrl-C); the probe object is still removed. @default never */
  readonly signal?: AbortSignal;
  /** Called after each step, for progress output. @default nothing */
  readonly onStep?: (outcome: StepOutcome) => void | Promise<void>;
}

/** One step's result. */
export interface StepOutcome {
  readonly step: string;
  readonly ok: boolean;
  /** What happened, in a few words. */
  readonly detail: string;
}

/** The whole check: each step run, and whether the probe object is gone. */
export interface SmokeResult {
  readonly ok: boolean;
  readonly steps: readonly StepOutcome[];
  /** The first failed step. @default none */
  readonly failedStep?: StepOutcome;
  /** A step was aborted by the signal. */
  readonly interrupted: boolean;
  readonly probeKey: string;
  /** The probe object was deleted (or never written). */
  readonly probeRemoved: boolean;
}

/** S3 error codes that show a request was refused rather than broken. */
const REFUSALS = new Set(['AccessDenied', 'NoSuchBucket']);

/**
 * The deployed access, checked for real with the role's S3 client: list the
 * bucket, write a uniquely named probe object, read it back, delete it, and see
 * the role refused what it was not given. The probe object is deleted in a
 * `finally`, so a failed or interrupted step leaves nothing behind.
 */
export async function runSmokeCheck(props: SmokeCheckProps): Promise<SmokeResult> {
  const { s3, bucket, signal } = props;
  const probeKey = props.probeKey ?? `cross-account-smoke/${Date.now()}-${randomUUID()}.txt`;
  const content = `cross-account smoke probe ${probeKey}`;
  const steps: StepOutcome[] = [];
  let probeWritten = false;
  let probeRemoved = true;
  /** Runs one step and records it; false when it failed (the check stops there). */
  const step = async (name: string, run: () => Promise<string>): Promise<boolean> => {
    let outcome: StepOutcome;
    try {
      signal?.throwIfAborted();
      outcome = { step: name, ok: true, detail: await run() };
    } catch (error) {
      outcome = { step: name, ok: false, detail: describeError(error, signal) };
    }
    steps.push(outcome);
    await props.onStep?.(outcome);
    return outcome.ok;
  };
  const options = { abortSignal: signal };

  const runSteps = async (): Promise<void> => {
    const listed = await step('list-bucket', async () => {
      const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket, MaxKeys: 10 }), options);
      return `${bucket}: listed ${listed.KeyCount ?? 0} key(s)`;
    });
    if (!listed) return;
    // Marked before the call: a put can succeed on the server and still fail here.
    probeWritten = true;
    probeRemoved = false;
    if (props.canWrite) {
      const written =
        (await step('put-object', async () => {
          await s3.send(new PutObjectCommand({ Bucket: bucket, Key: probeKey, Body: content }), options);
          return `s3://${bucket}/${probeKey} (${content.length} bytes)`;
        })) &&
        (await step('get-object', async () => {
          const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: probeKey }), options);
          const body = await got.Body?.transformToString();
          if (body !== content)
            throw new Error(`read back ${body?.length ?? 0} bytes that differ from what was written`);
          return `read back ${body.length} bytes, identical`;
        })) &&
        (await step('delete-object', async () => {
          await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: probeKey }), options);
          probeRemoved = true;
          return 'probe object deleted';
        }));
      if (!written) return;
    } else {
      const refused = await step('refused-put-object', () =>
        expectRefusal(s3.send(new PutObjectCommand({ Bucket: bucket, Key: probeKey, Body: content }), options), {
          what: `PutObject on ${bucket}`,
          why: 'the role has read-only access',
        }),
      );
      if (!refused) return;
    }
    await step('refused-list-bucket', () =>
      expectRefusal(s3.send(new ListObjectsV2Command({ Bucket: props.deniedBucket, MaxKeys: 1 }), options), {
        what: `ListBucket on ${props.deniedBucket}`,
        why: 'the role was not given that bucket',
      }),
    );
  };

  try {
    await runSteps();
  } finally {
    if (probeWritten && !probeRemoved) probeRemoved = await removeProbe(s3, bucket, probeKey);
  }
  const failedStep = steps.find((outcome) => !outcome.ok);
  return {
    ok: failedStep === undefined && probeRemoved,
    steps,
    ...(failedStep && { failedStep }),
    // Interrupted only if a step was cut short; a Ctrl-C after the last step changes nothing.
    interrupted: (signal?.aborted ?? false) && failedStep !== undefined,
    probeKey,
    probeRemoved,
  };
}

/** Passes when the request is refused (AccessDenied, or NoSuchBucket: nothing reachable); fails when it succeeds. */
async function expectRefusal(request: Promise<unknown>, expected: { what: string; why: string }): Promise<string> {
  try {
    await request;
  } catch (error) {
    const name = (error as Error).name;
    if (!REFUSALS.has(name)) throw error;
    return name === 'NoSuchBucket'
      ? `${expected.what}: NoSuchBucket (it does not exist, so this shows only that nothing was reached)`
      : `${expected.what}: refused (${name})`;
  }
  throw new Error(`${expected.what} succeeded, but ${expected.why}`);
}

/** Deletes the probe without the abort signal (cleanup must run after Ctrl-C too). */
async function removeProbe(s3: S3Client, bucket: string, key: string): Promise<boolean> {
  try {
    await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    return true;
  } catch {
    return false;
  }
}

function describeError(error: unknown, signal: AbortSignal | undefined): string {
  if (signal?.aborted) return 'interrupted';
  const network = explainNetworkError(error);
  if (network) return network.message;
  const { name, message } = error as Error;
  return name && name !== 'Error' ? `${name}: ${message.split('\n')[0]}` : message;
}
