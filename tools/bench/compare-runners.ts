/**
 * How to run this project's TypeScript: measures each way on the same commands in
 * one run, for docs/bench.md. The transpilers are not dependencies of the project;
 * install the ones to compare for this run only, then run from the project root:
 *
 *   npm install --no-save tsx@4.23.15 @swc-node/register@1.12.1 @swc/core@1.16.22 sucrase@3.35.1 esbuild-register@3.6.0
 *   node bin/run.js tools/bench/compare-runners.ts --runs 5
 *
 * A runner that is not installed, or that cannot run a command, gets a row saying so.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ProcessMeter, type CommandToMeasure, type ProcessCost } from './measure-process';
import { mebibytes, row, seconds, times } from './table-cells';

/** One way to start a TypeScript file of the project: the argv that runs `file` with `args`. */
interface Runner {
  readonly name: string;
  /** Package it needs. @default none */
  readonly needs?: string;
  readonly argv: (file: string, args: readonly string[]) => string[];
}

const RUNNERS: readonly Runner[] = [
  {
    name: 'ts-node, transpile-only (before)',
    needs: 'ts-node',
    argv: (file, args) => ['node', '-r', 'ts-node/register/transpile-only', file, ...args],
  },
  { name: 'tsx (esbuild, disk cache)', needs: 'tsx', argv: (file, args) => ['node', '--import', 'tsx', file, ...args] },
  {
    name: '@swc-node/register (@swc/core)',
    needs: '@swc-node/register',
    argv: (file, args) => ['node', '-r', '@swc-node/register', file, ...args],
  },
  {
    name: 'esbuild-register',
    needs: 'esbuild-register',
    argv: (file, args) => ['node', '-r', 'esbuild-register', file, ...args],
  },
  { name: 'sucrase', needs: 'sucrase', argv: (file, args) => ['node', '-r', 'sucrase/register/ts', file, ...args] },
  { name: 'tsc output (no staleness check)', argv: (file, args) => ['node', join(TSC_OUT, jsOf(file)), ...args] },
  {
    name: 'bin/build.js: esbuild output, fingerprint checked (chosen)',
    argv: (file, args) =>
      file === 'main.ts' ? ['node', 'bin/run.js', file, ...args] : ['node', 'bin/cross-account.js', ...args],
  },
];

const WORK = mkdtempSync(join(tmpdir(), 'compare-runners-'));
/** Inside the project, so that the compiled files find node_modules as bin/build.js's do. */
const TSC_OUT = join(process.cwd(), 'node_modules', '.cache', 'compare-runners-tsc');

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
  const runs = Number(values.runs);
  const root = process.cwd();
  const meter = new ProcessMeter(WORK);
  try {
    const outdir = join(WORK, 'cdktf.out');
    const builds = timeBuilds(root);
    execFileSync(process.execPath, ['bin/cross-account.js', 'synth', '--outdir', outdir], { cwd: root });
    const workloads: readonly { label: string; file: string; args: string[]; env?: Record<string, string> }[] = [
      {
        label: "cdktf.json's app, default settings",
        file: 'main.ts',
        args: [],
        env: { CDKTF_OUTDIR: join(WORK, 'app') },
      },
      { label: '`synth`', file: 'src/cli/main.ts', args: ['synth', '--outdir', join(WORK, 'synth')] },
      {
        label: '`console-url` reading cdktf.out',
        file: 'src/cli/main.ts',
        args: ['console-url', '--role', 'S3ProductionAccessRole', '--outdir', outdir],
      },
    ];
    const floor: CommandToMeasure = { argv: ['node', '-e', '1'], cwd: root };
    const available = RUNNERS.filter((runner) => !runner.needs || isInstalled(runner.needs, root));
    const cells: (CommandToMeasure | string)[][] = available.map((runner) =>
      workloads.map((w) => ({ argv: runner.argv(w.file, w.args), cwd: root, env: w.env })),
    );
    // A runner that cannot run a workload gets the reason instead of a measurement.
    for (const [r, runner] of available.entries()) {
      for (const [w, workload] of workloads.entries()) {
        const command = cells[r][w] as CommandToMeasure;
        await meter.measure(command).catch((error: Error) => {
          cells[r][w] = `fails: ${firstErrorLine(error.message)}`;
        });
        process.stderr.write(`tried ${runner.name} on ${workload.label}\n`);
      }
    }
    const runnable = cells.flat().filter((cell): cell is CommandToMeasure => typeof cell !== 'string');
    const [floorCost, ...costs] = await meter.medians([floor, ...runnable], runs);
    const costOf = new Map(runnable.map((command, i) => [command, costs[i]]));
    const header = ['runner', ...workloads.map((w) => w.label)];
    const describe = (cost: ProcessCost) =>
      `${seconds(cost.wallMs)} wall, ${seconds(cost.cpuMs)} CPU (${times(cost.cpuMs / floorCost.cpuMs)}), ${mebibytes(cost)}`;
    process.stdout.write(
      [
        `${cpus().length} CPUs, node ${process.version}, load average ${loadavg()[0].toFixed(1)} at the end.`,
        `Median of ${runs} fresh processes each, taking turns; CPU ratio to \`node -e 1\` (${seconds(floorCost.wallMs)} wall, ${seconds(floorCost.cpuMs)} CPU) in parentheses.`,
        '',
        row(header),
        row(header.map(() => '---')),
        ...available.map((runner, r) =>
          row([
            runner.name,
            ...cells[r].map((cell) => (typeof cell === 'string' ? cell : describe(costOf.get(cell)!))),
          ]),
        ),
        '',
        `Building: ${builds}`,
        '',
      ].join('\n'),
    );
  } finally {
    rmSync(WORK, { recursive: true, force: true });
    rmSync(TSC_OUT, { recursive: true, force: true });
  }
}

/** What a build costs each way: all of tsc (it checks types as it emits) against bin/build.js after an edit. */
function timeBuilds(root: string): string {
  const time = (args: string[]) => {
    const started = Date.now();
    execFileSync(process.execPath, args, { cwd: root, stdio: 'ignore' });
    return seconds(Date.now() - started);
  };
  const tsc = require.resolve('typescript/bin/tsc', { paths: [root] });
  const tscTime = time([tsc, '--outDir', TSC_OUT]);
  const now = new Date();
  utimesSync(join(root, 'main.ts'), now, now); // as an editor's save does: the next run compiles again
  const esbuildTime = time(['bin/build.js']);
  return `\`tsc\` (whole project, types checked) ${tscTime}; bin/build.js after an edit ${esbuildTime}, a run with nothing changed adds its fingerprint check only.`;
}

function isInstalled(name: string, root: string): boolean {
  return existsSync(join(root, 'node_modules', name, 'package.json'));
}

function jsOf(file: string): string {
  return file.replace(/\.ts$/, '.js');
}

function firstErrorLine(message: string): string {
  const line = message.split('\n').find((text) => /Error|error/.test(text)) ?? message.split('\n')[0];
  return line.trim().slice(0, 120);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
