import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assumeRole, type AssumeOptions } from '../src/cli/assume-command';
import { runCli } from '../src/cli/main';
import type { LocalSts, LocalStsProps } from '../tools/loopback/local-sts';
import { loopbackStsPerTest } from './support/loopback-sts';
import { PROJECT_ROOT } from './support/project';

// The node:fs the cache module calls through, so a test can watch (or break) its writes.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fs = require('node:fs') as typeof import('node:fs');

const ROLE_ARN = 'arn:aws:iam::999999999999:role/S3ProductionAccessRole';
const CONFIG = join(PROJECT_ROOT, 'config/default.yaml');
const startSts = loopbackStsPerTest('config/default.yaml');
let sts: LocalSts;
const withSts = async (props: LocalStsProps = {}) => void (sts = await startSts(props));

afterEach(() => jest.restoreAllMocks());

const cacheFolder = () => join(process.env.XDG_CACHE_HOME!, 'cross-account');
/** The files in the cache folder (none when there is no folder). */
const cacheFiles = () => (existsSync(cacheFolder()) ? readdirSync(cacheFolder()) : []);
const entryFiles = () => cacheFiles().filter((name) => name.endsWith('.json'));
const credentialProcess = (extra: Partial<AssumeOptions> = {}) =>
  assumeRole({ config: CONFIG, role: ROLE_ARN, format: 'credential-process', ...extra });

/** Rewrites the one role entry's expiry, as time passing would. */
function expireEntryIn(seconds: number): void {
  const [file] = entryFiles();
  const path = join(cacheFolder(), file);
  const entry = JSON.parse(readFileSync(path, 'utf8'));
  entry.credentials.expiration = new Date(Date.now() + seconds * 1000).toISOString();
  writeFileSync(path, JSON.stringify(entry));
}

