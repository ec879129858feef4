import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { endOfLifeNotice } from '../src/cli/node-support';
import { startLocalSts, type LocalSts } from '../tools/loopback/local-sts';
import { PROJECT_ROOT } from './support/project';
import { tempFolder } from './support/temp-folder';

const CLI = join(PROJECT_ROOT, 'bin', 'cross-account.js');
const NODE_MAJOR = Number(process.versions.node.split('.')[0]);

let sts: LocalSts;
beforeAll(async () => {
  sts = await startLocalSts();
});
afterAll(() => sts.close());

/**
 * Runs `cross-account <args>` as a user's shell would: a new process on this Node, an environment
 * with only the AWS settings a user has (no switch that silences the SDK), against the loopback STS.
 */
function runAsUser(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const home = tempFolder('node-warnings-home-');
  const env = {
    PATH: process.env.PATH,
    HOME: home,
    TMPDIR: home,
    AWS_ENDPOINT_URL_STS: sts.endpoint,
    AWS_ACCESS_KEY_ID: 'AKIDLOOPBACKTEST',
    AWS_SECRET_ACCESS_KEY: 'loopback-secret',
    AWS_REGION: 'us-east-1',
    AWS_CONFIG_FILE: join(home, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    CROSS_ACCOUNT_CONFIG: join(PROJECT_ROOT, 'config/default.yaml'),
  };
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd: home, env, timeout: 30_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe(`what a user's terminal shows on Node ${process.version}`, () => {
  // Both commands synthesize the settings (cdktf) and call STS (the AWS SDK), where Node prints warnings.
  let credentialProcess: Awaited<ReturnType<typeof runAsUser>>;
  let envFormat: Awaited<ReturnType<typeof runAsUser>>;
  beforeAll(async () => {
    [credentialProcess, envFormat] = await Promise.all([
      runAsUser('assume', '--role', 'S3ProductionAccessRole', '--format', 'credential-process'),
      runAsUser('assume', '--role', 'S3ProductionAccessRole', '--format', 'env'),
    ]);
  }, 60_000);

  it('credential_process output: the credentials JSON on stdout and nothing at all on stderr', () => {
    expect(credentialProcess.code).toBe(0);
    expect(JSON.parse(credentialProcess.stdout)).toMatchObject({ Version: 1, AccessKeyId: 'S3RVER' });
    expect(credentialProcess.stderr).toBe('');
  });

  it("never the AWS SDK's NodeVersionSupportWarning nor a Node deprecation warning", () => {
    expect(envFormat.code).toBe(0);
    expect(envFormat.stdout + envFormat.stderr).not.toMatch(
      /NodeVersionSupportWarning|DeprecationWarning|\(node:\d+\)/,
    );
  });

  // Node 20 reached end of life in April 2026: its users are told once, in one line; 22 and 24 hear nothing.
  const endOfLife = NODE_MAJOR < 22;
  it(endOfLife ? 'says in one line of ours that this Node reached end of life' : 'prints nothing on stderr', () => {
    expect(envFormat.stderr).toBe(
      endOfLife
        ? `cross-account: Node.js ${process.version} has reached end of life and gets no security fixes; upgrade to Node.js 22 or 24\n`
        : '',
    );
    expect(envFormat.stdout).toMatch(/^export AWS_ACCESS_KEY_ID=S3RVER\n/);
  });
});

describe('endOfLifeNotice', () => {
  it('names an end-of-life Node (20, or older) and the versions to move to', () => {
    expect(endOfLifeNotice('v20.20.2')).toBe(
      'cross-account: Node.js v20.20.2 has reached end of life and gets no security fixes; upgrade to Node.js 22 or 24',
    );
    expect(endOfLifeNotice('v18.20.8')).toMatch(/^cross-account: Node.js v18.20.8 has reached end of life/);
  });

  it('says nothing on Node 22, 24 or later', () => {
    expect(['v22.0.0', 'v24.22.3', 'v26.1.0'].map(endOfLifeNotice)).toEqual([undefined, undefined, undefined]);
  });
});
