/**
 * A section-level merge of the AWS config file (`~/.aws/config`). Hand-written
 * because the common INI libraries on npm (`ini`, …) parse to objects and write
 * them back without the user's comments, blank lines and key order; this one
 * touches only the sections it writes and leaves every other line as it was.
 */

/** One section to write: the name in its header and its `key = value` entries, in order. */
export interface ConfigSection {
  /** The header's name: `profile prod-s3`, or `default`. */
  readonly name: string;
  readonly entries: readonly (readonly [key: string, value: string])[];
}

/** What the merge did to one section, with its lines before and after. */
export interface SectionChange {
  readonly name: string;
  readonly status: 'added' | 'updated' | 'unchanged';
  /** The section's lines in the file before (empty when added). */
  readonly before: readonly string[];
  readonly after: readonly string[];
}

const HEADER = /^\s*\[\s*([^\]]*?)\s*\]\s*([#;].*)?$/;
const COMMENT_OR_BLANK = /^\s*([#;].*)?$/;

/**
 * Writes each section into the config text: a section that exists is replaced
 * in place, its `managedKeys` set to the new entries and its other keys and
 * comments kept after them; a new one is appended. Everything else is untouched.
 */
export function mergeConfigSections(
  text: string,
  sections: readonly ConfigSection[],
  managedKeys: readonly string[],
): { readonly text: string; readonly changes: SectionChange[] } {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text === '' ? [] : text.split(/\r?\n/);
  const changes = sections.map((section) => {
    const rendered = section.entries.map(([key, value]) => `${key} = ${value}`);
    const start = lines.findIndex((line) => sameName(HEADER.exec(line)?.[1], section.name));
    if (start < 0) {
      while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
      const after = [`[${section.name}]`, ...rendered];
      lines.push(...(lines.length > 0 ? [''] : []), ...after);
      return { name: section.name, status: 'added' as const, before: [], after };
    }
    const end = sectionEnd(lines, start);
    const before = lines.slice(start, end);
    const after = [lines[start], ...rendered, ...unmanagedLines(before.slice(1), managedKeys)];
    const same = before.length === after.length && before.every((line, i) => line === after[i]);
    if (!same) lines.splice(start, end - start, ...after);
    return { name: section.name, status: same ? ('unchanged' as const) : ('updated' as const), before, after };
  });
  if (lines.length > 0 && lines[lines.length - 1] !== '') lines.push('');
  return { text: lines.join(eol), changes };
}

/** The AWS CLI's header name for a profile: `default`, or `profile <name>`. */
export function profileSectionName(profileName: string): string {
  return profileName === 'default' ? 'default' : `profile ${profileName}`;
}

/**
 * Index after a section's last line: its last key and the comments right under
 * it; from the first blank line on, comments belong to what follows.
 */
function sectionEnd(lines: readonly string[], start: number): number {
  let next = lines.findIndex((line, i) => i > start && HEADER.test(line));
  if (next < 0) next = lines.length;
  let end = next;
  while (end > start + 1 && COMMENT_OR_BLANK.test(lines[end - 1])) end--;
  while (end < next && lines[end].trim() !== '') end++;
  return end;
}

/** A section's lines other than managed keys (an indented line belongs to the key above it). */
function unmanagedLines(body: readonly string[], managedKeys: readonly string[]): string[] {
  let managed = false;
  return body.filter((line) => {
    if (/^\s+\S/.test(line) && !COMMENT_OR_BLANK.test(line)) return !managed;
    const key = /^\s*([^=#;\s]+)\s*=/.exec(line)?.[1].toLowerCase();
    managed = key !== undefined && managedKeys.includes(key);
    return !managed;
  });
}

function sameName(found: string | undefined, wanted: string): boolean {
  return found !== undefined && found.replace(/\s+/g, ' ') === wanted.replace(/\s+/g, ' ');
}
