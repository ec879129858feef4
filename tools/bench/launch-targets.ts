import type { CommandToMeasure } from './measure-process';

/** The two floors every launch target is compared with, measured in the same run. */
export type FloorName = 'node -e 1' | 'cdktf + provider classes';

/** One start-up target of issue 12: a command as a user runs it, and what it must stay under. */
export interface LaunchTarget {
  /** What is measured, as the issue names it. */
  readonly label: string;
  readonly command: CommandToMeasure;
  /** Largest wall time, in milliseconds. @default no absolute limit */
  readonly maxWallMs?: number;
  /** Largest ratio of its wall time to a floor's. @default no ratio limit */
  readonly maxRatio?: { readonly floor: FloorName; readonly times: number };
}

/** What the targets run against, prepared by the benchmark in its temporary folder. */
export interface LaunchContext {
  /** Project root. */
  readonly root: string;
  /** A cdktf.out of the default settings, for the commands that read one. */
  readonly outdir: string;
  /** Output folder `npm run synth` writes (CDKTF_OUTDIR). */
  readonly synthOutdir: string;
  /** AWS config file `profiles --dry-run` diffs against (need not exist). */
  readonly awsConfigFile: string;
  /** Generated settings with 1,000 users. */
  readonly thousandUsers: string;
  /** Environment pointing the SDK at the loopback STS. */
  readonly loopbackEnv: Readonly<Record<string, string>>;
  /** `XDG_CACHE_HOME` of the warm-cache `credential_process`: its unmeasured first run fills the cache. */
  readonly cacheHome: string;
  /** Resolves when the loopback STS receives its next request. */
  readonly nextStsRequest: () => Promise<void>;
  /** Script that loads cdktf and the provider classes the stack uses, and nothing else. */
  readonly floorScript: string;
}

/** The floors: a bare node, and a bare node that only loads what any synthesis must load. */
export function floorCommands(context: LaunchContext): Readonly<Record<FloorName, CommandToMeasure>> {
  return {
    'node -e 1': { argv: ['node', '-e', '1'], cwd: context.root },
    'cdktf + provider classes': { argv: ['node', context.floorScript], cwd: context.root },
  };
}

/** The start-up targets, each run the way a user (or the AWS CLI's credential_process) runs it. */
export function launchTargets(context: LaunchContext): LaunchTarget[] {
  const { root, outdir } = context;
  const cli = (...args: string[]): CommandToMeasure => ({
    argv: ['node', 'bin/cross-account.js', ...args],
    cwd: root,
  });
  const readerLimit = { floor: 'node -e 1', times: 3 } as const;
  const credentialProcess = ['--role', 'S3ProductionAccessRole', '--format', 'credential-process', '--outdir', outdir];
  return [
    {
      label: '`npm run synth`, default settings',
      command: { argv: ['npm', 'run', '-s', 'synth'], cwd: root, env: { CDKTF_OUTDIR: context.synthOutdir } },
      maxWallMs: 1000,
      maxRatio: { floor: 'cdktf + provider classes', times: 8 },
    },
    {
      label: "cdktf.json's app (what `cdktf synth/plan/deploy` start), default settings",
      command: { argv: ['node', 'bin/run.js', 'main.ts'], cwd: root, env: { CDKTF_OUTDIR: context.synthOutdir } },
      maxRatio: { floor: 'cdktf + provider classes', times: 8 },
    },
    {
      label: '`console-url` reading cdktf.out',
      command: cli('console-url', '--role', 'S3ProductionAccessRole', '--outdir', outdir),
      maxRatio: readerLimit,
    },
    {
      label: '`profiles --dry-run` reading cdktf.out',
      command: cli('profiles', '--dry-run', '--config-file', context.awsConfigFile, '--outdir', outdir),
      maxRatio: readerLimit,
    },
    { label: '`summary` reading cdktf.out', command: cli('summary', '--outdir', outdir), maxRatio: readerLimit },
    {
      // Without the cache: with it, every run after the first would be answered without calling STS.
      label: '`assume --format credential-process`, up to the STS call',
      command: {
        ...cli('assume', ...credentialProcess, '--no-cache'),
        env: context.loopbackEnv,
        until: context.nextStsRequest,
      },
      maxRatio: readerLimit,
    },
    {
      label: '`assume --format credential-process`, answered from the credential cache',
      command: {
        ...cli('assume', ...credentialProcess),
        env: { ...context.loopbackEnv, XDG_CACHE_HOME: context.cacheHome },
      },
      maxRatio: readerLimit,
    },
    {
      label: '`verify`, default settings',
      command: cli('verify', '--config', 'config/default.yaml'),
      maxWallMs: 1000,
    },
    {
      label: '`verify`, 1,000 users',
      command: cli('verify', '--config', context.thousandUsers),
      maxWallMs: 3000,
    },
  ];
}
