import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { assumeRole } from '../src/cli/assume-command';
import { runCli } from '../src/cli/main';
import { mfaPromptSeconds, promptMfaCode } from '../src/cli/mfa-prompt';
import { UserError } from '../src/user-error';
import { synthesizeDefaultWithRoleKeys, synthesizeFileToOutdir } from './support/synthesized-outdir';
import type { LocalSts, LocalStsProps } from '../tools/loopback/local-sts';
import { loopbackStsPerTest } from './support/loopback-sts';
import { PROJECT_ROOT } from './support/project';
import { tempFolder } from './support/temp-folder';

const ROLE_ARN = 'arn:aws:iam::999999999999:role/S3ProductionAccessRole';
const CONFIG = join(PROJECT_ROOT, 'config/default.yaml');
const startSts = loopbackStsPerTest('config/default.yaml');
let sts: LocalSts;
/** A fresh STS responder for one test, and the SDK pointed at it. */
const withSts = async (props: LocalStsProps = {}) => void (sts = await startSts(props));

const assumeCalls = () => sts.requests.filter((request) => request.action === 'AssumeRole');

describe('cross-account assume', () => {
  it("prints export lines for the role's credentials, the session named after the caller", async () => {
    await withSts();
    const text = await assumeRole({ config: CONFIG, role: 'S3ProductionAccessRole', format: 'env' });
    expect(text).toMatch(
      /^export AWS_ACCESS_KEY_ID=S3RVER\nexport AWS_SECRET_ACCESS_KEY=S3RVER\nexport AWS_SESSION_TOKEN=local-session-token-\d+\nexport AWS_CREDENTIAL_EXPIRATION=\d{4}-\d\d-\d\dT[\d:.]+Z\n$/,
    );
    expect(assumeCalls()[0].params).toMatchObject({ RoleArn: ROLE_ARN, RoleSessionName: 'John' });
    expect(assumeCalls()[0].accessKeyId).toBe('AKIDLOOPBACKTEST');
  });

  it('prints the JSON the AWS CLI expects from a credential_process, with the requested duration', async () => {
    await withSts();
    const before = Date.now();
    const text = await assumeRole({ config: CONFIG, role: ROLE_ARN, format: 'credential-process', duration: '900' });
    const json = JSON.parse(text);
    expect(Object.keys(json)).toEqual(['Version', 'AccessKeyId', 'SecretAccessKey', 'SessionToken', 'Expiration']);
    expect(json.Version).toBe(1);
    expect(Date.parse(json.Expiration) - before).toBeGreaterThanOrEqual(899_000);
    expect(Date.parse(json.Expiration) - before).toBeLessThan(905_000);
    expect(assumeCalls()[0].params.DurationSeconds).toBe('900');
  });

  it('assumes a role ARN as given when no settings are found (credential_process runs from any folder)', async () => {
    await withSts();
    process.env.CROSS_ACCOUNT_CONFIG = '/no/such/settings.yaml';
    const other = 'arn:aws:iam::222222222222:role/ReadOnly';
    await assumeRole({ config: CONFIG, role: other, format: 'credential-process', externalId: 'partner-id' });
    expect(assumeCalls()[0].params).toMatchObject({
      RoleArn: other,
      ExternalId: 'partner-id',
      RoleSessionName: 'John',
    });
  });

  it('assumes the role from the keys of --profile instead of the environment', async () => {
    await withSts();
    const folder = tempFolder('aws-files-');
    writeFileSync(
      join(folder, 'credentials'),
      '[dev]\naws_access_key_id = AKIDDEVPROFILE\naws_secret_access_key = dev\n',
    );
    process.env.AWS_SHARED_CREDENTIALS_FILE = join(folder, 'credentials');
    await assumeRole({ config: CONFIG, role: 'S3ProductionAccessRole', profile: 'dev', format: 'env' });
    expect(sts.requests.map((request) => request.accessKeyId)).toEqual(['AKIDDEVPROFILE', 'AKIDDEVPROFILE']);
  });

  it('prints the Credentials object of `aws sts assume-role` with --format json', async () => {
    await withSts();
    const json = JSON.parse(await assumeRole({ config: CONFIG, role: 'S3ProductionAccessRole', format: 'json' }));
    expect(json.Credentials).toMatchObject({ AccessKeyId: 'S3RVER', SecretAccessKey: 'S3RVER' });
  });

  it('sends the MFA device and code to GetSessionToken, the external id and the user name to AssumeRole, for a hardened role', async () => {
    await withSts();
    const outdir = synthesizeFileToOutdir('config/examples/hardened.yaml');
    await assumeRole({
      config: 'config/examples/hardened.yaml',
      role: 'S3ProductionAccessRole',
      outdir,
      mfaCode: '123456',
      format: 'env',
    });
    expect(sts.requests.find((request) => request.action === 'GetSessionToken')?.params).toMatchObject({
      SerialNumber: 'arn:aws:iam::111111111111:mfa/John',
      TokenCode: '123456',
    });
    expect(assumeCalls()[0].params).toMatchObject({ ExternalId: 'a-shared-secret-id', RoleSessionName: 'John' });
  });

  it('sends all four to AssumeRole with --no-cache (no MFA session)', async () => {
    await withSts();
    const outdir = synthesizeFileToOutdir('config/examples/hardened.yaml');
    await assumeRole({
      config: 'config/examples/hardened.yaml',
      role: 'S3ProductionAccessRole',
      outdir,
      mfaCode: '123456',
      format: 'env',
      cache: false,
    });
    expect(assumeCalls()[0].params).toMatchObject({
      SerialNumber: 'arn:aws:iam::111111111111:mfa/John',
      TokenCode: '123456',
      ExternalId: 'a-shared-secret-id',
      RoleSessionName: 'John',
    });
  });

  it('explains AccessDenied with the likely causes, MFA among them for a role that requires it', async () => {
    await withSts({
      callerArn: 'arn:aws:iam::111111111111:user/Sri',
      decide: () => ({ code: 'AccessDenied', message: 'User: Sri is not authorized to perform: sts:AssumeRole' }),
    });
    const outdir = synthesizeDefaultWithRoleKeys('requireMfa: true');
    await expect(
      assumeRole({
        config: 'default-with-role-keys.yaml',
        role: 'S3ProductionAccessRole',
        outdir,
        mfaCode: '123456',
        format: 'env',
      }),
    ).rejects.toThrow(
      new UserError(
        'AccessDenied on AssumeRole of S3ProductionAccessRole: you are not in a group that allows the role, or you are in one that denies it (a deny wins); or the role requires MFA and the code or device (--serial-number) was not accepted',
      ),
    );
  });

  it('says the MFA code was wrong when STS says so', async () => {
    await withSts({
      decide: () => ({
        code: 'AccessDenied',
        message: 'MultiFactorAuthentication failed with invalid MFA one time pass code.',
      }),
    });
    const direct = { mfaCode: '000000', cache: false };
    await expect(
      assumeRole({ config: CONFIG, role: 'S3ProductionAccessRole', format: 'env', ...direct }),
    ).rejects.toThrow(
      new UserError('AccessDenied on AssumeRole of S3ProductionAccessRole: the MFA code is wrong or was already used'),
    );
  });

  it('says when AWS does not know the access key', async () => {
    await withSts({
      callerIdentityError: {
        code: 'InvalidClientTokenId',
        message: 'The security token included in the request is invalid.',
      },
    });
    await expect(assumeRole({ config: CONFIG, role: 'S3ProductionAccessRole', format: 'env' })).rejects.toThrow(
      new UserError('AWS does not accept your access key (InvalidClientTokenId): check the keys of your profile'),
    );
  });

  it('says when there are no credentials at all', async () => {
    await withSts();
    delete process.env.AWS_ACCESS_KEY_ID;
    delete process.env.AWS_SECRET_ACCESS_KEY;
    await expect(assumeRole({ config: CONFIG, role: 'S3ProductionAccessRole', format: 'env' })).rejects.toThrow(
      /^no AWS credentials \(.+\): set AWS_PROFILE or pass --profile, or run `aws configure` or `aws sso login`$/,
    );
  });

  it('says when the caller’s session token has expired', async () => {
    await withSts({
      callerIdentityError: { code: 'ExpiredToken', message: 'The security token included in the request is expired' },
    });
    await expect(assumeRole({ config: CONFIG, role: 'S3ProductionAccessRole', format: 'env' })).rejects.toThrow(
      new UserError(
        'your AWS session token has expired (ExpiredToken): sign in again (`aws sso login`, or fresh keys) and retry',
      ),
    );
  });

  it("refuses a duration beyond the role's maximum before calling STS", async () => {
    await withSts();
    await expect(
      assumeRole({ config: CONFIG, role: 'S3ProductionAccessRole', duration: '7200', format: 'env' }),
    ).rejects.toThrow('--duration must be whole seconds from 900 to 3600');
    expect(assumeCalls()).toHaveLength(0);
  });

  it.each([
    ['--external-id with a space', { externalId: 'a b' }, '--external-id must be 2 to 1224 letters, digits and'],
    ['--serial-number that is no device', { serialNumber: 'my phone' }, '--serial-number must be an MFA device ARN'],
    ['--profile that is no profile name', { profile: 'a b' }, '--profile "a b": must be an AWS profile name'],
    ['--duration in another notation', { duration: '1e3' }, '--duration must be whole seconds from 900'],
    ['--mfa-session-duration in hex', { mfaSessionDuration: '0x1000' }, '--mfa-session-duration must be whole seconds'],
  ])('refuses a %s before calling STS', async (_what, extra, message) => {
    await withSts();
    await expect(
      assumeRole({ config: CONFIG, role: 'S3ProductionAccessRole', format: 'env', ...extra }),
    ).rejects.toThrow(message);
    expect(sts.requests).toEqual([]);
  });

  it('prints a role name not in the settings as one line and exits 1', async () => {
    await withSts();
    const errors: string[] = [];
    const spy = jest.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(line));
    try {
      expect(await runCli(['assume', '--role', 'S3ProductionAcessRole'])).toBe(1);
    } finally {
      spy.mockRestore();
    }
    expect(errors).toEqual([`role "S3ProductionAcessRole" is not in ${CONFIG}; its roles: S3ProductionAccessRole`]);
  });

  it.each([
    ['an account id of 3 digits', 'arn:aws:iam::123:role/Reader'],
    ['a user, not a role', 'arn:aws:iam::123456789012:user/John'],
  ])('says what is wrong with a --role ARN that is not a role ARN (%s), before calling STS', async (_why, role) => {
    await withSts();
    await expect(assumeRole({ config: CONFIG, role, format: 'env' })).rejects.toThrow(
      new UserError(`--role ${role} is not an IAM role ARN: arn:<partition>:iam::<12-digit account id>:role/<name>`),
    );
    expect(assumeCalls()).toHaveLength(0);
  });
});

