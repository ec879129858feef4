import { join } from 'node:path';
import { formatStep, smokeTest } from '../src/cli/smoke-command';
import type { StepOutcome } from '../src/session/smoke-check';
import { bucketKeys } from './support/bucket-keys';
import { startLocalS3, type LocalS3 } from '../tools/loopback/local-s3';
import { startLocalSts, type LocalSts, type LocalStsProps } from '../tools/loopback/local-sts';
import { useLoopbackAws } from './support/loopback-aws-env';
import { PROJECT_ROOT } from './support/project';

let s3: LocalS3;
let sts: LocalSts | undefined;
let restoreEnv: (() => void) | undefined;
/** The settings file of the test that runs. */
let config: string;

beforeAll(async () => {
  s3 = await startLocalS3(['productionapp', 'list-prod-bkt-details-01']);
});
afterAll(() => s3.close());
afterEach(async () => {
  restoreEnv?.();
  await sts?.close();
  // Nothing may be left behind by any smoke run, passing or failing.
  expect(await bucketKeys(s3.endpoint, 'productionapp')).toEqual([]);
  expect(await bucketKeys(s3.endpoint, 'list-prod-bkt-details-01')).toEqual([]);
});

async function withSts(settingsFile: string, props: LocalStsProps = {}): Promise<StepOutcome[]> {
  sts = await startLocalSts(props);
  restoreEnv = useLoopbackAws({ sts: sts.endpoint, s3: s3.endpoint });
  config = join(PROJECT_ROOT, settingsFile);
  return [];
}

describe('cross-account smoke', () => {
  it.each([
    ['--bucket', { bucket: 'Production App' }, '--bucket "Production App": must be lowercase letters, digits'],
    ['--denied-bucket', { deniedBucket: 'ab' }, '--denied-bucket "ab": must be 3 to 63 characters'],
  ])('refuses a %s that is not an S3 bucket name, before asking STS anything', async (_option, choice, message) => {
    await withSts('config/default.yaml');
    await expect(smokeTest({ config, role: 'S3ProductionAccessRole', ...choice }, () => undefined)).rejects.toThrow(
      message,
    );
    expect(sts!.requests).toEqual([]);
  });

  it("assumes tutorial 004's role as John and checks its bucket for real", async () => {
    const steps = await withSts('config/default.yaml');
    await smokeTest({ config, role: 'S3ProductionAccessRole' }, (step) => steps.push(step));
    expect(steps.map(formatStep).map((line) => line.replace(/cross-account-smoke\/\S+/, '<probe>'))).toEqual([
      'ok    assume-role          arn:aws:iam::999999999999:role/S3ProductionAccessRole as session John',
      'ok    list-bucket          productionapp: listed 0 key(s)',
      'ok    put-object           s3://productionapp/<probe> (100 bytes)',
      'ok    get-object           read back 100 bytes, identical',
      'ok    delete-object        probe object deleted',
      'ok    refused-list-bucket  ListBucket on productionapp-not-given: NoSuchBucket (it does not exist, so this shows only that nothing was reached)',
    ]);
  });

  it('fails at assume-role with the likely cause when STS refuses Sri', async () => {
    const steps = await withSts('config/default.yaml', {
      callerArn: 'arn:aws:iam::111111111111:user/Sri',
      decide: () => ({ code: 'AccessDenied', message: 'not authorized' }),
    });
    await expect(smokeTest({ config, role: 'S3ProductionAccessRole' }, (step) => steps.push(step))).rejects.toThrow(
      'smoke failed at assume-role: AccessDenied on AssumeRole of S3ProductionAccessRole: you are not in a group that allows the role',
    );
    expect(steps.map(formatStep)).toEqual(['FAIL  assume-role          AccessDenied']);
  });

  it("fails tutorial 000's read-only role at refused-put-object on a server that lets it write, leaving nothing", async () => {
    const steps = await withSts('config/examples/acc-to-prod-s3.yaml', {
      callerArn: 'arn:aws:iam::111111111111:user/David',
    });
    await expect(smokeTest({ config, role: 'prod-s3' }, (step) => steps.push(step))).rejects.toThrow(
      'smoke failed at refused-put-object: PutObject on list-prod-bkt-details-01 succeeded, but the role has read-only access; probe object removed',
    );
  });

  it('probes writes on a read-only role when --access read-write says its managed policy allows them', async () => {
    const steps = await withSts('config/examples/acc-to-prod-s3.yaml');
    await smokeTest({ config, role: 'prod-s3', access: 'read-write' }, (step) => steps.push(step));
    expect(steps.map((step) => step.step)).toEqual([
      'assume-role',
      'list-bucket',
      'put-object',
      'get-object',
      'delete-object',
      'refused-list-bucket',
    ]);
  });

  it('removes the probe object on Ctrl-C and says where it stopped', async () => {
    const steps = await withSts('config/default.yaml');
    const listenersBefore = process.listenerCount('SIGINT');
    const progress = (step: StepOutcome) => {
      steps.push(step);
      if (step.step === 'put-object') process.emit('SIGINT');
    };
    await expect(smokeTest({ config, role: 'S3ProductionAccessRole' }, progress)).rejects.toThrow(
      'smoke interrupted during get-object; probe object removed',
    );
    expect(process.listenerCount('SIGINT')).toBe(listenersBefore);
  });
});
