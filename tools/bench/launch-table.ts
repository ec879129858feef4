import type { FloorName, LaunchTarget } from './launch-targets';
import type { ProcessCost } from './measure-process';
import { mebibytes, row, seconds, times } from './table-cells';

/** A launch target with what it cost. */
export interface MeasuredTarget {
  readonly target: LaunchTarget;
  readonly cost: ProcessCost;
}

/** Whether a target was met, and the measured values it was judged on, in words. */
export function judge(measured: MeasuredTarget, floors: Readonly<Record<FloorName, ProcessCost>>): string {
  const { target, cost } = measured;
  const checks: { text: string; met: boolean }[] = [];
  if (target.maxWallMs !== undefined) {
    checks.push({
      text: `${seconds(cost.wallMs)} ≤ ${seconds(target.maxWallMs)}`,
      met: cost.wallMs <= target.maxWallMs,
    });
  }
  if (target.maxRatio) {
    const ratio = cost.wallMs / floors[target.maxRatio.floor].wallMs;
    checks.push({
      text: `${times(ratio)} ≤ ${target.maxRatio.times}× \`${target.maxRatio.floor}\``,
      met: ratio <= target.maxRatio.times,
    });
  }
  const met = checks.every((check) => check.met);
  return `${checks.map((check) => check.text).join(' and ')}: ${met ? 'met' : 'MISSED'}`;
}

/**
 * The start-up targets as a Markdown table (pasted into docs/bench.md as it is):
 * the floors first, then each target with its medians, its ratios to both floors
 * (wall and CPU), and the verdict on its limits.
 */
export function formatLaunchTable(
  measured: readonly MeasuredTarget[],
  floors: Readonly<Record<FloorName, ProcessCost>>,
  runs: number,
): string {
  const names = Object.keys(floors) as FloorName[];
  const header = [
    'command',
    'wall',
    'CPU',
    'peak',
    ...names.map((name) => `wall × \`${name}\``),
    ...names.map((name) => `CPU × \`${name}\``),
    'target: verdict',
  ];
  const ratios = (cost: ProcessCost) => [
    ...names.map((name) => times(cost.wallMs / floors[name].wallMs)),
    ...names.map((name) => times(cost.cpuMs / floors[name].cpuMs)),
  ];
  const lines = [
    `Median of ${runs} fresh processes per command, taking turns with the floors; ratios are to the floors of this run.`,
    '',
    row(header),
    row(header.map((_, i) => (i === 0 ? '---' : '---:'))),
    ...names.map((name) => row([`floor: \`${name}\``, ...costCells(floors[name]), ...ratios(floors[name]), ''])),
    ...measured.map((m) => row([m.target.label, ...costCells(m.cost), ...ratios(m.cost), judge(m, floors)])),
  ];
  return lines.join('\n');
}

function costCells(cost: ProcessCost): string[] {
  return [seconds(cost.wallMs), seconds(cost.cpuMs), mebibytes(cost)];
}
