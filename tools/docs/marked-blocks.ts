/**
 * Fenced blocks in the docs that a marker line ties to something CI runs:
 *
 * - `<!-- example: docs/examples/x.ts -->`: code a reader would paste lives in a file that
 *   CI compiles and runs; `npm run docs` copies the file into the block after the marker.
 * - `<!-- output: <command> -->`: the block is what the command printed; a test that runs the
 *   command compares its output with the block ({@link outputBlock}).
 */
const EXAMPLE_BLOCK = /^<!-- example: (\S+) -->\n\n```(\w*)\n[\s\S]*?^```$/gm;
const EXAMPLE_MARKER = /^<!-- example: (\S+) -->$/gm;

/** The markdown with each example block holding its file's text; `read` gets a file by its repository path. */
export function fillExamples(markdown: string, read: (file: string) => string): string {
  const blocks = exampleFiles(markdown);
  const markers = [...markdown.matchAll(EXAMPLE_MARKER)].map((match) => match[1]);
  const loose = markers.find((file, i) => blocks[i] !== file);
  if (loose) throw new Error(`the marker for ${loose} must be followed by an empty line and a fenced code block`);
  return markdown.replace(EXAMPLE_BLOCK, (_, file: string, language: string) => {
    const text = read(file).replace(/\n$/, '');
    return `<!-- example: ${file} -->\n\n\`\`\`${language}\n${text}\n\`\`\``;
  });
}

/** The files a markdown text shows as examples, in order. */
export function exampleFiles(markdown: string): string[] {
  return [...markdown.matchAll(EXAMPLE_BLOCK)].map((match) => match[1]);
}

/** The text of the fenced block after `<!-- output: <command> -->`, with a final newline as a command prints it. */
export function outputBlock(markdown: string, command: string): string {
  const marker = `<!-- output: ${command} -->\n\n`;
  const start = markdown.indexOf(marker);
  if (start < 0) throw new Error(`no block marked <!-- output: ${command} -->`);
  const block = /^```\w*\n([\s\S]*?)^```$/m.exec(markdown.slice(start + marker.length));
  if (!block || block.index !== 0) throw new Error(`<!-- output: ${command} --> must be followed by a fenced block`);
  return block[1];
}
