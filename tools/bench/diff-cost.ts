import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { measureNodeProcess, median, type MeasureProps, type ProcessCost } from './measure-process';

/** The target: the diff of two default-size settings costs at most twice one verify. */
const DIFF_TARGET_RATIO = 2;

/** The two commands compared, as one CLI process each: verify of config/default.yaml, diff of it and a variant. */
export interface DiffCost {
  readonly verify: ProcessCost;
  readonly diff: ProcessCost;
}

/**
 * Times `cross-account verify` of config/default.yaml against `cross-account
 * diff` of that file and a variant of the same size (John moved to Testers, so
 * there is something to report), as compiled JavaScript in fresh processes.
 * The two alternate, after one unmeasured run of each, so that load on a shared
 * machine falls on both alike; each is the median of `runs`.
 */
export async function measureDiffCost(root: string, work: string, runs: number): Promise<DiffCost> {
  const base = join(root, 'config', 'default.yaml');
  const head = join(work, 'diff-head.yaml');
  const moved = readFileSync(base, 'utf8').replace(
    '{ name: John, groups: [Developers] }',
    '{ name: John, groups: [Testers] }',
  );
  if (!moved.includes('{ name: John, groups: [Testers] }')) throw new Error(`${base} no longer has John in Developers`);
  writeFileSync(head, moved);
  const cli = join(work, 'cli.js');
  writeFileSync(
    cli,
    `require(${JSON.stringify(join(root, 'dist', 'src', 'cli', 'main.js'))}).runCli(process.argv.slice(2))` +
      '.then((code) => { process.exitCode = code; });\n',
  );
  const commands: Readonly<Record<keyof DiffCost, MeasureProps>> = {
    verify: { script: cli, args: ['verify', '--config', base], cwd: root },
    diff: { script: cli, args: ['diff', '--base', base, '--head', head], cwd: root },
  };
  const costs: Record<keyof DiffCost, ProcessCost[]> = { verify: [], diff: [] };
  for (let run = -1; run < runs; run++) {
    for (const name of ['verify', 'diff'] as const) {
      const cost = await measureNodeProcess(commands[name]);
      if (run >= 0) costs[name].push(cost);
    }
  }
  const middle = (list: readonly ProcessCost[]): ProcessCost => ({
    wallMs: median(list.map((cost) => cost.wallMs)),
    cpuMs: median(list.map((cost) => cost.cpuMs)),
    peakMiB: median(list.map((cost) => cost.peakMiB)),
  });
  return { verify: middle(costs.verify), diff: middle(costs.diff) };
}

/** The measurement in lines for the benchmark's output, with the verdict against the target. */
export function formatDiffCost(cost: DiffCost, runs: number): string {
  const wall = cost.diff.wallMs / cost.verify.wallMs;
  const cpu = cost.diff.cpuMs / cost.verify.cpuMs;
  const line = (name: string, c: ProcessCost) =>
    `  ${name.padEnd(7)} wall ${(c.wallMs / 1000).toFixed(2)} s, CPU ${(c.cpuMs / 1000).toFixed(2)} s, peak ${Math.round(c.peakMiB)} MiB`;
  const verdict = Math.max(wall, cpu) <= DIFF_TARGET_RATIO ? 'met' : 'NOT met';
  return [
    `cross-account diff against verify (default.yaml and a variant of it; median of ${runs} alternating fresh processes, compiled):`,
    line('verify', cost.verify),
    line('diff', cost.diff),
    `Target (diff ≤ ${DIFF_TARGET_RATIO} × verify): wall ${wall.toFixed(2)} ×, CPU ${cpu.toFixed(2)} ×: ${verdict}.`,
  ].join('\n');
}
