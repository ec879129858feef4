import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProcessCost, ProcessMeter } from './measure-process';

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
 * there is something to report), each as `bin/cross-account.js` runs it, in fresh
 * processes taking turns so that load on a shared machine falls on both alike.
 */
export async function measureDiffCost(
  meter: ProcessMeter,
  root: string,
  work: string,
  runs: number,
): Promise<DiffCost> {
  const base = join(root, 'config', 'default.yaml');
  const head = join(work, 'diff-head.yaml');
  const moved = readFileSync(base, 'utf8').replace(
    '{ name: John, groups: [Developers] }',
    '{ name: John, groups: [Testers] }',
  );
  if (!moved.includes('{ name: John, groups: [Testers] }')) throw new Error(`${base} no longer has John in Developers`);
  writeFileSync(head, moved);
  const cli = (...args: string[]) => ({ argv: ['node', 'bin/cross-account.js', ...args], cwd: root });
  const [verify, diff] = await meter.medians(
    [cli('verify', '--config', base), cli('diff', '--base', base, '--head', head)],
    runs,
  );
  return { verify, diff };
}

/** The measurement in lines for the benchmark's output, with the verdict against the target. */
export function formatDiffCost(cost: DiffCost, runs: number): string {
  const wall = cost.diff.wallMs / cost.verify.wallMs;
  const cpu = cost.diff.cpuMs / cost.verify.cpuMs;
  const line = (name: string, c: ProcessCost) =>
    `  ${name.padEnd(7)} wall ${(c.wallMs / 1000).toFixed(2)} s, CPU ${(c.cpuMs / 1000).toFixed(2)} s, peak ${Math.round(c.peakMiB)} MiB`;
  const verdict = Math.max(wall, cpu) <= DIFF_TARGET_RATIO ? 'met' : 'NOT met';
  return [
    `cross-account diff against verify (default.yaml and a variant of it; median of ${runs} alternating fresh processes):`,
    line('verify', cost.verify),
    line('diff', cost.diff),
    `Target (diff ≤ ${DIFF_TARGET_RATIO} × verify): wall ${wall.toFixed(2)} ×, CPU ${cpu.toFixed(2)} ×: ${verdict}.`,
  ].join('\n');
}
