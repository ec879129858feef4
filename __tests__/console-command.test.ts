import { join } from 'node:path';
import { EventEmitter } from 'node:events';
import { createServer as createHttpServer } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { consoleUrlSignedIn, type ConsoleOptions } from '../src/cli/console-command';
import { browserCommand, openInBrowser } from '../src/cli/open-browser';
import { consoleDestination, consoleSigninUrl, federationEndpoint } from '../src/session/console-signin';
import { UserError } from '../src/user-error';
import type { LocalSts } from '../tools/loopback/local-sts';
import { loopbackStsPerTest } from './support/loopback-sts';
import { PROJECT_ROOT } from './support/project';
import { synthesizeFileToOutdir } from './support/synthesized-outdir';

const CONFIG = join(PROJECT_ROOT, 'config/default.yaml');
const startSts = loopbackStsPerTest('config/default.yaml');
let sts: LocalSts;
let notes: string[];
let opened: string[];

async function withSts(): Promise<void> {
  sts = await startSts();
  process.env.CROSS_ACCOUNT_FEDERATION_ENDPOINT = sts.federationEndpoint;
  notes = [];
  opened = [];
}

/** `console` with a recording browser and notes, and an MFA prompt that answers a code. */
const signIn = (options: Partial<ConsoleOptions> = {}) =>
  consoleUrlSignedIn(
    { config: CONFIG, role: 'S3ProductionAccessRole', ...options },
    {
      askMfaCode: async () => '123456',
      openUrl: async (url) => void opened.push(url),
      note: (line) => void notes.push(line),
    },
  );

describe('cross-account console', () => {
  it("builds the login URL from the sign-in token the federation endpoint gives for the role's credentials", async () => {
    await withSts();
    const url = new URL((await signIn())!);
    const [exchange] = sts.federationRequests;
    const [assumed] = sts.requests.filter((request) => request.action === 'AssumeRole');
    expect(exchange).toMatchObject({
      action: 'getSigninToken',
      session: { sessionId: 'S3RVER', sessionKey: 'S3RVER' },
    });
    expect(exchange.session?.sessionToken).toMatch(/^local-session-token-\d+$/);
    expect(assumed.params).toMatchObject({ RoleArn: 'arn:aws:iam::999999999999:role/S3ProductionAccessRole' });
    expect(`${url.origin}${url.pathname}`).toBe(sts.federationEndpoint);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      Action: 'login',
      Destination: 'https://console.aws.amazon.com/console/home?region=us-east-1',
      SigninToken: exchange.signinToken,
    });
    expect(notes).toEqual([]);
  });

  it('asks for the console session length with SessionDuration, never for the role session with DurationSeconds', async () => {
    await withSts();
    await signIn({ duration: '3600', destination: 's3/buckets/productionapp' });
    expect(sts.federationRequests[0].sessionDuration).toBe('3600');
    expect(sts.requests.find((request) => request.action === 'AssumeRole')?.params).not.toHaveProperty(
      'DurationSeconds',
    );
  });

  it('signs in through federation a role that requires MFA and an external id, saying why the switch-role page cannot', async () => {
    await withSts();
    const outdir = synthesizeFileToOutdir('config/examples/hardened.yaml');
    const url = new URL((await signIn({ outdir, config: 'config/examples/hardened.yaml', duration: '3600' }))!);
    expect(url.searchParams.get('SigninToken')).toBe(sts.federationRequests[0].signinToken);
    expect(sts.requests.find((request) => request.action === 'AssumeRole')?.params).toMatchObject({
      ExternalId: 'a-shared-secret-id',
      RoleSessionName: 'John',
    });
    expect(notes).toEqual([
      "S3ProductionAccessRole requires an external id, which the console's switch-role page cannot send: signing in through the federation endpoint instead",
    ]);
  });

  it('opens the browser with --open and prints no URL', async () => {
    await withSts();
    expect(await signIn({ open: true })).toBeUndefined();
    expect(opened).toHaveLength(1);
    expect(new URL(opened[0]).searchParams.get('SigninToken')).toBe(sts.federationRequests[0].signinToken);
    expect(notes).toEqual(['opened the console as S3ProductionAccessRole in your browser']);
  });

  it('says the federation endpoint refused the credentials, in one line without them', async () => {
    await withSts();
    process.env.CROSS_ACCOUNT_FEDERATION_ENDPOINT = `${sts.endpoint}/not-federation`;
    const refused = signIn();
    await expect(refused).rejects.toThrow(UserError);
    await expect(refused).rejects.toThrow(
      `the federation endpoint ${sts.endpoint}/not-federation refused the role's credentials (HTTP 400): they may have expired`,
    );
  });

  it('says when the federation endpoint cannot be reached', async () => {
    await withSts();
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    process.env.CROSS_ACCOUNT_FEDERATION_ENDPOINT = `http://127.0.0.1:${port}/federation`;
    await expect(signIn()).rejects.toThrow(
      `could not reach the federation endpoint http://127.0.0.1:${port}/federation (ECONNREFUSED): check your network, or CROSS_ACCOUNT_FEDERATION_ENDPOINT`,
    );
  });

  it('refuses a console session longer than the role allows, before any call', async () => {
    await withSts();
    await expect(signIn({ duration: '7200' })).rejects.toThrow('--duration must be whole seconds from 900 to 3600');
    expect(sts.requests).toEqual([]);
  });
});

