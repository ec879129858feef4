/**
 * A section-level merge of the AWS config file (`~/.aws/config`). Hand-written
 * because the common INI libraries on npm (`ini`, …) parse to objects and write
 * them back without the user's comments, blank lines, line endings and key
 * order; this one changes only the keys it manages and leaves every other line,
 * byte for byte, where it was.
 */
import { classifyConfigLines, profileOfSection, type ConfigLine, type ConfigSection } from './config-file-grammar';

export { profileSectionName, type ConfigSection } from './config-file-grammar';

/** What the merge did to one section, with its lines before and after. */
export interface SectionChange {
  readonly name: string;
  /** `duplicate`: the profile is in the file more than once, so it was left alone. */
  readonly status: 'added' | 'updated' | 'unchanged' | 'duplicate';
  /** The section's lines in the file before (empty when added). */
  readonly before: readonly string[];
  readonly after: readonly string[];
}

/** The merged text, what happened to each section, and what the user should know (one line each). */
export interface MergeResult {
  readonly text: string;
  readonly changes: SectionChange[];
  /** Lines kept that the AWS CLI may read otherwise than the user meant. */
  readonly warnings: string[];
  /** Sections that could not be written (in the file twice). */
  readonly problems: string[];
}

/** A line and the line break that ends it (`\r\n`, `\n`, or none at the end of the file). */
interface Line {
  text: string;
  eol: string;
}

/**
 * Writes each section into the config text. In a section that is there, each
 * managed key is rewritten where it stands (its inline comment kept), a missing
 * one goes under the key before it, a managed key no longer wanted goes, and
 * every other line stays; a new section is appended. A profile found twice is
 * left alone with a warning. Sections are found as botocore finds them.
 */
export function mergeConfigSections(
  text: string,
  sections: readonly ConfigSection[],
  managedKeys: readonly string[],
): MergeResult {
  const lines = splitLines(text);
  const eol = dominantLineBreak(lines);
  if (lines.length > 0 && lines[lines.length - 1].eol === '') lines[lines.length - 1].eol = eol;
  const warnings: string[] = [];
  const problems: string[] = [];
  const changes = sections.map((section): SectionChange => {
    const kinds = classifyConfigLines(lines.map((line) => line.text));
    const starts = kinds.flatMap((kind, i) =>
      kind.kind === 'header' && sameSection(kind.name, section.name) ? [i] : [],
    );
    if (starts.length > 1) {
      const at = starts.map((i) => i + 1);
      problems.push(
        `[${section.name}] is in the file ${starts.length} times (lines ${at.slice(0, -1).join(', ')} and ${at.at(-1)}), so it was left as it is: keep one of them and run profiles again`,
      );
      return { name: section.name, status: 'duplicate', before: [], after: [] };
    }
    if (starts.length === 0) return appendSection(lines, section, eol);
    return updateSection(lines, kinds, starts[0], section, managedKeys, warnings);
  });
  if (changes.every((change) => change.status === 'unchanged' || change.status === 'duplicate')) {
    return { text, changes, warnings, problems };
  }
  return { text: lines.map((line) => line.text + line.eol).join(''), changes, warnings, problems };
}

/** True when botocore reads both headers as one section: the same profile, or the same name that is no profile. */
function sameSection(found: string, wanted: string): boolean {
  const profile = profileOfSection(wanted);
  return profile === undefined ? found === wanted : profileOfSection(found) === profile;
}

function appendSection(lines: Line[], section: ConfigSection, eol: string): SectionChange {
  const after = [`[${section.name}]`, ...section.entries.map(([key, value]) => `${key} = ${value}`)];
  // After the last line with text, so blank lines at the end of the file stay at its end.
  let at = lines.length;
  while (at > 0 && lines[at - 1].text.trim() === '') at--;
  const added = [...(at > 0 ? [''] : []), ...after].map((text) => ({ text, eol }));
  lines.splice(at, 0, ...added);
  return { name: section.name, status: 'added', before: [], after };
}

