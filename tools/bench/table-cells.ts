import type { ProcessCost } from './measure-process';

/** A Markdown table row. */
export function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** `0.42 s` */
export function seconds(milliseconds: number): string {
  return `${(milliseconds / 1000).toFixed(2)} s`;
}

/** `77 MB` (MiB, as getrusage reports) */
export function mebibytes(cost: ProcessCost): string {
  return `${Math.round(cost.peakMiB)} MB`;
}

/** `3.1×` */
export function times(ratio: number): string {
  return `${ratio.toFixed(1)}×`;
}
