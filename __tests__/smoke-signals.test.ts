import { startHoldingProxy, type HoldingProxy } from '../tools/loopback/holding-proxy';
import { startLocalS3, type LocalS3 } from '../tools/loopback/local-s3';
import { startLocalSts, type LocalSts } from '../tools/loopback/local-sts';
import { bucketKeys } from './support/bucket-keys';
import { startCliProcess } from './support/cli-process';
import { useLoopbackAws } from './support/loopback-aws-env';
import { synthesizeFileToOutdir } from './support/synthesized-outdir';

// A real `smoke` process is stopped while its probe object is in the bucket: it must remove
// the object on SIGTERM (a CI runner cancelling a job, `kill`) and SIGHUP (a closed terminal)
// as it does on Ctrl-C (SIGINT, tested in-process in smoke-command.test.ts), say where it
// stopped, and exit 1.

let s3: LocalS3;
let sts: LocalSts;
let proxy: HoldingProxy | undefined;
let outdir: string;

beforeAll(async () => {
  s3 = await startLocalS3(['productionapp']);
  sts = await startLocalSts();
  outdir = synthesizeFileToOutdir('config/default.yaml');
});
afterAll(async () => {
  await Promise.all([s3.close(), sts.close()]);
});
afterEach(() => proxy?.close());

it.each(['SIGTERM', 'SIGHUP'] as const)(
  'removes the probe object when smoke gets %s while reading it back',
  async (signal) => {
    // Reading the probe back is held, so the signal arrives while the object is in the bucket.
    proxy = await startHoldingProxy(
      s3.endpoint,
      (request) => request.method === 'GET' && /smoke/.test(request.url ?? ''),
    );
    const restore = useLoopbackAws({ sts: sts.endpoint, s3: proxy.endpoint });
    const env = { ...process.env };
    restore();
    const before = await bucketKeys(s3.endpoint, 'productionapp');
    const run = startCliProcess(['smoke', '--role', 'S3ProductionAccessRole', '--outdir', outdir], env);
    await proxy.firstHeld;
    expect(await bucketKeys(s3.endpoint, 'productionapp')).toHaveLength(before.length + 1);
    run.child.kill(signal);
    const result = await run.finished;
    expect(result).toMatchObject({
      code: 1,
      signal: null,
      stderr: 'smoke interrupted during get-object; probe object removed\n',
    });
    expect(result.stdout).toMatch(
      /^ok {4}assume-role .*\nok {4}list-bucket .*\nok {4}put-object .*\nFAIL {2}get-object +interrupted\n$/,
    );
    expect(await bucketKeys(s3.endpoint, 'productionapp')).toEqual(before);
  },
);
