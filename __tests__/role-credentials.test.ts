import { ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { roleCredentials } from '../src/session/role-credentials';
import { s3ClientForRole } from '../src/session/role-s3-client';
import { startLocalS3, type LocalS3 } from '../tools/loopback/local-s3';
import { startLocalSts, type LocalSts } from '../tools/loopback/local-sts';
import { useLoopbackAws } from './support/loopback-aws-env';

const ROLE_ARN = 'arn:aws:iam::999999999999:role/UpdateData';
let s3: LocalS3;
let sts: LocalSts | undefined;
let restoreEnv: (() => void) | undefined;

beforeAll(async () => {
  s3 = await startLocalS3(['amzn-s3-demo-bucket-shared-container']);
});
afterAll(() => s3.close());
afterEach(async () => {
  restoreEnv?.();
  await sts?.close();
});

async function withSts(lifetimeSeconds: number): Promise<LocalSts> {
  sts = await startLocalSts({ lifetimeSeconds });
  restoreEnv = useLoopbackAws({ sts: sts.endpoint, s3: s3.endpoint });
  return sts;
}

const assumeCalls = (server: LocalSts) => server.requests.filter((request) => request.action === 'AssumeRole');

describe('s3ClientForRole', () => {
  it('assumes the role once and reuses the credentials while they are fresh', async () => {
    const server = await withSts(3600);
    const client = s3ClientForRole({ roleArn: ROLE_ARN, sessionName: 'app' });
    const Bucket = 'amzn-s3-demo-bucket-shared-container';
    await client.send(new PutObjectCommand({ Bucket, Key: 'report.csv', Body: 'a,b\n' }));
    const listed = await client.send(new ListObjectsV2Command({ Bucket }));
    expect(listed.Contents?.map((object) => object.Key)).toEqual(['report.csv']);
    expect(assumeCalls(server)).toHaveLength(1);
    expect(assumeCalls(server)[0].params).toMatchObject({ RoleArn: ROLE_ARN, RoleSessionName: 'app' });
  });

  it('refreshes as the same session: same role, session name, duration and external id, and a fresh MFA code', async () => {
    // Credentials that live one minute are inside the SDK's five-minute refresh window, so each request
    // assumes the role again; what this project controls is what each of those calls carries.
    const server = await withSts(60);
    let codesGiven = 0;
    const client = s3ClientForRole({
      roleArn: ROLE_ARN,
      sessionName: 'report-job',
      durationSeconds: 900,
      externalId: 'a-shared-secret-id',
      mfaSerial: 'arn:aws:iam::111111111111:mfa/David',
      mfaCode: async () => String(++codesGiven).padStart(6, '0'),
    });
    const Bucket = 'amzn-s3-demo-bucket-shared-container';
    await client.send(new ListObjectsV2Command({ Bucket }));
    await client.send(new ListObjectsV2Command({ Bucket }));
    const calls = assumeCalls(server).map((request) => request.params);
    expect(calls.length).toBeGreaterThanOrEqual(2);
    expect(calls[0]).toMatchObject({
      RoleArn: ROLE_ARN,
      RoleSessionName: 'report-job',
      DurationSeconds: '900',
      ExternalId: 'a-shared-secret-id',
      SerialNumber: 'arn:aws:iam::111111111111:mfa/David',
      TokenCode: '000001',
    });
    expect(calls).toEqual(calls.map((_, i) => ({ ...calls[0], TokenCode: String(i + 1).padStart(6, '0') })));
  });
});

describe('roleCredentials', () => {
  it('asks the MFA code provider and sends the code with the device and the external id', async () => {
    const server = await withSts(3600);
    const credentials = await roleCredentials({
      roleArn: ROLE_ARN,
      mfaSerial: 'arn:aws:iam::111111111111:mfa/David',
      mfaCode: async () => '123456',
      externalId: 'a-shared-secret-id',
    })();
    expect(credentials.accessKeyId).toBe('S3RVER');
    expect(assumeCalls(server)[0].params).toMatchObject({
      SerialNumber: 'arn:aws:iam::111111111111:mfa/David',
      TokenCode: '123456',
      ExternalId: 'a-shared-secret-id',
    });
  });
});
