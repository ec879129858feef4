import type { VerifyReport } from '../verify-stack';
import type { VerifyFormat } from './format-names';
import { formatJson } from './json';
import { formatMarkdown } from './markdown';
import { formatMermaid } from './mermaid';
import { formatTable } from './table';

export { formatJson, formatMarkdown, formatMermaid, formatTable };
export * from './format-names';

/** Output formats of `cross-account verify`, by name. */
export const VERIFY_FORMATS: Readonly<Record<VerifyFormat, (report: VerifyReport) => string>> = {
  table: formatTable,
  json: formatJson,
  markdown: formatMarkdown,
  mermaid: formatMermaid,
};
