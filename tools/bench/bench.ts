/**
 * `npm run bench` (`node bin/run.js tools/bench/bench.ts`), from the project root:
 * 1. issue 12's start-up targets: each command as a user runs it, in fresh
 *    processes taking turns with two floors (`node -e 1`, and a node that only loads
 *    cdktf and the provider classes), each with its ratio to the floors and a verdict;
 * 2. `npm test`, timed once (`--skip-tests` leaves it out);
 * 3. the app on settings of growing size, against the cdktf floor;
 * 4. the offline `terraform plan` of the 1,000-user case (`--skip-plan` leaves it out);
 * 5. `cross-account diff` against `verify` (`--skip-diff` leaves it out).
 * `--runs <n>`: median of n (default 5). `--only <text>`: only the start-up targets whose
 * label holds `text` (and the floors), nothing else: one target measured without the whole hour.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { listResources, readSynthesizedStack } from '../../src/access';
import { STACK_NAME } from '../../src/stack/stack-name';
import { startLocalSts } from '../loopback/local-sts';
import { loopbackAwsEnvironment } from '../loopback/loopback-aws-env';
import { findProviderMirror, planOffline } from '../terraform';
import { formatDiffCost, measureDiffCost } from './diff-cost';
import { BENCH_CASES, PLANNED_CASE, THOUSAND_USERS, type BenchCase } from './bench-cases';
import { formatTable, type BenchRow } from './bench-table';
import { floorScriptText } from './floor-script';
import { generateSettingsYaml } from './generate-settings';
import { formatLaunchTable, judge } from './launch-table';
import { floorCommands, launchTargets, type FloorName, type LaunchContext } from './launch-targets';
import { ProcessMeter, type ProcessCost } from './measure-process';
import { seconds } from './table-cells';

/** Limit of issue 12 on the whole test suite. */
const TEST_SUITE_LIMIT_MS = 60_000;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '5' },
      'skip-plan': { type: 'boolean', default: false },
      'skip-tests': { type: 'boolean', default: false },
      'skip-diff': { type: 'boolean', default: false },
      only: { type: 'string' },
    },
  });
  const runs = Number(values.runs);
  const root = process.cwd();
  const work = mkdtempSync(join(tmpdir(), 'cross-account-bench-'));
  const meter = new ProcessMeter(work);
  process.stdout.write(`${describeMachine()}\n\n`);
  try {
    const floorScript = join(work, 'floor.js');
    writeFileSync(floorScript, floorScriptText(root));
    const floors = await measureLaunchTargets(meter, root, work, floorScript, runs, values.only);
    if (values.only !== undefined) return;
    if (!values['skip-tests']) await timeTestSuite(root);
    const rows: BenchRow[] = [];
    for (const [index, benchCase] of BENCH_CASES.entries()) {
      rows.push(await measureCase(meter, benchCase, join(work, `case-${index}`), root, runs));
      process.stderr.write(`measured ${benchCase.label}\n`);
    }
    process.stdout.write(
      `\n## Settings of growing size\n\n${formatTable(rows, floors['cdktf + provider classes'], runs)}\n`,
    );
    if (!values['skip-plan']) await timePlan(rows, work);
    if (!values['skip-diff']) {
      process.stdout.write(`\n${formatDiffCost(await measureDiffCost(meter, root, work, runs), runs)}\n`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The machine, and how busy it was: wall times on a shared machine mean little without it. */
function describeMachine(): string {
  const gib = (totalmem() / 2 ** 30).toFixed(1);
  const load = loadavg()[0].toFixed(1);
  return `Machine: ${cpus().length} CPUs (${cpus()[0]?.model.trim()}), ${gib} GiB, node ${process.version}, load average ${load} at start.`;
}

/** Measures the floors and issue 12's targets together, prints them, and returns the floors. */
async function measureLaunchTargets(
  meter: ProcessMeter,
  root: string,
  work: string,
  floorScript: string,
  runs: number,
  only?: string,
): Promise<Record<FloorName, ProcessCost>> {
  let stsRequestArrived: (() => void) | undefined;
  const sts = await startLocalSts({
    onRequest: () => {
      stsRequestArrived?.();
      stsRequestArrived = undefined;
    },
  });
  try {
    const context: LaunchContext = {
      root,
      outdir: join(work, 'cdktf.out'),
      synthOutdir: join(work, 'synth.out'),
      awsConfigFile: join(work, 'aws-config'),
      thousandUsers: join(work, '1000-users.yaml'),
      loopbackEnv: loopbackAwsEnvironment({ sts: sts.endpoint }),
      cacheHome: join(work, 'cache'),
      nextStsRequest: () => new Promise((resolve) => (stsRequestArrived = resolve)),
      floorScript,
    };
    writeFileSync(context.thousandUsers, generateSettingsYaml(THOUSAND_USERS));
    // The readers need a cdktf.out; synthesizing it also brings the compiled build up to date.
    await meter.measure({ argv: ['node', 'bin/cross-account.js', 'synth', '--outdir', context.outdir], cwd: root });
    const floorsByName = floorCommands(context);
    const names = Object.keys(floorsByName) as FloorName[];
    const targets = launchTargets(context).filter((target) => only === undefined || target.label.includes(only));
    const costs = await meter.medians(
      [...names.map((name) => floorsByName[name]), ...targets.map((t) => t.command)],
      runs,
    );
    const floors = Object.fromEntries(names.map((name, i) => [name, costs[i]])) as Record<FloorName, ProcessCost>;
    const measured = targets.map((target, i) => ({ target, cost: costs[names.length + i] }));
    process.stdout.write(`## Start-up targets\n\n${formatLaunchTable(measured, floors, runs)}\n\n`);
    process.stdout.write(`${measured.map((m) => `- ${m.target.label}: ${judge(m, floors)}`).join('\n')}\n`);
    return floors;
  } finally {
    await sts.close();
  }
}

/** `npm test` once, as CI runs it (a median of minute-long runs would take too long here). */
async function timeTestSuite(root: string): Promise<void> {
  const started = Date.now();
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn('npm', ['test', '--', '--silent'], { cwd: root, stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', resolve);
  });
  const wallMs = Date.now() - started;
  const verdict = code !== 0 ? `FAILED (exit ${code})` : wallMs <= TEST_SUITE_LIMIT_MS ? 'met' : 'MISSED';
  process.stdout.write(`- \`npm test\`, one run: ${seconds(wallMs)} ≤ ${seconds(TEST_SUITE_LIMIT_MS)}: ${verdict}\n`);
}

async function measureCase(
  meter: ProcessMeter,
  benchCase: BenchCase,
  folder: string,
  root: string,
  runs: number,
): Promise<BenchRow> {
  mkdirSync(folder, { recursive: true });
  const settingsFile =
    typeof benchCase.settings === 'string' ? join(root, benchCase.settings) : join(folder, 'settings.yaml');
  if (typeof benchCase.settings !== 'string') writeFileSync(settingsFile, generateSettingsYaml(benchCase.settings));
  const outdir = join(folder, 'cdktf.out');
  const env = { CROSS_ACCOUNT_CONFIG: settingsFile, CDKTF_OUTDIR: outdir };
  const [app] = await meter.medians([{ argv: ['node', 'bin/run.js', 'main.ts'], cwd: root, env }], runs);
  const stack = readSynthesizedStack(outdir, STACK_NAME);
  const size =
    typeof benchCase.settings === 'string'
      ? sizeOf(stack)
      : { ...benchCase.settings, accounts: benchCase.settings.targetAccounts + 1 };
  return { benchCase, size, resources: listResources(stack).length, outdir, app };
}

/** Size of a given settings file, read back from what it synthesized. */
function sizeOf(stack: ReturnType<typeof readSynthesizedStack>): BenchRow['size'] {
  const count = (type: string) => Object.keys(stack.resource?.[type] ?? {}).length;
  return {
    users: count('aws_iam_user'),
    groups: count('aws_iam_group'),
    roles: count('aws_iam_role'),
    accounts: (stack.provider?.aws ?? []).length,
  };
}

async function timePlan(rows: readonly BenchRow[], work: string): Promise<void> {
  const row = rows.find((r) => r.benchCase.label === PLANNED_CASE)!;
  const mirror = findProviderMirror();
  if ('missing' in mirror) {
    process.stdout.write(`\nOffline terraform plan of ${PLANNED_CASE}: skipped (${mirror.missing})\n`);
    return;
  }
  const started = Date.now();
  const stack = readSynthesizedStack(row.outdir, STACK_NAME);
  const plan = await planOffline({ stack, workDir: join(work, 'plan'), mirror: mirror.path });
  // Every resource Terraform plans: the AWS ones in the table and the record of the settings file.
  const synthesized = Object.values(stack.resource ?? {}).reduce((n, byName) => n + Object.keys(byName).length, 0);
  const agrees = plan.add === synthesized ? 'as many as synthesized' : `but ${synthesized} were synthesized`;
  process.stdout.write(
    `\nOffline terraform plan of ${PLANNED_CASE} (terraform init, plan, which validates first): ` +
      `${seconds(Date.now() - started)}, valid: ${plan.valid}, ${plan.summary} (${agrees})\n`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
