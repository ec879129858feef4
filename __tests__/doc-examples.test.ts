import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { startLocalS3, type LocalS3 } from '../tools/loopback/local-s3';
import { startLocalSts, type LocalSts } from '../tools/loopback/local-sts';
import { outputBlock } from '../tools/docs/marked-blocks';
import { useLoopbackAws } from './support/loopback-aws-env';
import { PROJECT_ROOT } from './support/project';

const run = promisify(execFile);
const BUCKET = 'amzn-s3-demo-bucket-shared-container';

/** Runs a docs example as a reader would (`npx ts-node <file>`), in a child process that sees this process's environment. */
function runExample(file: string) {
  return run(process.execPath, ['-r', 'ts-node/register/transpile-only', join(PROJECT_ROOT, file)], {
    cwd: PROJECT_ROOT,
    env: process.env,
    timeout: 30_000,
  });
}

describe('docs/examples/list-objects-as-role.ts', () => {
  let s3: LocalS3;
  let sts: LocalSts;
  let restoreEnv: () => void;

  beforeAll(async () => {
    [s3, sts] = await Promise.all([startLocalS3([BUCKET]), startLocalSts()]);
    restoreEnv = useLoopbackAws({ sts: sts.endpoint, s3: s3.endpoint });
    const owner = new S3Client({ credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
    await owner.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'reports/2026-11.csv', Body: 'month,total\n' }));
  });
  afterAll(async () => {
    restoreEnv();
    await Promise.all([s3.close(), sts.close()]);
  });

  it('lists the bucket as the role, with the session name it gives, printing what docs/after-deploy.md shows', async () => {
    const { stdout, stderr } = await runExample('docs/examples/list-objects-as-role.ts');
    const documented = outputBlock(
      readFileSync(join(PROJECT_ROOT, 'docs/after-deploy.md'), 'utf8'),
      'npx ts-node docs/examples/list-objects-as-role.ts',
    );
    expect({ stdout, stderr }).toEqual({ stdout: documented, stderr: '' });
    expect(stdout).toBe("[ 'reports/2026-11.csv' ]\n");
    expect(sts.requests.filter((request) => request.action === 'AssumeRole')).toEqual([
      expect.objectContaining({
        params: expect.objectContaining({
          RoleArn: 'arn:aws:iam::999999999999:role/UpdateData',
          RoleSessionName: 'report-job',
        }),
      }),
    ]);
  });
});
