/**
 * `npm run bench`: synthesizes settings of growing size, each in a fresh process,
 * and prints wall time and peak memory against a bare-node floor, then times the
 * offline `terraform plan` of the 1,000-user case, and compares `cross-account diff`
 * with `verify`. Run from the project root after `tsc` (the npm script does both).
 * Options: `--runs <n>` (median of n, default 3), `--skip-plan`, `--skip-diff`.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { listResources, readSynthesizedStack } from '../../src/access';
import { STACK_NAME } from '../../src/stack/stack-name';
import { findProviderMirror, planOffline } from '../terraform';
import { BENCH_CASES, PLANNED_CASE, type BenchCase } from './bench-cases';
import { floorScriptText } from './floor-script';
import { generateSettingsYaml } from './generate-settings';
import { measureMedian, type MeasureProps, type ProcessCost } from './measure-process';
import { formatTable, type BenchRow } from './bench-table';
import { formatDiffCost, measureDiffCost } from './diff-cost';

/** How the app process is started: compiled JavaScript, and cdktf.json's ts-node runner. */
const RUNNERS: Readonly<Record<'compiled' | 'ts-node', Pick<MeasureProps, 'script' | 'nodeOptions'>>> = {
  compiled: { script: 'dist/main.js' },
  'ts-node': { script: 'main.ts', nodeOptions: ['-r', 'ts-node/register/transpile-only'] },
};

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '3' },
      'skip-plan': { type: 'boolean', default: false },
      'skip-diff': { type: 'boolean', default: false },
    },
  });
  const runs = Number(values.runs);
  const root = process.cwd();
  if (!existsSync(join(root, RUNNERS.compiled.script))) {
    throw new Error(`${RUNNERS.compiled.script} is missing: run \`npm run bench\` (it compiles first)`);
  }
  const work = mkdtempSync(join(tmpdir(), 'cross-account-bench-'));
  process.stdout.write(`${describeMachine()}\n\n`);
  try {
    writeFileSync(join(work, 'floor.js'), floorScriptText(root));
    const floor = await measureMedian({ script: join(work, 'floor.js'), cwd: root }, runs);
    const rows: BenchRow[] = [];
    for (const [index, benchCase] of BENCH_CASES.entries()) {
      rows.push(await measureCase(benchCase, join(work, `case-${index}`), root, runs));
      process.stderr.write(`measured ${benchCase.label}\n`);
    }
    process.stdout.write(`${formatTable(rows, floor, runs)}\n`);
    if (!values['skip-plan']) await timePlan(rows, work);
    if (!values['skip-diff'])
      process.stdout.write(`\n${formatDiffCost(await measureDiffCost(root, work, runs), runs)}\n`);
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

async function measureCase(benchCase: BenchCase, folder: string, root: string, runs: number): Promise<BenchRow> {
  mkdirSync(folder, { recursive: true });
  const settingsFile =
    typeof benchCase.settings === 'string' ? join(root, benchCase.settings) : join(folder, 'settings.yaml');
  if (typeof benchCase.settings !== 'string') writeFileSync(settingsFile, generateSettingsYaml(benchCase.settings));
  const measure = (name: keyof typeof RUNNERS): Promise<ProcessCost> => {
    const env = { CROSS_ACCOUNT_CONFIG: settingsFile, CDKTF_OUTDIR: join(folder, `out-${name}`) };
    return measureMedian({ ...RUNNERS[name], cwd: root, env }, runs);
  };
  const compiled = await measure('compiled');
  const tsNode = await measure('ts-node');
  const outdir = join(folder, 'out-compiled');
  const stack = readSynthesizedStack(outdir, STACK_NAME);
  const size =
    typeof benchCase.settings === 'string'
      ? sizeOf(stack)
      : { ...benchCase.settings, accounts: benchCase.settings.targetAccounts + 1 };
  return {
    benchCase,
    size,
    resources: listResources(stack).length,
    outdir,
    compiled,
    tsNode,
  };
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
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  // Every resource Terraform plans: the AWS ones in the table and the record of the settings file.
  const synthesized = Object.values(stack.resource ?? {}).reduce((n, byName) => n + Object.keys(byName).length, 0);
  const agrees = plan.add === synthesized ? 'as many as synthesized' : `but ${synthesized} were synthesized`;
  process.stdout.write(
    `\nOffline terraform plan of ${PLANNED_CASE} (terraform init, validate, plan): ` +
      `${seconds} s, valid: ${plan.valid}, ${plan.summary} (${agrees})\n`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
