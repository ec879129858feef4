import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** Repository paths the docs name in code spans, such as `src/verify/evaluate-request.ts`. */
const REPOSITORY_PATH = /^(?:bin|config|docs|src|tools|__tests__)\/[\w./-]*\.(?:js|json|md|ts|ya?ml)$/;
/**
 * Text that points outside a clone: the folder of the public tutorials this project automates, as it lies on the
 * developers' machine, the tutorials by their numbers there, and machine paths.
 */
const OUTSIDE = [/\.\.\/shared\b/, /\bshared\/reference\b/, /\btutorials? \d{3}\b/i, /\/work\//];
/** Code a reader would paste must come from docs/examples/, where CI compiles and runs it. */
const CODE_FENCE = /^\s*```(ts|typescript|js|javascript)\s*$/;

/**
 * What in the given markdown files points nowhere or outside the repository: a
 * relative link or anchor that does not resolve, a repository path in a code span
 * that does not exist, a path outside the clone, or a TypeScript block not filled
 * from docs/examples/. One line per problem, naming the file and line.
 */
export function linkProblems(root: string, files: readonly string[]): string[] {
  return files.flatMap((file) => problemsOf(root, file));
}

function problemsOf(root: string, file: string): string[] {
  const problems: string[] = [];
  const lines = readFileSync(join(root, file), 'utf8').split('\n');
  let fence: string | undefined;
  lines.forEach((line, index) => {
    const at = `${file}:${index + 1}`;
    for (const pattern of OUTSIDE) {
      if (pattern.test(line)) problems.push(`${at}: points outside the repository (${pattern.source})`);
    }
    const opening = /^\s*```(\w*)/.exec(line);
    if (opening && fence === undefined) {
      fence = opening[1];
      if (CODE_FENCE.test(line) && !/^<!-- example: \S+ -->$/.test(lines[index - 2] ?? '')) {
        problems.push(`${at}: a ${fence} block must show a file of docs/examples/ (<!-- example: … --> before it)`);
      }
      return;
    }
    if (fence !== undefined) {
      if (/^\s*```\s*$/.test(line)) fence = undefined;
      return;
    }
    const prose = line.replace(/`[^`]*`/g, '');
    for (const [, target] of prose.matchAll(/\]\(([^)\s]+)\)/g)) {
      const problem = linkProblem(root, file, target);
      if (problem) problems.push(`${at}: ${problem}`);
    }
    for (const [, span] of line.matchAll(/`([^`]+)`/g)) {
      if (REPOSITORY_PATH.test(span) && !existsSync(join(root, span))) {
        problems.push(`${at}: ${span} does not exist`);
      }
    }
  });
  return problems;
}

function linkProblem(root: string, file: string, target: string): string | undefined {
  if (/^[a-z]+:/i.test(target)) return undefined; // https: and mailto: leave the repository on purpose
  const [path, anchor] = target.split('#', 2);
  const linked = path ? resolve(root, dirname(file), path) : join(root, file);
  const inside = relative(root, linked);
  if (inside.startsWith('..')) return `link ${target} leaves the repository`;
  if (!existsSync(linked)) return `link ${target}: ${inside} does not exist`;
  if (anchor && linked.endsWith('.md') && !headingSlugs(readFileSync(linked, 'utf8')).has(anchor)) {
    return `link ${target}: ${inside} has no heading #${anchor}`;
  }
  return undefined;
}

/** The anchors GitHub gives a markdown file's headings: lower case, punctuation dropped, spaces to hyphens. */
export function headingSlugs(markdown: string): Set<string> {
  const slugs = new Set<string>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*```/.test(line)) fenced = !fenced;
    const heading = !fenced && /^#{1,6} (.+)$/.exec(line);
    if (!heading) continue;
    const base = heading[1]
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    let slug = base;
    for (let n = 1; slugs.has(slug); n++) slug = `${base}-${n}`;
    slugs.add(slug);
  }
  return slugs;
}
