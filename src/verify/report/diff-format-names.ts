/** Names of diff's output formats: a module of its own so the CLI can offer them without loading the evaluator. */
export const DIFF_FORMAT_NAMES = ['table', 'markdown', 'json'] as const;

/** One of {@link DIFF_FORMAT_NAMES}. */
export type DiffFormat = (typeof DIFF_FORMAT_NAMES)[number];
