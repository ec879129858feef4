import type { DiffReport } from '../access-diff';
import type { VerifyReport } from '../verify-stack';
import type { DiffFormat } from './diff-format-names';
import { formatDiffJson } from './diff-json';
import { formatDiffMarkdown } from './diff-markdown';
import { formatDiffTable } from './diff-table';
import type { VerifyFormat } from './format-names';
import { formatJson } from './json';
import { formatMarkdown } from './markdown';
import { formatMermaid } from './mermaid';
import { formatTable, type TextFormatOptions } from './table';

export { formatJson, formatMarkdown, formatMermaid, formatTable, formatDiffJson, formatDiffMarkdown, formatDiffTable };
export * from './format-names';
export * from './diff-format-names';

export type { TextFormatOptions };

/** A report format: the plain-text ones fit the width they are given, the others ignore it. */
type Format<Report> = (report: Report, options?: TextFormatOptions) => string;

/** Output formats of `cross-account verify`, by name. */
export const VERIFY_FORMATS: Readonly<Record<VerifyFormat, Format<VerifyReport>>> = {
  table: formatTable,
  json: formatJson,
  markdown: formatMarkdown,
  mermaid: formatMermaid,
};

/** Output formats of `cross-account diff`, by name. */
export const DIFF_FORMATS: Readonly<Record<DiffFormat, Format<DiffReport>>> = {
  table: formatDiffTable,
  markdown: formatDiffMarkdown,
  json: formatDiffJson,
};
