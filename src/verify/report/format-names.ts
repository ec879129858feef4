/** Names of verify's output formats: a module of its own so the CLI can offer them without loading the evaluator. */
export const VERIFY_FORMAT_NAMES = ['table', 'json', 'markdown', 'mermaid'] as const;

/** One of {@link VERIFY_FORMAT_NAMES}. */
export type VerifyFormat = (typeof VERIFY_FORMAT_NAMES)[number];
