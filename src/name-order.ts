/**
 * The one order of names in everything the tools print or hash: by UTF-16 code unit, as
 * JavaScript's default sort, Terraform's addresses and JSON tools order them, the same on
 * every machine. `localeCompare` follows the machine's locale instead (under
 * `LANG=et_EE.UTF-8`, "zeta" sorts before "tango"), so a verify report or an access diff
 * would read differently in CI than on a laptop; its first call also loads ICU's collation,
 * about 10 ms that every `credential_process` run paid.
 */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
