import { UserError } from '../user-error';
import { MFA_SERIAL_NUMBER } from '../policies/trust-requirements';
import { credentialProcessProblem } from './credential-process-command';

/**
 * The AWS config file as the AWS CLI reads it (botocore: Python's RawConfigParser,
 * then `build_profile_map`), and the one check every section passes before it is
 * written. Hand-written: no npm INI library reads headers, continuation lines and
 * `key: value` the way botocore does, which is what decides what a line means.
 */

/** A section to write: the name in its header (`profile prod-s3`, or `default`) and its `key = value` entries, in order. */
export interface ConfigSection {
  readonly name: string;
  readonly entries: readonly (readonly [key: string, value: string])[];
}

/** What a line of the file is to botocore. */
export type ConfigLine =
  | { readonly kind: 'header'; readonly name: string }
  | { readonly kind: 'key'; readonly key: string }
  /** A line indented deeper than the key above it: part of that key's value. */
  | { readonly kind: 'continuation' }
  | { readonly kind: 'comment' }
  | { readonly kind: 'blank' }
  /** Neither a header nor `key = value` (botocore refuses the file). */
  | { readonly kind: 'other' };

/**
 * Classifies each line as RawConfigParser does: comments are whole lines
 * starting with `#` or `;` (an inline `#` is part of the value), a line indented
 * deeper than the key above it continues that key's value (even after blank
 * lines), a header is `[…]` up to the line's last `]`, a key ends at the first
 * `=` or `:` and is compared in lower case.
 */
export function classifyConfigLines(lines: readonly string[]): ConfigLine[] {
  let keyIndent: number | undefined;
  return lines.map((line): ConfigLine => {
    const trimmed = line.trim();
    if (trimmed === '') return { kind: 'blank' };
    if (trimmed.startsWith('#') || trimmed.startsWith(';')) return { kind: 'comment' };
    const indent = line.search(/\S/);
    if (keyIndent !== undefined && indent > keyIndent) return { kind: 'continuation' };
    const header = /^\[(.+)\]/.exec(trimmed);
    if (header) {
      keyIndent = undefined;
      return { kind: 'header', name: header[1] };
    }
    const option = /^(.*?)\s*[=:]/.exec(trimmed);
    if (!option) return { kind: 'other' };
    keyIndent = indent;
    return { kind: 'key', key: option[1].toLowerCase() };
  });
}

/**
 * The profile a section is to botocore (`build_profile_map`): `default`, or the
 * second of exactly two shell words of a name starting with `profile`. So
 * `[profile  "prod-s3"]` is profile prod-s3, while `[ profile prod-s3 ]` (its
 * name starts with a space) and `[profile a b]` are no profile at all.
 */
export function profileOfSection(name: string): string | undefined {
  if (name === 'default') return 'default';
  if (!name.startsWith('profile')) return undefined;
  const words = shellWords(name);
  return words?.length === 2 ? words[1] : undefined;
}

/** A profile's header name: `default`, or `profile <name>`. */
export function profileSectionName(profileName: string): string {
  return profileName === 'default' ? 'default' : `profile ${profileName}`;
}

/** Profile names every AWS SDK reads in a header (the SDK for JavaScript's set; botocore reads any shell word); the settings schema checks profile names against it too. */
export const PROFILE_NAME = /^[A-Za-z0-9_\-/.%@:+]+$/;
/** Refuses a profile name typed on the command line (`--profile`, `--source-profile`) that is not {@link PROFILE_NAME}. */
export function assertProfileName(option: string, name: string): void {
  if (!PROFILE_NAME.test(name)) {
    throw new UserError(
      `${option} ${JSON.stringify(name)}: must be an AWS profile name: letters, digits and _ - . / % @ : + only`,
    );
  }
}

/** Refuses an MFA device typed on the command line (`--serial-number`, `--mfa-serial`) that STS would refuse. */
export function assertMfaSerial(option: string, serial: string): void {
  if (!MFA_SERIAL_NUMBER.test(serial)) {
    throw new UserError(
      `${option} must be an MFA device ARN (arn:aws:iam::<account>:mfa/<name>) or a hardware token's serial, got ${JSON.stringify(serial)}`,
    );
  }
}

