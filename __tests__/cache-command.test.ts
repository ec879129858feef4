import { join } from 'node:path';
import { assumeRole } from '../src/cli/assume-command';
import { startLocalSts, type LocalSts } from '../tools/loopback/local-sts';
import { useLoopbackAws } from './support/loopback-aws-env';
import { cli } from './support/run-cli';
import { PROJECT_ROOT } from './support/project';

const ROLE_ARN = 'arn:aws:iam::999999999999:role/S3ProductionAccessRole';
const OTHER_ARN = 'arn:aws:iam::222222222222:role/ReadOnly';
let sts: LocalSts;
let restoreEnv: () => void;
const CONFIG = join(PROJECT_ROOT, 'config/default.yaml');

beforeEach(async () => {
  sts = await startLocalSts();
  restoreEnv = useLoopbackAws({ sts: sts.endpoint });
  for (const role of [ROLE_ARN, OTHER_ARN]) await assumeRole({ config: CONFIG, role, format: 'credential-process' });
});
afterEach(async () => {
  restoreEnv();
  await sts.close();
});

const folder = () => join(process.env.XDG_CACHE_HOME!, 'cross-account');

describe('cross-account cache', () => {
  it('lists each cached role with its source identity and expiry, never its keys', async () => {
    const { code, stdout } = await cli('cache', 'list');
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe(folder());
    expect(lines[1]).toMatch(/^ {2}KIND +ROLE OR MFA DEVICE +SOURCE +EXPIRES$/);
    expect(lines.slice(2, 4).sort()).toEqual([
      expect.stringMatching(
        new RegExp(`^  role +${OTHER_ARN} +access key AKIDLOOPBACKTEST \\(.+\\) +\\S+Z \\(in 60 min\\)$`),
      ),
      expect.stringMatching(
        new RegExp(`^  role +${ROLE_ARN} +access key AKIDLOOPBACKTEST \\(.+\\) +\\S+Z \\(in 60 min\\)$`),
      ),
    ]);
    expect(stdout).not.toMatch(/S3RVER|local-session-token/);
  });

  it('clears the credentials of one role by name, then all', async () => {
    expect(await cli('cache', 'clear', '--role', 'S3ProductionAccessRole')).toMatchObject({
      code: 0,
      stdout: `removed 1 entry of S3ProductionAccessRole from ${folder()}\n`,
    });
    await assumeRole({ config: CONFIG, role: OTHER_ARN, format: 'credential-process' });
    expect(sts.count('AssumeRole')).toBe(2);
    await assumeRole({ config: CONFIG, role: ROLE_ARN, format: 'credential-process' });
    expect(sts.count('AssumeRole')).toBe(3);
    expect((await cli('cache', 'clear')).stdout).toBe(`removed 2 entries from ${folder()}\n`);
    expect((await cli('cache', 'list')).stdout).toBe(`${folder()}: no cached credentials\n`);
  });
});
