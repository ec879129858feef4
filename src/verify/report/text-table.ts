/**
 * How a column's cells may be cut to fit a terminal:
 * - `fixed`: never (names, actions, decisions);
 * - `group`: the first column, its value repeated over runs of rows: it becomes a heading over its run;
 * - `path`: wrapped after a `/` or `:` (ARNs);
 * - `prose`: wrapped at spaces in its column or, where that column would be too narrow, under its row.
 */
export type ColumnKind = 'fixed' | 'group' | 'path' | 'prose';

/** Options of {@link textTable}. */
export interface TextTableOptions {
  /** Columns the text may use. @default unlimited: one line per row */
  readonly width?: number;
  /** Kind of each column, in order. @default every column `fixed` */
  readonly columns?: readonly ColumnKind[];
}

const INDENT = '  ';
const GAP = '  ';
/** Lines under a row start this much further in than the row. */
const UNDER = '    ';
/** Columns are never cut narrower than this; a prose column that would be goes under its rows instead. */
const MIN_WIDTH: Readonly<Record<ColumnKind, number>> = { fixed: 0, group: 0, path: 16, prose: 40 };

type Row = readonly string[];

/**
 * A titled table as aligned plain text for a terminal: two spaces between
 * columns, the last one not padded. A table wider than `width` first wraps its
 * `prose` and `path` cells in their columns, the widest column first. Where
 * that would leave a prose column narrower than 40, the table is laid out
 * again: each prose cell goes under its row (`because …`), a `group` column
 * becomes a heading over each run of its rows, and path cells wrap. Wrapping
 * cuts nothing: every word of every cell stays.
 */
export function textTable(title: string, headers: Row, rows: readonly Row[], options: TextTableOptions = {}): string {
  const width = options.width ?? Infinity;
  const kinds = headers.map((_, column) => options.columns?.[column] ?? 'fixed');
  const heading = wrapWords(title, width);
  const all = [...headers.keys()];
  const inPlace = fitColumns(pickRows(rows, all), columnWidths([headers, ...rows], all), kinds, width - INDENT.length);
  if (lineWidth(inPlace) <= width - INDENT.length || !kinds.includes('prose')) {
    return [...heading, ...[headers, ...rows].flatMap((row) => gridLines(row, inPlace, kinds, INDENT))].join('\n');
  }
  const grouped = kinds[0] === 'group' ? runsOfFirstCell(rows) : [rows];
  const indent = kinds[0] === 'group' ? INDENT + INDENT : INDENT;
  const grid = all.filter((column) => kinds[column] !== 'prose' && !(column === 0 && kinds[0] === 'group'));
  const gridKinds = grid.map((column) => kinds[column]);
  const widths = fitColumns(
    pickRows(rows, grid),
    columnWidths([headers, ...rows], grid),
    gridKinds,
    width - indent.length,
  );
  const prose = all.filter((column) => kinds[column] === 'prose');
  const labelWidth = Math.max(...prose.map((column) => headers[column].length));
  const lines = [...heading];
  for (const run of grouped) {
    if (kinds[0] === 'group') lines.push(`${INDENT}${headers[0].toLowerCase()} ${run[0][0]}`);
    lines.push(...gridLines(pick(headers, grid), widths, gridKinds, indent));
    for (const row of run) {
      lines.push(...gridLines(pick(row, grid), widths, gridKinds, indent));
      for (const column of prose.filter((c) => row[c] !== '')) {
        const label = `${indent}${UNDER}${headers[column].toLowerCase().padEnd(labelWidth)} `;
        const wrapped = wrapWords(row[column], Math.max(width - label.length, MIN_WIDTH.path));
        lines.push(...wrapped.map((part, i) => `${i === 0 ? label : ' '.repeat(label.length)}${part}`));
      }
    }
  }
  return lines.join('\n');
}

/** Greedy wrap at spaces; a word longer than a line is cut. */
export function wrapWords(text: string, width: number): string[] {
  return wrapTokens(text.split(' '), ' ', width);
}

