import { S3Client } from '@aws-sdk/client-s3';
import { runSmokeCheck, type SmokeCheckProps } from '../src/session/smoke-check';
import { bucketKeys } from './support/bucket-keys';
import { startLocalS3, type LocalS3 } from '../tools/loopback/local-s3';
import { useLoopbackAws } from './support/loopback-aws-env';

let s3: LocalS3;
let client: S3Client;
let restoreEnv: () => void;

beforeAll(async () => {
  s3 = await startLocalS3(['productionapp', 'another-bucket']);
  restoreEnv = useLoopbackAws({ s3: s3.endpoint });
  client = localClient();
});
/** A client of the local s3rver, with the keys it knows. */
function localClient(): S3Client {
  return new S3Client({
    endpoint: s3.endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
}

afterAll(async () => {
  restoreEnv();
  await s3.close();
});
// Nothing may be left behind by any smoke run, passing or failing.
afterEach(async () => expect(await bucketKeys(s3.endpoint, 'productionapp')).toEqual([]));

const check = (props: Partial<SmokeCheckProps> = {}) =>
  runSmokeCheck({ s3: client, bucket: 'productionapp', deniedBucket: 'not-given-bucket', canWrite: true, ...props });

describe('runSmokeCheck', () => {
  it('lists, writes, reads back and deletes a probe object, and sees a bucket it was not given refused', async () => {
    const result = await check();
    expect(result.steps.map((step) => [step.step, step.ok])).toEqual([
      ['list-bucket', true],
      ['put-object', true],
      ['get-object', true],
      ['delete-object', true],
      ['refused-list-bucket', true],
    ]);
    expect(result.steps[4].detail).toMatch(/^ListBucket on not-given-bucket: NoSuchBucket/);
    expect(result).toMatchObject({ ok: true, interrupted: false, probeRemoved: true });
  });

  it('fails at refused-list-bucket when the role can list a bucket it was not given, and still cleans up', async () => {
    const result = await check({ deniedBucket: 'another-bucket' });
    expect(result.ok).toBe(false);
    expect(result.failedStep).toEqual({
      step: 'refused-list-bucket',
      ok: false,
      detail: 'ListBucket on another-bucket succeeded, but the role was not given that bucket',
    });
    expect(result.probeRemoved).toBe(true);
  });

  it('fails a read-only role that is allowed to write, and deletes what that write left', async () => {
    const result = await check({ canWrite: false });
    expect(result.failedStep).toMatchObject({
      step: 'refused-put-object',
      detail: 'PutObject on productionapp succeeded, but the role has read-only access',
    });
    expect(result.probeRemoved).toBe(true);
  });

  it('removes the probe object when interrupted (Ctrl-C) after writing it', async () => {
    const controller = new AbortController();
    const result = await check({
      signal: controller.signal,
      onStep: (outcome) => {
        if (outcome.step === 'put-object') controller.abort();
      },
    });
    expect(result).toMatchObject({ ok: false, interrupted: true, probeRemoved: true });
    expect(result.failedStep).toEqual({ step: 'get-object', ok: false, detail: 'interrupted' });
  });

  describe('on errors s3rver cannot give (it enforces no IAM), injected into the client', () => {
    // s3rver answers NoSuchBucket or success only; AWS also answers AccessDenied or a fault.
    const clientFailing = (name: string) => {
      const failing = localClient();
      failing.middlewareStack.add(
        (next) => async (args) => {
          const input = args.input as { Bucket?: string };
          if (input.Bucket === 'someone-elses-bucket') throw Object.assign(new Error(`${name} from S3`), { name });
          return next(args);
        },
        { step: 'initialize' },
      );
      return failing;
    };

    it('counts AccessDenied on a bucket it was not given as refused', async () => {
      const result = await check({ s3: clientFailing('AccessDenied'), deniedBucket: 'someone-elses-bucket' });
      expect(result.steps.at(-1)).toEqual({
        step: 'refused-list-bucket',
        ok: true,
        detail: 'ListBucket on someone-elses-bucket: refused (AccessDenied)',
      });
    });

    it('fails on any other error there: it proves nothing about access', async () => {
      const result = await check({ s3: clientFailing('InternalError'), deniedBucket: 'someone-elses-bucket' });
      expect(result.failedStep).toEqual({
        step: 'refused-list-bucket',
        ok: false,
        detail: 'InternalError: InternalError from S3',
      });
    });
  });

  it('fails at list-bucket on a bucket that is not there, before writing anything', async () => {
    const result = await check({ bucket: 'no-such-bucket' });
    expect(result.failedStep).toMatchObject({ step: 'list-bucket', detail: expect.stringMatching(/^NoSuchBucket/) });
    expect(result.steps).toHaveLength(1);
  });
});
