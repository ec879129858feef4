import type { BenchCase } from './bench-cases';
import type { ProcessCost } from './measure-process';

/** One measured settings file. */
export interface BenchRow {
  readonly benchCase: BenchCase;
  /** Users, groups, roles and accounts (identity included) in the settings. */
  readonly size: { readonly users: number; readonly groups: number; readonly roles: number; readonly accounts: number };
  /** Resources in the synthesized stack (what the plan creates). */
  readonly resources: number;
  /** cdktf output folder of the compiled run. */
  readonly outdir: string;
  /** The app run as compiled JavaScript (`node dist/main.js`). */
  readonly compiled: ProcessCost;
  /** The app run as cdktf.json runs it (`node -r ts-node/register/transpile-only main.ts`). */
  readonly tsNode: ProcessCost;
}

/**
 * The benchmark as a Markdown table (so a run can be pasted into the docs as it
 * is), the floor first, ratios against the smallest case, then one line per target.
 */
export function formatTable(rows: readonly BenchRow[], floor: ProcessCost, runs: number): string {
  const smallest = rows.reduce((a, b) => (b.resources < a.resources ? b : a));
  const perResource = (row: BenchRow) => (row.compiled.cpuMs - floor.cpuMs) / row.resources;
  const header = [
    'settings',
    'users',
    'groups',
    'roles',
    'accounts',
    'resources',
    'wall (compiled)',
    'CPU (compiled)',
    'peak (compiled)',
    'wall (ts-node)',
    'CPU (ts-node)',
    'peak (ts-node)',
    'resources ×',
    'wall ×',
    'CPU ×',
    'peak ×',
    'CPU ms/resource above floor',
  ];
  const floorCells = [
    'bare node: cdktf + provider classes',
    ...Array<string>(5).fill(''),
    seconds(floor.wallMs),
    seconds(floor.cpuMs),
    mebibytes(floor),
  ];
  const lines = [
    `Median of ${runs} fresh processes per cell; ratios compare the compiled app with the smallest case (${smallest.benchCase.label}).`,
    '',
    row(header),
    row(header.map((_, i) => (i === 0 ? '---' : '---:'))),
    row([...floorCells, ...Array<string>(header.length - floorCells.length).fill('')]),
    ...rows.map((r) =>
      row([
        r.benchCase.label,
        String(r.size.users),
        String(r.size.groups),
        String(r.size.roles),
        String(r.size.accounts),
        String(r.resources),
        seconds(r.compiled.wallMs),
        seconds(r.compiled.cpuMs),
        mebibytes(r.compiled),
        seconds(r.tsNode.wallMs),
        seconds(r.tsNode.cpuMs),
        mebibytes(r.tsNode),
        ratio(r.resources, smallest.resources),
        ratio(r.compiled.wallMs, smallest.compiled.wallMs),
        ratio(r.compiled.cpuMs, smallest.compiled.cpuMs),
        ratio(r.compiled.peakMiB, smallest.compiled.peakMiB),
        perResource(r).toFixed(2),
      ]),
    ),
    '',
    ...rows.filter((r) => r.benchCase.target).map(targetVerdict),
    linearityVerdict(rows, perResource),
  ];
  return lines.join('\n');
}

function targetVerdict(r: BenchRow): string {
  const target = r.benchCase.target!;
  const verdict = (name: string, cost: ProcessCost) =>
    `${name} ${seconds(cost.wallMs)}, ${mebibytes(cost)}: ${cost.wallMs < target.wallMs && cost.peakMiB < target.peakMiB ? 'met' : 'MISSED'}`;
  return `Target for ${r.benchCase.label} (under ${target.wallMs / 1000} s and ${target.peakMiB} MB): ${verdict('compiled', r.compiled)}; ${verdict('ts-node', r.tsNode)}.`;
}

/**
 * Linear growth: the largest case costs no more CPU per resource (above the
 * floor) than the next one down, give or take 20 %. CPU time, not wall time:
 * on a shared 2-core machine wall time swings with whatever else runs.
 */
function linearityVerdict(rows: readonly BenchRow[], perResource: (row: BenchRow) => number): string {
  const [next, largest] = [...rows].sort((a, b) => a.resources - b.resources).slice(-2);
  const met = perResource(largest) <= perResource(next) * 1.2;
  const [large, small] = [perResource(largest), perResource(next)].map((ms) => ms.toFixed(2));
  return `Linear growth (CPU ms per resource above the floor, ${largest.benchCase.label} ${large} ≤ 1.2 × ${next.benchCase.label} ${small}): ${met ? 'met' : 'MISSED'}.`;
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function seconds(milliseconds: number): string {
  return `${(milliseconds / 1000).toFixed(2)} s`;
}

function mebibytes(cost: ProcessCost): string {
  return `${Math.round(cost.peakMiB)} MB`;
}

function ratio(value: number, base: number): string {
  return `${(value / base).toFixed(1)}`;
}
