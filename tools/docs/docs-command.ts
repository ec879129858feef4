import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { linkProblems } from './doc-links';
import { documentFiles, generatedDocs, staleDocs } from './generated-docs';

/**
 * `npm run docs` rewrites the settings reference and the examples the docs show;
 * `npm run docs:check` (CI) writes nothing and exits 1 when a checked-in file differs,
 * or when a document links to something that is not in the repository.
 */
async function main(argv: readonly string[]): Promise<number> {
  const root = join(__dirname, '..', '..');
  if (argv.includes('--check')) {
    const problems = [...(await staleDocs(root)), ...linkProblems(root, documentFiles(root))];
    for (const line of problems) console.error(line);
    return problems.length > 0 ? 1 : 0;
  }
  for (const { file, expected } of await generatedDocs(root)) {
    const path = join(root, file);
    if (readFileSync(path, { encoding: 'utf8', flag: 'a+' }) === expected) continue;
    writeFileSync(path, expected);
    console.log(`wrote ${file}`);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`docs: ${(error as Error).message}`);
    process.exitCode = 1;
  },
);
