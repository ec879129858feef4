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
import { formatTable } from './table';

export { formatJson, formatMarkdown, formatMermaid, formatTable, formatDiffJson, formatDiffMarkdown, formatDiffTable };
export * from './format-names';
export * from './diff-format-names';

/** Output formats of `cross-account verify`, by name. */
export const VERIFY_FORMATS: Readonly<Record<VerifyFormat, (report: VerifyReport) => string>> = {
  table: formatTable,
  json: formatJson,
  markdown: formatMarkdown,
  mermaid: formatMermaid,
};

/** Output formats of `cross-account diff`, by name. */
export const DIFF_FORMATS: Readonly<Record<DiffFormat, (report: DiffReport) => string>> = {
  table: formatDiffTable,
  markdown: formatDiffMarkdown,
  json: formatDiffJson,
};
