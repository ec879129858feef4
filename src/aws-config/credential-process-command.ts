import { UserError } from '../user-error';

/**
 * A `credential_process` value, which each reader runs its own way: botocore splits it into words with Python's
 * `shlex`, the SDKs for JavaScript and Go hand it to `sh -c`. The commands written here use only what all of them read
 * alike: words of the characters below, one space between them, and double quotes around a word that holds a space.
 * Hand-written: the shell-quoting libraries on npm quote for one shell, with backslashes or single quotes that the
 * others read differently.
 */
const BARE_WORD = /^[A-Za-z0-9_\-/.@:+=,]+$/;
const QUOTED_WORD = /^"[A-Za-z0-9_\-/.@:+=, ]+"$/;

/** The `credential_process` value that runs `words`: each as it is, or in double quotes when it holds a space. */
export function credentialProcessCommand(words: readonly string[]): string {
  return words
    .map((word) => {
      if (BARE_WORD.test(word)) return word;
      if (QUOTED_WORD.test(`"${word}"`)) return `"${word}"`;
      throw new UserError(
        `cannot write ${JSON.stringify(word)} into a credential_process command: its words may hold letters, digits, spaces and _ - / . @ : + = , only`,
      );
    })
    .join(' ');
}

/** Why `value` is not a command {@link credentialProcessCommand} writes, or undefined: the config file's last check. */
export function credentialProcessProblem(value: string): string | undefined {
  const words = value.match(/"[^"]*"|[^ "]+/g) ?? [];
  if (words.join(' ') !== value) return 'is not words with one space between them';
  const other = words.find((word) => !BARE_WORD.test(word) && !QUOTED_WORD.test(word));
  return other === undefined
    ? undefined
    : `holds the word ${JSON.stringify(other)}, which a shell could read another way`;
}
