import {
  awsErrorAnswer,
  HTML_502,
  MALFORMED_XML,
  startFaultyEndpoint,
  type Fault,
  type FaultyEndpoint,
} from '../tools/loopback/faulty-endpoint';
import { startLocalSts, type LocalSts, type LocalStsProps } from '../tools/loopback/local-sts';
import { useLoopbackAws } from './support/loopback-aws-env';
import { cli } from './support/run-cli';
import { synthesizeFileToOutdir } from './support/synthesized-outdir';

// Every way the network or an endpoint can fail ends `assume` and `smoke` with one line that
// names the endpoint and what to do, exit 1, never a stack trace and never a hang.

let outdir: string;
const servers: { close(): Promise<void> }[] = [];
let restoreEnv: (() => void) | undefined;

beforeAll(() => {
  outdir = synthesizeFileToOutdir('config/default.yaml');
});
afterEach(async () => {
  restoreEnv?.();
  restoreEnv = undefined;
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function faulty(fault: Fault): Promise<FaultyEndpoint> {
  const endpoint = await startFaultyEndpoint(fault);
  servers.push(endpoint);
  return endpoint;
}

async function sts(props: LocalStsProps = {}): Promise<LocalSts> {
  const server = await startLocalSts(props);
  servers.push(server);
  return server;
}

/** The SDK pointed at the endpoints, with timeouts short enough for a test. */
function useEndpoints(endpoints: { sts: string; s3?: string }): void {
  restoreEnv = useLoopbackAws(endpoints);
  process.env.CROSS_ACCOUNT_CONNECT_TIMEOUT = '0.2';
  process.env.CROSS_ACCOUNT_READ_TIMEOUT = '0.3';
}

const assume = () => cli('assume', '--role', 'S3ProductionAccessRole', '--outdir', outdir);
const smoke = () => cli('smoke', '--role', 'S3ProductionAccessRole', '--outdir', outdir);

/** One line on stderr, nothing on stdout, exit 1. */
function expectOneLine(result: { code: number; stdout: string; stderr: string }, stdout = ''): string {
  expect(result.code).toBe(1);
  expect(result.stdout).toBe(stdout);
  expect(result.stderr.endsWith('\n') && result.stderr.split('\n').length).toBe(2);
  return result.stderr.trimEnd();
}

/** A failure every endpoint can have, and the line it ends with for `service` answering `operation`. */
type FailureCase = [name: string, fault: Fault, line: (where: string, operation: string, service: string) => string];

const WIRE_FAILURES: FailureCase[] = [
  [
    'a refused connection',
    'refuse',
    (where, operation, service) =>
      `${where} refused the connection for ${operation} (ECONNREFUSED): check AWS_ENDPOINT_URL_${service} and your network, proxy or VPN, then retry`,
  ],
  [
    'a reset connection',
    'reset',
    (where, operation, service) =>
      `${where} closed the connection during ${operation} without answering (ECONNRESET): a proxy, VPN or firewall may be cutting it; retry, and check AWS_ENDPOINT_URL_${service}`,
  ],
  [
    'an endpoint that never answers',
    'hang',
    (where, operation) =>
      `${where} did not answer ${operation} within 0.3 s (3 attempts): check your network, or allow more time with --read-timeout or CROSS_ACCOUNT_READ_TIMEOUT (seconds)`,
  ],
  [
    'an endpoint that never accepts the connection',
    'unaccepting',
    (where, operation) =>
      `${where} did not accept a connection for ${operation} within 0.2 s (3 attempts): check your network, proxy or VPN, or allow more time with --connect-timeout or CROSS_ACCOUNT_CONNECT_TIMEOUT (seconds)`,
  ],
  [
    "a gateway's HTML 502 page",
    HTML_502,
    (where, operation, service) =>
      `${where} answered ${operation} with HTTP 502 and no AWS error (a proxy or gateway in between?): retry later, and check AWS_ENDPOINT_URL_${service} and your proxy`,
  ],
  [
    'malformed XML',
    MALFORMED_XML,
    (where, operation, service) =>
      `${where} answered ${operation} with a body the AWS SDK cannot read (HTTP 200): check that AWS_ENDPOINT_URL_${service} points at ${service}`,
  ],
];

describe('STS failures end assume with one line naming the endpoint', () => {
  const cases: FailureCase[] = [
    ...WIRE_FAILURES,
    [
      'a host name that does not resolve',
      'unresolvable',
      (where) =>
        `${where}: its host name does not resolve (ENOTFOUND): check the region, AWS_ENDPOINT_URL_STS and your DNS`,
    ],
    [
      'Throttling',
      awsErrorAnswer(400, 'Throttling', 'Rate exceeded'),
      (where, operation) =>
        `${where} throttled ${operation} on all 3 attempts (Throttling: Rate exceeded): wait a minute and retry`,
    ],
    [
      'RegionDisabledException',
      awsErrorAnswer(403, 'RegionDisabledException', 'STS is not activated in this region for account:111111111111.'),
      (where) =>
        `${where} is not activated in this region for the account (RegionDisabledException): an administrator can activate it under IAM > Account settings, or set AWS_REGION to a region where it is`,
    ],
  ];

  it.each(cases)('%s', async (_name, fault, line) => {
    const endpoint = await faulty(fault);
    useEndpoints({ sts: endpoint.endpoint });
    expect(expectOneLine(await assume())).toBe(line(`STS (${endpoint.endpoint})`, 'GetCallerIdentity', 'STS'));
  });

  it('times out an AssumeRole that never answers, naming it', async () => {
    const server = await sts({ stall: (request) => request.action === 'AssumeRole' });
    useEndpoints({ sts: server.endpoint });
    expect(expectOneLine(await assume())).toBe(
      `STS (${server.endpoint}) did not answer AssumeRole within 0.3 s (3 attempts): check your network, or allow more time with --read-timeout or CROSS_ACCOUNT_READ_TIMEOUT (seconds)`,
    );
  });

  it('takes the read timeout from --read-timeout over the environment', async () => {
    const endpoint = await faulty('hang');
    useEndpoints({ sts: endpoint.endpoint });
    process.env.CROSS_ACCOUNT_READ_TIMEOUT = '30';
    const started = Date.now();
    const result = await cli('assume', '--role', 'S3ProductionAccessRole', '--outdir', outdir, '--read-timeout', '0.2');
    expect(expectOneLine(result)).toContain('did not answer GetCallerIdentity within 0.2 s');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('gives up on a connection within --connect-timeout over the environment, naming the endpoint', async () => {
    const endpoint = await faulty('unaccepting');
    useEndpoints({ sts: endpoint.endpoint });
    process.env.CROSS_ACCOUNT_CONNECT_TIMEOUT = '30';
    const started = Date.now();
    const result = await cli(
      'assume',
      '--role',
      'S3ProductionAccessRole',
      '--outdir',
      outdir,
      '--connect-timeout',
      '0.2',
    );
    expect(expectOneLine(result)).toBe(
      `STS (${endpoint.endpoint}) did not accept a connection for GetCallerIdentity within 0.2 s (3 attempts): check your network, proxy or VPN, or allow more time with --connect-timeout or CROSS_ACCOUNT_CONNECT_TIMEOUT (seconds)`,
    );
    // Three attempts of 0.2 s and the SDK's backoff between them (under 1 s in all), not 3 × 30 s.
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it.each([
    ['--read-timeout', 'soon'],
    ['--connect-timeout', '0'],
    ['--mfa-timeout', 'never'],
  ])('refuses %s %s with one line', async (option, value) => {
    const endpoint = await faulty('hang');
    useEndpoints({ sts: endpoint.endpoint });
    const result = await cli('assume', '--role', 'S3ProductionAccessRole', '--outdir', outdir, option, value);
    expect(expectOneLine(result)).toBe(
      `${option} must be a number of seconds from 0.1 to 3600 (e.g. 10 or 0.5), got "${value}"`,
    );
    expect(endpoint.requestCount()).toBe(0);
  });

  it('refuses a CROSS_ACCOUNT_READ_TIMEOUT that is not seconds', async () => {
    const endpoint = await faulty('hang');
    useEndpoints({ sts: endpoint.endpoint });
    process.env.CROSS_ACCOUNT_READ_TIMEOUT = '10s';
    expect(expectOneLine(await assume())).toBe(
      'CROSS_ACCOUNT_READ_TIMEOUT must be a number of seconds from 0.1 to 3600 (e.g. 10 or 0.5), got "10s"',
    );
  });
});

describe('S3 failures end smoke with one line naming the endpoint', () => {
  const cases: FailureCase[] = [
    ...WIRE_FAILURES,
    [
      'SlowDown (S3 throttling)',
      awsErrorAnswer(503, 'SlowDown', 'Please reduce your request rate.'),
      (where, operation) =>
        `${where} throttled ${operation} on all 3 attempts (SlowDown: Please reduce your request rate.): wait a minute and retry`,
    ],
  ];

  it.each(cases)('%s', async (_name, fault, line) => {
    const s3 = await faulty(fault);
    const server = await sts();
    useEndpoints({ sts: server.endpoint, s3: s3.endpoint });
    const result = await smoke();
    const failure = line(`S3 (${s3.endpoint})`, 'ListObjectsV2', 'S3');
    const stdout = `ok    assume-role          arn:aws:iam::999999999999:role/S3ProductionAccessRole as session John\nFAIL  list-bucket          ${failure}\n`;
    expect(expectOneLine(result, stdout)).toBe(`smoke failed at list-bucket: ${failure}; probe object removed`);
  });

  it("names the host that does not resolve: the bucket's own, as the SDK addresses S3", async () => {
    const s3 = await faulty('unresolvable');
    const server = await sts();
    useEndpoints({ sts: server.endpoint, s3: s3.endpoint });
    const result = await smoke();
    const failure =
      'S3 (http://productionapp.nonexistent.invalid): its host name does not resolve (ENOTFOUND): check the region, AWS_ENDPOINT_URL_S3 and your DNS';
    const stdout = `ok    assume-role          arn:aws:iam::999999999999:role/S3ProductionAccessRole as session John\nFAIL  list-bucket          ${failure}\n`;
    expect(expectOneLine(result, stdout)).toBe(`smoke failed at list-bucket: ${failure}; probe object removed`);
  });
});