describe('assume --format credential-process answers from the cache', () => {
  it('makes one AssumeRole for two calls within the cache margin, and prints the same credentials', async () => {
    await withSts();
    const first = await credentialProcess();
    const second = await credentialProcess();
    expect(second).toBe(first);
    expect(sts.count('AssumeRole')).toBe(1);
    expect(sts.count('GetCallerIdentity')).toBe(1);
  });

  it('keys the cache by role name too: a name of the settings is answered from the cache the second time', async () => {
    await withSts();
    await assumeRole({ config: CONFIG, role: 'S3ProductionAccessRole', format: 'credential-process' });
    await assumeRole({ config: CONFIG, role: 'S3ProductionAccessRole', format: 'credential-process' });
    expect(sts.count('AssumeRole')).toBe(1);
  });

  it.each([
    ['with less than five minutes left', 240],
    ['expired', -60],
  ])('refreshes an entry %s and never prints it', async (_when, secondsLeft) => {
    await withSts();
    await credentialProcess();
    expireEntryIn(secondsLeft);
    const stale = JSON.parse(readFileSync(join(cacheFolder(), entryFiles()[0]), 'utf8')).credentials;
    const printed = JSON.parse(await credentialProcess());
    expect(sts.count('AssumeRole')).toBe(2);
    expect(printed.SessionToken).not.toBe(stale.sessionToken);
    expect(Date.parse(printed.Expiration) - Date.now()).toBeGreaterThan(3000_000);
  });

  it('refuses credentials STS hands out already expired: nothing printed, nothing cached', async () => {
    await withSts({ lifetimeSeconds: -60 });
    await expect(credentialProcess()).rejects.toThrow(
      /^STS \(http:\/\/127\.0\.0\.1:\d+\) handed out credentials for S3ProductionAccessRole that expired at .+: check this computer's clock/,
    );
    expect(cacheFiles()).toEqual([]);
  });

  it('keeps one file per role and source identity: another access key is another entry', async () => {
    await withSts();
    await credentialProcess();
    process.env.AWS_ACCESS_KEY_ID = 'AKIDANOTHERUSER';
    await credentialProcess();
    expect(sts.count('AssumeRole')).toBe(2);
    expect(entryFiles()).toHaveLength(2);
  });

  it('writes the entry 0600 in a 0700 folder', async () => {
    await withSts();
    await credentialProcess();
    expect(statSync(cacheFolder()).mode & 0o777).toBe(0o700);
    expect(entryFiles().map((file) => statSync(join(cacheFolder(), file)).mode & 0o777)).toEqual([0o600]);
  });

  it('writes the entry atomically: an exclusive 0600 temp file in the same folder, fsynced, renamed over it', async () => {
    await withSts();
    const steps: string[] = [];
    const { fsyncSync, renameSync } = fs;
    const open = jest.spyOn(fs, 'openSync');
    jest.spyOn(fs, 'fsyncSync').mockImplementation((fd) => {
      steps.push('fsync');
      fsyncSync(fd);
    });
    const rename = jest.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
      steps.push('rename');
      renameSync(from, to);
    });
    await credentialProcess();
    const [[temp, to]] = rename.mock.calls as [string, string][];
    expect(to).toBe(join(cacheFolder(), entryFiles()[0]));
    expect(temp).toMatch(new RegExp(`^${cacheFolder()}/\\.role-[0-9a-f]{32}\\.json\\.\\d+\\.[0-9a-f]{8}\\.tmp$`));
    expect(open).toHaveBeenCalledWith(temp, 'wx', 0o600);
    expect(steps.slice(0, 2)).toEqual(['fsync', 'rename']);
  });

  it('leaves the previous entry whole, and no temp file, when the write fails', async () => {
    await withSts();
    await credentialProcess();
    expireEntryIn(60);
    const before = readFileSync(join(cacheFolder(), entryFiles()[0]), 'utf8');
    jest.spyOn(fs, 'renameSync').mockImplementation(() => {
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    });
    await expect(credentialProcess()).rejects.toThrow('ENOSPC');
    expect(cacheFiles()).toEqual(entryFiles());
    expect(readFileSync(join(cacheFolder(), entryFiles()[0]), 'utf8')).toBe(before);
  });

  it('refuses a cache folder open to other users, before any STS call', async () => {
    await withSts();
    await credentialProcess();
    chmodSync(cacheFolder(), 0o755);
    await expect(credentialProcess()).rejects.toThrow(
      `credential cache folder ${cacheFolder()} is open to other users (mode 755): run \`chmod 700 ${cacheFolder()}\` or \`cross-account cache clear\`, or pass --no-cache`,
    );
    expect(sts.count('AssumeRole')).toBe(1);
  });

  it('refuses a cache file open to other users', async () => {
    await withSts();
    await credentialProcess();
    const file = join(cacheFolder(), entryFiles()[0]);
    chmodSync(file, 0o644);
    await expect(credentialProcess()).rejects.toThrow(
      `credential cache file ${file} is open to other users (mode 644)`,
    );
  });

  it('with --no-cache neither reads nor writes the cache', async () => {
    await withSts();
    await credentialProcess();
    await credentialProcess({ cache: false });
    await credentialProcess({ cache: false });
    expect(sts.count('AssumeRole')).toBe(3);
    expect(entryFiles()).toHaveLength(1);
  });

  it('caches only for credential_process: env and json ask STS each time', async () => {
    await withSts();
    await assumeRole({ config: CONFIG, role: ROLE_ARN, format: 'env' });
    await assumeRole({ config: CONFIG, role: ROLE_ARN, format: 'json' });
    expect(sts.count('AssumeRole')).toBe(2);
  });

  it('takes --no-cache on the command line', async () => {
    await withSts();
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const args = ['assume', '--role', ROLE_ARN, '--format', 'credential-process'];
    expect(await runCli([...args, '--no-cache'])).toBe(0);
    expect(await runCli(args)).toBe(0);
    expect(await runCli(args)).toBe(0);
    write.mockRestore();
    expect(sts.count('AssumeRole')).toBe(2);
  });
});
