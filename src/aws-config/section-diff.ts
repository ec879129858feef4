import type { SectionChange } from './config-file-sections';

/**
 * The merge's changes as a unified-style diff, one hunk per added or updated
 * section. Hand-written: no diff library is a dependency, and sections are a few
 * lines, so a plain longest-common-subsequence is enough.
 */
export function formatSectionDiff(file: string, changes: readonly SectionChange[]): string {
  const hunks = changes
    .filter((change) => change.status !== 'unchanged')
    .map((change) => [`@@ [${change.name}] ${change.status} @@`, ...diffLines(change.before, change.after)].join('\n'));
  if (hunks.length === 0) return `${file}: no changes\n`;
  return `--- ${file}\n+++ ${file} (after)\n${hunks.join('\n')}\n`;
}

function diffLines(before: readonly string[], after: readonly string[]): string[] {
  // common[i][j]: length of the longest common subsequence of before[i..] and after[j..]
  const common = Array.from({ length: before.length + 1 }, () => new Array<number>(after.length + 1).fill(0));
  for (let i = before.length - 1; i >= 0; i--) {
    for (let j = after.length - 1; j >= 0; j--) {
      common[i][j] = before[i] === after[j] ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
    }
  }
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    if (i < before.length && j < after.length && before[i] === after[j]) {
      out.push(` ${before[i++]}`);
      j++;
    } else if (i < before.length && (j === after.length || common[i + 1][j] >= common[i][j + 1])) {
      out.push(`-${before[i++]}`);
    } else {
      out.push(`+${after[j++]}`);
    }
  }
  return out;
}