describe('consoleSigninUrl', () => {
  it('gives up on a federation endpoint that accepts the connection and never answers', async () => {
    const silent = createHttpServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/federation`;
    const credentials = { accessKeyId: 'ASIA', secretAccessKey: 'secret', sessionToken: 'token' };
    try {
      await expect(
        consoleSigninUrl({
          credentials,
          endpoint,
          destination: 'https://console.aws.amazon.com/',
          timeoutSeconds: 0.2,
        }),
      ).rejects.toThrow(`the federation endpoint ${endpoint} did not answer within 0.2 s: retry later`);
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });
});

describe('federation endpoints and destinations', () => {
  it("uses each partition's sign-in and console hosts", () => {
    expect(federationEndpoint('aws', {})).toBe('https://signin.aws.amazon.com/federation');
    expect(federationEndpoint('aws-us-gov', {})).toBe('https://signin.amazonaws-us-gov.com/federation');
    expect(federationEndpoint('aws-cn', {})).toBe('https://signin.amazonaws.cn/federation');
    expect(consoleDestination('aws-cn', 'cn-north-1')).toBe(
      'https://console.amazonaws.cn/console/home?region=cn-north-1',
    );
    expect(consoleDestination('aws', 'eu-west-1', '/s3/buckets/productionapp')).toBe(
      'https://console.aws.amazon.com/s3/buckets/productionapp',
    );
  });

  it('refuses a destination that is not https', () => {
    expect(() => consoleDestination('aws', 'us-east-1', 'http://example.com/')).toThrow(
      '--destination must be an https URL or a path on console.aws.amazon.com, got "http://example.com/"',
    );
  });
});

describe('opening the browser', () => {
  it("uses $BROWSER, else the platform's opener, with the URL as one argument and no shell", () => {
    const url = 'https://signin.aws.amazon.com/federation?Action=login&SigninToken=x';
    expect(browserCommand(url, 'linux', {})).toEqual({ command: 'xdg-open', args: [url] });
    expect(browserCommand(url, 'darwin', {})).toEqual({ command: 'open', args: [url] });
    expect(browserCommand(url, 'win32', {})).toEqual({
      command: 'rundll32',
      args: ['url.dll,FileProtocolHandler', url],
    });
    expect(browserCommand(url, 'linux', { BROWSER: 'firefox --new-tab %s:chromium' })).toEqual({
      command: 'firefox',
      args: ['--new-tab', url],
    });
  });

  it('says so in one line when the opener is missing', async () => {
    const start = (() => {
      const child = new EventEmitter();
      setImmediate(() => child.emit('error', Object.assign(new Error('spawn xdg-open ENOENT'), { code: 'ENOENT' })));
      return child;
    }) as unknown as Parameters<typeof openInBrowser>[1];
    const saved = process.env.BROWSER;
    delete process.env.BROWSER;
    try {
      await expect(openInBrowser('https://example.com/', start)).rejects.toThrow(
        /^could not start (xdg-open|open|rundll32) to open the browser \(ENOENT\): set BROWSER, or run without --open/,
      );
    } finally {
      if (saved !== undefined) process.env.BROWSER = saved;
    }
  });
});
