import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assumeRole, type AssumeOptions } from '../src/cli/assume-command';
import { UserError } from '../src/user-error';
import type { LocalSts, LocalStsProps, StsRequest } from '../tools/loopback/local-sts';
import { loopbackStsPerTest } from './support/loopback-sts';
import { PROJECT_ROOT } from './support/project';

const CONFIG = join(PROJECT_ROOT, '__tests__/fixtures/two-mfa-roles.yaml');
const startSts = loopbackStsPerTest('__tests__/fixtures/two-mfa-roles.yaml');
let sts: LocalSts;
let prompts: string[];

/** AWS's answer to an AssumeRole without an MFA sign-in, for roles whose trust requires one. */
const requireMfa = (request: StsRequest) =>
  request.action === 'AssumeRole' && !request.mfaAuthenticatedAt
    ? { code: 'AccessDenied', message: 'User: John is not authorized to perform: sts:AssumeRole' }
    : undefined;

async function withSts(props: LocalStsProps = {}): Promise<void> {
  sts = await startSts({ decide: requireMfa, ...props });
  prompts = [];
}

/** `assume` with an MFA prompt that records each question and answers a code. */
const assume = (role: string, extra: Partial<AssumeOptions> = {}) =>
  assumeRole({ config: CONFIG, role, format: 'env', ...extra }, async (serial) => {
    prompts.push(serial);
    return '123456';
  });

const calls = (action: string) => sts.requests.filter((request) => request.action === action);
const cacheFolder = () => join(process.env.XDG_CACHE_HOME!, 'cross-account');

/** Moves the cached MFA sign-in back in time, as a day passing would. */
function ageMfaSession(seconds: number): void {
  const file = join(
    cacheFolder(),
    readdirSync(cacheFolder()).find((name) => name.startsWith('mfa-session-'))!,
  );
  const entry = JSON.parse(readFileSync(file, 'utf8'));
  entry.authenticatedAt = new Date(Date.now() - seconds * 1000).toISOString();
  writeFileSync(file, JSON.stringify(entry));
}

describe('one MFA code, then many roles', () => {
  it('asks for the MFA code once for two roles: GetSessionToken with it, then each AssumeRole signed by that session', async () => {
    await withSts();
    await assume('S3ProductionAccessRole');
    await assume('ReportsReader');
    expect(prompts).toEqual(['arn:aws:iam::111111111111:mfa/John']);
    expect(calls('GetSessionToken').map((request) => request.params)).toEqual([
      expect.objectContaining({
        SerialNumber: 'arn:aws:iam::111111111111:mfa/John',
        TokenCode: '123456',
        DurationSeconds: '43200',
      }),
    ]);
    const assumed = calls('AssumeRole');
    expect(assumed.map((request) => request.params.RoleArn)).toEqual([
      'arn:aws:iam::999999999999:role/S3ProductionAccessRole',
      'arn:aws:iam::999999999999:role/ReportsReader',
    ]);
    for (const request of assumed) {
      expect(request.accessKeyId).toBe('ASIALOOPBACKSESSION');
      expect(request.params).toMatchObject({ RoleSessionName: 'John' });
      expect(request.params).not.toHaveProperty('SerialNumber');
      expect(request.params).not.toHaveProperty('TokenCode');
    }
    expect(calls('GetCallerIdentity')).toHaveLength(1);
  });

  it('sends --mfa-session-duration as the session length, and refuses one beyond what AWS gives an IAM user', async () => {
    await withSts();
    await assume('S3ProductionAccessRole', { mfaSessionDuration: '129600' });
    expect(calls('GetSessionToken')[0].params.DurationSeconds).toBe('129600');
    await expect(assume('ReportsReader', { mfaSessionDuration: '129601', cache: false })).rejects.toThrow(
      new UserError(
        '--mfa-session-duration must be whole seconds from 900 to 129600 (36 hours, AWS\'s limit for IAM users), got "129601"',
      ),
    );
  });

  it("asks again once the MFA sign-in is nearly as old as a role's aws:MultiFactorAuthAge limit allows", async () => {
    await withSts();
    await assume('ReportsReader');
    ageMfaSession(3600 - 299);
    await assume('S3ProductionAccessRole');
    expect(prompts).toHaveLength(1);
    await assume('ReportsReader');
    expect(prompts).toHaveLength(2);
    expect(calls('GetSessionToken')).toHaveLength(2);
  });

  it('asks again when the MFA session has less than five minutes left, and never signs with it', async () => {
    await withSts({ sessionTokenLifetimeSeconds: 200 });
    await assume('S3ProductionAccessRole');
    await assume('ReportsReader');
    expect(prompts).toHaveLength(2);
    expect(calls('GetSessionToken')).toHaveLength(2);
  });

  it('asks for a code at each AssumeRole when the caller has temporary keys, which GetSessionToken refuses', async () => {
    await withSts();
    process.env.AWS_SESSION_TOKEN = 'a-session-of-some-sso-role';
    await assume('S3ProductionAccessRole');
    await assume('ReportsReader');
    expect(prompts).toHaveLength(2);
    expect(calls('GetSessionToken')).toHaveLength(0);
    expect(calls('AssumeRole').map((request) => request.params)).toEqual([
      expect.objectContaining({ SerialNumber: 'arn:aws:iam::111111111111:mfa/John', TokenCode: '123456' }),
      expect.objectContaining({ SerialNumber: 'arn:aws:iam::111111111111:mfa/John', TokenCode: '123456' }),
    ]);
  });

  it('asks for a code at each AssumeRole with --no-cache', async () => {
    await withSts();
    await assume('S3ProductionAccessRole', { cache: false });
    await assume('ReportsReader', { cache: false });
    expect(prompts).toHaveLength(2);
    expect(calls('GetSessionToken')).toHaveLength(0);
  });

  it('says the MFA code was wrong when GetSessionToken refuses it, and caches nothing', async () => {
    await withSts({
      decideSessionToken: () => ({
        code: 'AccessDenied',
        message: 'MultiFactorAuthentication failed with invalid MFA one time pass code.',
      }),
    });
    await expect(assume('S3ProductionAccessRole')).rejects.toThrow(
      new UserError(
        'AccessDenied on GetSessionToken: the MFA code is wrong or was already used, or arn:aws:iam::111111111111:mfa/John is not your MFA device (--serial-number)',
      ),
    );
    expect(calls('AssumeRole')).toHaveLength(0);
  });
});
