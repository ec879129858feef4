import type { BenchCase } from './bench-cases';
import type { ProcessCost } from './measure-process';
import { mebibytes, row, seconds } from './table-cells';

/** One measured settings file. */
export interface BenchRow {
  readonly benchCase: BenchCase;
  /** Users, groups, roles and accounts (identity included) in the settings. */
  readonly size: { readonly users: number; readonly groups: number; readonly roles: number; readonly accounts: number };
  /** Resources in the synthesized stack (what the plan creates). */
  readonly resources: number;
  /** cdktf output folder the app wrote. */
  readonly outdir: string;
  /** The app run as cdktf.json runs it (`node bin/run.js main.ts`). */
  readonly app: ProcessCost;
}

/**
 * The benchmark as a Markdown table (so a run can be pasted into the docs as it
 * is), the floor first, ratios against the smallest case, then one line per target.
 */
export function formatTable(rows: readonly BenchRow[], floor: ProcessCost, runs: number): string {
  const smallest = rows.reduce((a, b) => (b.resources < a.resources ? b : a));
  const perResource = (row: BenchRow) => (row.app.cpuMs - floor.cpuMs) / row.resources;
  const header = [
    'settings',
    'users',
    'groups',
    'roles',
    'accounts',
    'resources',
    'wall',
    'CPU',
    'peak',
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
    `Median of ${runs} fresh processes of cdktf.json's app per case; ratios compare each case with the smallest (${smallest.benchCase.label}).`,
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
        seconds(r.app.wallMs),
        seconds(r.app.cpuMs),
        mebibytes(r.app),
        ratio(r.resources, smallest.resources),
        ratio(r.app.wallMs, smallest.app.wallMs),
        ratio(r.app.cpuMs, smallest.app.cpuMs),
        ratio(r.app.peakMiB, smallest.app.peakMiB),
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
  const met = r.app.wallMs < target.wallMs && r.app.peakMiB < target.peakMiB;
  return `Target for ${r.benchCase.label} (app under ${target.wallMs / 1000} s and ${target.peakMiB} MB): ${seconds(r.app.wallMs)}, ${mebibytes(r.app)}: ${met ? 'met' : 'MISSED'}.`;
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

function ratio(value: number, base: number): string {
  return `${(value / base).toFixed(1)}`;
}