/** Keys of the AWS config file: `role_arn`, `s3`, `sso_start_url`. */
const CONFIG_KEY = /^[a-z][a-z0-9_]*$/;
/** Printable characters a value may not hold: comment markers (the SDK for JavaScript strips from ` #`) and brackets. */
const NOT_IN_VALUE = /[#;[\]]/;
/** …nor a profile name: nor `=` or quotes (botocore reads quotes as shell quoting). */
const NOT_IN_PROFILE_NAME = /[#;[\]="'\\]/;

/**
 * Refuses a section that could write anything but its own header and one line
 * per key: a profile name outside {@link PROFILE_NAME}, a key outside
 * {@link CONFIG_KEY}, a value that is empty or holds anything but printable
 * ASCII (a line break, any other control character, a space, U+2028…), `#`,
 * `;`, `[` or `]`. Behind the settings schema
 * (which refuses such names first) this is the last line of defence, and the
 * only one for text typed on the command line (`--user`, `--mfa-serial`).
 */
export function assertWritableSection(section: ConfigSection): void {
  const problem = sectionProblem(section);
  if (problem)
    throw new UserError(`refusing to write [${quoted(section.name, false)}] to the AWS config file: ${problem}`);
}

function sectionProblem(section: ConfigSection): string | undefined {
  const profile = section.name === 'default' ? 'default' : /^profile (.*)$/s.exec(section.name)?.[1];
  if (profile === undefined) return `the header ${quoted(section.name)} is not [default] or [profile <name>]`;
  const nameProblem =
    profile === '__proto__'
      ? 'is reserved (the AWS SDK for JavaScript refuses it)'
      : textProblem(profile, NOT_IN_PROFILE_NAME);
  if (nameProblem || !PROFILE_NAME.test(profile)) {
    return `the profile name ${quoted(profile)} ${nameProblem ?? 'is not allowed'}: profile names are letters, digits and _ - . / % @ : + (what the AWS SDKs read)`;
  }
  for (const [key, value] of section.entries) {
    if (!CONFIG_KEY.test(key)) {
      return `the key ${quoted(key)} is not a config key: keys are lowercase letters, digits and _`;
    }
    if (key === 'credential_process') {
      // A command: words with spaces between them, which no other value may hold.
      const commandProblem = credentialProcessProblem(value);
      if (commandProblem) return `the credential_process ${quoted(value)} ${commandProblem}`;
      continue;
    }
    const valueProblem = textProblem(value, NOT_IN_VALUE);
    if (valueProblem) {
      return `the value of ${key} ${quoted(value)} ${valueProblem}: config values are one line of printable characters without spaces, #, ;, [ or ]`;
    }
  }
  return undefined;
}

const NAMED_CHARACTERS = new Map([
  ['\n', 'a line break'],
  ['\r', 'a carriage return'],
  ['\t', 'a tab'],
  [' ', 'a space'],
]);

/** The first character of `text` that is not printable ASCII or is one of `markers`, named. */
function textProblem(text: string, markers: RegExp): string | undefined {
  if (text === '') return 'is empty';
  for (const c of text) {
    if (/[\x21-\x7e]/.test(c) && !markers.test(c)) continue;
    if (markers.test(c)) return `holds ${JSON.stringify(c)}`;
    const name = NAMED_CHARACTERS.get(c);
    return name ? `holds ${name}${c === ' ' ? '' : ` (${codePoint(c)})`}` : `holds ${codePoint(c)}`;
  }
  return undefined;
}

/** `U+000A` */
function codePoint(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Text in quotes for a one-line message: anything outside printable ASCII as `\n` or `\uXXXX`, long text cut. */
function quoted(text: string, quotes = true): string {
  const cut = text.length > 120 ? `${text.slice(0, 120)}…` : text;
  const json = JSON.stringify(cut).replace(/[^\x20-\x7e]/gu, (c) =>
    c === '…' ? c : `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`,
  );
  return quotes ? json : json.slice(1, -1);
}

/** Python's `shlex.split` (POSIX mode), which botocore applies to a header; undefined where it raises. */
function shellWords(text: string): string[] | undefined {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (' \t\r\n'.includes(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
      continue;
    }
    word ??= '';
    if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) return undefined;
      word += text.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      for (i++; ; i++) {
        if (i >= text.length) return undefined;
        if (text[i] === '"') break;
        if (text[i] === '\\' && '"\\$`\n'.includes(text[i + 1] ?? '')) i++;
        word += text[i];
      }
    } else if (c === '\\') {
      if (i + 1 >= text.length) return undefined;
      word += text[++i];
    } else {
      word += c;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}
