/**
 * Code a reader would paste lives in files that CI compiles and runs
 * (docs/examples/); a document shows such a file by a marker line
 * `<!-- example: docs/examples/x.ts -->` right before a fenced block, and
 * `npm run docs` copies the file into that block.
 */
const MARKED_BLOCK = /^<!-- example: (\S+) -->\n\n```(\w*)\n[\s\S]*?^```$/gm;
const MARKER = /^<!-- example: (\S+) -->$/gm;

/** The markdown with each marked block holding its file's text; `read` gets a file by its repository path. */
export function fillExamples(markdown: string, read: (file: string) => string): string {
  const blocks = exampleFiles(markdown);
  const markers = [...markdown.matchAll(MARKER)].map((match) => match[1]);
  const loose = markers.find((file, i) => blocks[i] !== file);
  if (loose) throw new Error(`the marker for ${loose} must be followed by an empty line and a fenced code block`);
  return markdown.replace(MARKED_BLOCK, (_, file: string, language: string) => {
    const text = read(file).replace(/\n$/, '');
    return `<!-- example: ${file} -->\n\n\`\`\`${language}\n${text}\n\`\`\``;
  });
}

/** The files a markdown text shows by marker, in order. */
export function exampleFiles(markdown: string): string[] {
  return [...markdown.matchAll(MARKED_BLOCK)].map((match) => match[1]);
}