describe('promptMfaCode', () => {
  it('asks on the given output and reads the code from the input', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    const code = promptMfaCode('arn:aws:iam::111111111111:mfa/John', input, output);
    input.end('654321\n');
    await expect(code).resolves.toBe('654321');
    expect(String(output.read())).toBe('MFA code for arn:aws:iam::111111111111:mfa/John: ');
  });

  it('refuses to wait for a code once standard input has ended', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    const code = promptMfaCode('arn:aws:iam::111111111111:mfa/John', input, output);
    input.end();
    await expect(code).rejects.toThrow(
      new UserError(
        'no MFA code for arn:aws:iam::111111111111:mfa/John: standard input ended before one was typed; pass --mfa-code <6 digits>',
      ),
    );
    expect(String(output.read())).toBe('MFA code for arn:aws:iam::111111111111:mfa/John: \n');
  });

  it('gives up on an input that stays open and silent for the time it is given', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    const code = promptMfaCode('arn:aws:iam::111111111111:mfa/John', input, output, 0.2);
    await expect(code).rejects.toThrow(
      new UserError(
        'no MFA code for arn:aws:iam::111111111111:mfa/John: nothing came on standard input within 0.2 s; pass --mfa-code <6 digits>, or allow more time with --mfa-timeout or CROSS_ACCOUNT_MFA_TIMEOUT (seconds)',
      ),
    );
    expect(String(output.read())).toBe('MFA code for arn:aws:iam::111111111111:mfa/John: \n');
  });

  it('takes a code typed before the time runs out', async () => {
    const input = new PassThrough();
    const code = promptMfaCode('arn:aws:iam::111111111111:mfa/John', input, new PassThrough(), 5);
    setTimeout(() => input.write('123456\n'), 50);
    await expect(code).resolves.toBe('123456');
  });

  it('waits 60 s off a terminal and without limit on one, unless --mfa-timeout or CROSS_ACCOUNT_MFA_TIMEOUT says', () => {
    expect(mfaPromptSeconds({}, {}, false)).toBe(60);
    expect(mfaPromptSeconds({}, {}, true)).toBeUndefined();
    expect(mfaPromptSeconds({}, { CROSS_ACCOUNT_MFA_TIMEOUT: '300' }, true)).toBe(300);
    expect(mfaPromptSeconds({ mfaTimeout: '5' }, { CROSS_ACCOUNT_MFA_TIMEOUT: '300' }, false)).toBe(5);
    expect(() => mfaPromptSeconds({ mfaTimeout: 'never' }, {}, false)).toThrow(
      new UserError('--mfa-timeout must be a number of seconds from 0.1 to 3600 (e.g. 10 or 0.5), got "never"'),
    );
  });

  it('refuses a code that is not six digits', async () => {
    const input = new PassThrough();
    const code = promptMfaCode('arn:aws:iam::111111111111:mfa/John', input, new PassThrough());
    input.end('12345\n');
    await expect(code).rejects.toThrow('the MFA code must be 6 digits, got "12345"');
  });
});
