import { CONTROL_CHARACTER, formatKeyPath, type SettingsProblem } from './settings-error';

/** cdktf's string, list and map token markers: cdktf replaces `${TfToken[TOKEN.1]}` in any string with a reference. */
const CDKTF_TOKEN_MARKER = /[$#&]\{TfToken\[/;

const CONTROL_NAMES = new Map([
  ['\n', 'a line break'],
  ['\r', 'a carriage return'],
  ['\t', 'a tab'],
]);

/**
 * Checks every key and text value of a settings file as parsed, before the
 * schema: a key `__proto__` (JavaScript drops it from objects, so the account
 * or tag would silently vanish), control characters (a line break in a profile
 * name writes a section of its own into ~/.aws/config), and cdktf's token
 * markers (cdktf would turn the text into a reference to another resource).
 * Each problem names its key path; the schema's own problem at that path is then left out.
 */
export function findUnsafeText(raw: unknown): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  const visit = (value: unknown, path: readonly PropertyKey[]): void => {
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem) problems.push({ path: formatKeyPath(path), message: problem });
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, [...path, i]));
    } else if (typeof value === 'object' && value !== null) {
      for (const key of Object.keys(value)) {
        const keyPath = [...path, key];
        const problem =
          key === '__proto__'
            ? '"__proto__" cannot be a key: JavaScript reserves it, and the entry would silently vanish'
            : textProblem(key);
        if (problem) problems.push({ path: formatKeyPath(keyPath), message: problem });
        visit((value as Record<string, unknown>)[key], keyPath);
      }
    }
  };
  visit(raw, []);
  return problems;
}

function textProblem(text: string): string | undefined {
  const control = CONTROL_CHARACTER.exec(text)?.[0];
  if (control !== undefined) {
    const name = CONTROL_NAMES.get(control);
    return `holds a control character (${codePoint(control)}${name ? `, ${name}` : ''}): settings values are one line of text`;
  }
  if (CDKTF_TOKEN_MARKER.test(text)) {
    return `holds "${/[$#&]\{TfToken\[/.exec(text)?.[0].slice(1)}", which cdktf would replace with a reference to another resource`;
  }
  return undefined;
}

/** `U+000A` */
function codePoint(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}