function updateSection(
  lines: Line[],
  kinds: readonly ConfigLine[],
  start: number,
  section: ConfigSection,
  managedKeys: readonly string[],
  warnings: string[],
): SectionChange {
  let end = kinds.findIndex((kind, i) => i > start && kind.kind === 'header');
  if (end < 0) end = lines.length;
  const wanted = new Map(section.entries);
  const header: Line = { ...lines[start], text: lines[start].text.replace(/\[.+\]/, `[${section.name}]`) };
  const body: Line[] = [];
  /** Where each wanted key stands in `body`. */
  const placed = new Map<string, number>();
  const comments: { key: string; comment: string; at: number }[] = [];
  for (let i = start + 1; i < end; i++) {
    const kind = kinds[i];
    if (kind.kind !== 'key' || !managedKeys.includes(kind.key)) {
      body.push(lines[i]);
      continue;
    }
    while (i + 1 < end && kinds[i + 1].kind === 'continuation') i++;
    const comment = inlineComment(lines[i].text);
    const value = wanted.get(kind.key);
    if (value !== undefined && !placed.has(kind.key)) {
      placed.set(kind.key, body.length);
      if (comment) comments.push({ key: kind.key, comment: comment.trim(), at: body.length });
      body.push({ text: `${kind.key} = ${value}${comment}`, eol: lines[i].eol });
    } else if (comment) {
      // The key goes, its comment stays as a line of its own.
      body.push({ text: comment.trim(), eol: lines[i].eol });
    }
  }
  let previous = -1;
  for (const [key, value] of section.entries) {
    const at = placed.get(key);
    if (at !== undefined) {
      previous = at;
      continue;
    }
    const eol = (previous >= 0 ? body[previous] : header).eol;
    body.splice(previous + 1, 0, { text: `${key} = ${value}`, eol });
    for (const [other, index] of placed) if (index > previous) placed.set(other, index + 1);
    for (const note of comments) if (note.at > previous) note.at++;
    placed.set(key, ++previous);
  }
  const before = sectionLines(lines.slice(start, end), kinds.slice(start, end));
  lines.splice(start, end - start, header, ...body);
  const after = sectionLines([header, ...body], classifyConfigLines([header, ...body].map((line) => line.text)));
  for (const note of comments) {
    warnings.push(
      `line ${start + note.at + 2}: [${section.name}] ${note.key} keeps its comment ${JSON.stringify(note.comment)}, but the AWS CLI reads it as part of the value: put the comment on a line of its own`,
    );
  }
  const same = before.length === after.length && before.every((line, i) => line === after[i]);
  return { name: section.name, status: same ? 'unchanged' : 'updated', before, after };
}

/**
 * A section's lines as shown in a diff: up to its last key and the comments right
 * under it; from the first blank line on, comments belong to what follows.
 */
function sectionLines(block: readonly Line[], kinds: readonly ConfigLine[]): string[] {
  let end = block.length;
  while (end > 1 && (kinds[end - 1].kind === 'blank' || kinds[end - 1].kind === 'comment')) end--;
  while (end < block.length && kinds[end].kind !== 'blank') end++;
  return block.slice(0, end).map((line) => line.text);
}

/**
 * The comment after a value, with the spaces before it (`  # set by hand`), as the
 * AWS SDK for JavaScript strips it: from a `#` or `;` that follows a space.
 */
function inlineComment(line: string): string {
  const value = line.slice(line.search(/[=:]/) + 1);
  return /\s+[#;].*$/.exec(value)?.[0] ?? '';
}

function splitLines(text: string): Line[] {
  const parts = text.split(/(\r?\n)/);
  const lines: Line[] = [];
  for (let i = 0; i < parts.length; i += 2) lines.push({ text: parts[i], eol: parts[i + 1] ?? '' });
  if (lines.at(-1)?.text === '' && lines.at(-1)?.eol === '') lines.pop();
  return lines;
}

/** The file's most common line break, for new lines: `\n` when there is none yet. */
function dominantLineBreak(lines: readonly Line[]): string {
  const crlf = lines.filter((line) => line.eol === '\r\n').length;
  return crlf > lines.filter((line) => line.eol === '\n').length ? '\r\n' : '\n';
}
