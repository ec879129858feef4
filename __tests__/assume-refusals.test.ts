import { startLocalS3, type LocalS3 } from '../tools/loopback/local-s3';
import { startLocalSts, type LocalSts, type LocalStsProps } from '../tools/loopback/local-sts';
import { startCliProcess } from './support/cli-process';
import { useLoopbackAws } from './support/loopback-aws-env';
import { cli } from './support/run-cli';
import { defaultWithRoleKeys, synthesizeFileToOutdir } from './support/synthesized-outdir';

// `assume` and `smoke` print credentials or say "passed" only when they have usable ones:
// anything else is one line on stderr, exit 1, and nothing on stdout.

let sts: LocalSts | undefined;
let s3: LocalS3;
let restoreEnv: (() => void) | undefined;
let outdir: string;
let mfaOutdir: string;
let mfaConfig: string;

beforeAll(async () => {
  s3 = await startLocalS3(['productionapp']);
  outdir = synthesizeFileToOutdir('config/default.yaml');
  ({ config: mfaConfig, outdir: mfaOutdir } = defaultWithRoleKeys('requireMfa: true'));
});
afterAll(() => s3.close());
afterEach(async () => {
  restoreEnv?.();
  restoreEnv = undefined;
  await sts?.close();
});

async function withSts(props: LocalStsProps = {}): Promise<LocalSts> {
  sts = await startLocalSts(props);
  restoreEnv = useLoopbackAws({ sts: sts.endpoint, s3: s3.endpoint });
  return sts;
}

const assumeCalls = () => sts?.requests.filter((request) => request.action === 'AssumeRole') ?? [];

describe('assume and smoke refuse what are not usable credentials', () => {
  it('exits 1 with one line, and prints nothing, when the role needs MFA and standard input ends (a script, CI)', async () => {
    await withSts();
    const run = startCliProcess(
      ['assume', '--role', 'S3ProductionAccessRole', '--config', mfaConfig, '--outdir', mfaOutdir],
      {
        ...process.env,
      },
    );
    const result = await run.finished;
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toBe(
      'MFA code for arn:aws:iam::111111111111:mfa/John: \n' +
        'no MFA code for arn:aws:iam::111111111111:mfa/John: standard input ended before one was typed; pass --mfa-code <6 digits>\n',
    );
    expect(assumeCalls()).toHaveLength(0);
  });

  it.each([
    ['--mfa-timeout 0.5', ['--mfa-timeout', '0.5'], {}],
    ['CROSS_ACCOUNT_MFA_TIMEOUT=0.5', [], { CROSS_ACCOUNT_MFA_TIMEOUT: '0.5' }],
  ])(
    'exits 1 with one line when standard input stays open and silent (a pipe in CI) past %s',
    async (_name, options, env) => {
      await withSts();
      const run = startCliProcess(
        ['assume', '--role', 'S3ProductionAccessRole', '--config', mfaConfig, '--outdir', mfaOutdir, ...options],
        { ...process.env, ...env },
        null,
      );
      // Before the prompt had a limit, the process waited for ever: end it, so the test fails instead of hanging.
      const stop = setTimeout(() => run.child.kill('SIGKILL'), 20_000);
      const result = await run.finished;
      clearTimeout(stop);
      expect(result).toMatchObject({ code: 1, signal: null, stdout: '' });
      expect(result.stderr).toBe(
        'MFA code for arn:aws:iam::111111111111:mfa/John: \n' +
          'no MFA code for arn:aws:iam::111111111111:mfa/John: nothing came on standard input within 0.5 s; ' +
          'pass --mfa-code <6 digits>, or allow more time with --mfa-timeout or CROSS_ACCOUNT_MFA_TIMEOUT (seconds)\n',
      );
      expect(assumeCalls()).toHaveLength(0);
    },
  );

  it('refuses credentials that expired long ago (Expiration in 2020) and prints none', async () => {
    const server = await withSts({ expiration: '2020-01-01T00:00:00Z' });
    const result = await cli('assume', '--role', 'S3ProductionAccessRole', '--outdir', outdir);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr:
        `STS (${server.endpoint}) handed out credentials for S3ProductionAccessRole that expired at 2020-01-01T00:00:00.000Z: ` +
        "check this computer's clock, and that AWS_ENDPOINT_URL_STS points at STS\n",
    });
  });

  it('fails smoke at assume-role on expired credentials instead of saying it passed', async () => {
    const server = await withSts({ expiration: '2020-01-01T00:00:00Z' });
    const result = await cli('smoke', '--role', 'S3ProductionAccessRole', '--outdir', outdir);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('FAIL  assume-role          expired credentials\n');
    expect(result.stderr).toBe(
      `smoke failed at assume-role: STS (${server.endpoint}) handed out credentials for S3ProductionAccessRole that expired at 2020-01-01T00:00:00.000Z: ` +
        "check this computer's clock, and that AWS_ENDPOINT_URL_STS points at STS\n",
    );
  });

  it('says STS answered without credentials, not that the caller has none', async () => {
    const server = await withSts({ omitCredentials: true });
    const result = await cli('assume', '--role', 'S3ProductionAccessRole', '--outdir', outdir);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr:
        `STS (${server.endpoint}) granted AssumeRole of S3ProductionAccessRole but sent no credentials: ` +
        'check that AWS_ENDPOINT_URL_STS points at STS, then retry\n',
    });
  });

  it('refuses a letters-only --mfa-code before calling STS', async () => {
    await withSts();
    const result = await cli(
      'assume',
      '--role',
      'S3ProductionAccessRole',
      '--config',
      mfaConfig,
      '--outdir',
      mfaOutdir,
      '--mfa-code',
      'abcdef',
    );
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: '--mfa-code must be the 6 digits your MFA device shows, got "abcdef"\n',
    });
    expect(sts?.requests).toHaveLength(0);
  });

  it('refuses to name the session "--" when STS does not say who the caller is', async () => {
    const server = await withSts({ callerArn: null });
    const result = await cli('assume', '--role', 'S3ProductionAccessRole', '--outdir', outdir);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr:
        `STS (${server.endpoint}) answered GetCallerIdentity without your ARN, so the session cannot be named after you: ` +
        'check that AWS_ENDPOINT_URL_STS points at STS\n',
    });
    expect(assumeCalls()).toHaveLength(0);
  });

  it('exits 1, never 0, when the process runs out of things to wait for before the command finishes', async () => {
    const server = await withSts({ stall: () => true });
    const result = cli('assume', '--role', 'S3ProductionAccessRole', '--outdir', outdir);
    while (server.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    // What Node does when the event loop empties with the command still pending.
    process.emit('beforeExit', 0);
    const exitCode = process.exitCode;
    process.exitCode = undefined;
    await server.close();
    expect(exitCode).toBe(1);
    expect((await result).stderr).toMatch(
      /^cross-account assume stopped before it finished: nothing was left to wait for\n/,
    );
  });
});