function runsOfFirstCell(rows: readonly Row[]): Row[][] {
  const runs: Row[][] = [];
  for (const row of rows) {
    const last = runs.at(-1);
    if (last && last[0][0] === row[0]) last.push(row);
    else runs.push([row]);
  }
  return runs;
}

function columnWidths(rows: readonly Row[], columns: readonly number[]): number[] {
  return columns.map((column) => Math.max(...rows.map((row) => row[column].length)));
}

/** Width of a row of these columns, without its indent. */
function lineWidth(widths: readonly number[]): number {
  return widths.reduce((sum, width) => sum + width, 0) + GAP.length * (widths.length - 1);
}

function pick(row: Row, columns: readonly number[]): string[] {
  return columns.map((column) => row[column]);
}

function pickRows(rows: readonly Row[], columns: readonly number[]): string[][] {
  return rows.map((row) => pick(row, columns));
}

/**
 * Narrows the widest column that may wrap, one character at a time, until the row fits or each is at its
 * minimum: a path column never gets narrower than its longest part between `/` and `:`, so that a name is
 * not cut.
 */
function fitColumns(
  rows: readonly Row[],
  widths: readonly number[],
  kinds: readonly ColumnKind[],
  width: number,
): number[] {
  const fitted = [...widths];
  const minimum = widths.map((_, column) =>
    kinds[column] === 'path'
      ? Math.max(MIN_WIDTH.path, ...rows.flatMap((row) => pathParts(row[column]).map((part) => part.length)))
      : MIN_WIDTH[kinds[column]],
  );
  const wraps = (column: number) => kinds[column] === 'path' || kinds[column] === 'prose';
  while (lineWidth(fitted) > width) {
    const widest = fitted.reduce(
      (best, current, column) =>
        wraps(column) && current > minimum[column] && (best < 0 || current > fitted[best]) ? column : best,
      -1,
    );
    if (widest < 0) break;
    fitted[widest] -= 1;
  }
  return fitted;
}

/** One row as one or more lines: a cell wider than its column continues on the next lines, the others blank there. */
function gridLines(cells: Row, widths: readonly number[], kinds: readonly ColumnKind[], indent: string): string[] {
  // Most rows fit their columns: one line, without wrapping each cell (a 1,000-user matrix has 50,000 rows).
  if (cells.every((cell, column) => cell.length <= widths[column])) return [gridLine(cells, widths, indent)];
  const parts = cells.map((cell, column) => {
    if (cell.length <= widths[column]) return [cell];
    return kinds[column] === 'path' ? wrapPath(cell, widths[column]) : wrapWords(cell, widths[column]);
  });
  const height = Math.max(...parts.map((part) => part.length));
  return Array.from({ length: height }, (_, line) =>
    gridLine(
      parts.map((part) => part[line] ?? ''),
      widths,
      indent,
    ),
  );
}

/** One line of cells that fit their columns: each padded to its width but the last, two spaces between. */
function gridLine(cells: Row, widths: readonly number[], indent: string): string {
  const last = cells.length - 1;
  return `${indent}${cells.map((cell, column) => (column === last ? cell : cell.padEnd(widths[column]))).join(GAP)}`.trimEnd();
}

/** Greedy wrap after `/` and `:` (`arn:aws:iam::111111111111:` / `role/Name`); a part longer than a line is cut. */
function wrapPath(text: string, width: number): string[] {
  return wrapTokens(pathParts(text), '', width);
}

/** `arn:aws:iam::1:role/x` → `arn:`, `aws:`, `iam::`, `1:`, `role/`, `x`. */
function pathParts(text: string): string[] {
  return text.match(/[^/:]*[/:]+|[^/:]+$/g) ?? [text];
}

function wrapTokens(tokens: readonly string[], separator: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    const joined = line === '' ? token : `${line}${separator}${token}`;
    if (joined.length <= width) {
      line = joined;
      continue;
    }
    if (line !== '') lines.push(line);
    line = token;
    while (line.length > width) {
      lines.push(line.slice(0, width));
      line = line.slice(width);
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}
