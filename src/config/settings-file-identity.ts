import { relative, resolve, sep } from 'node:path';

/**
 * Which settings file a stack comes from, as the state remembers it: the
 * file's path relative to the project root, with `/` separators
 * (`config/default.yaml`). The same file gives the same identity on every
 * machine that checks the project out, and it reads as what the user typed.
 */
export function settingsFileIdentity(file: string, projectRoot: string): string {
  return relative(resolve(projectRoot), resolve(projectRoot, file)).split(sep).join('/');
}

/**
 * The name of the state a settings file owns: `cross-account-` and its
 * identity without the extension, every other character than letters, digits
 * and `_` turned into `-` (`config/examples/hardened.yaml` →
 * `cross-account-config-examples-hardened`), so it is a valid Terraform Cloud
 * workspace name and a plain file name. Two paths may share a name
 * (`config/a-b.yaml`, `config-a/b.yaml`); the state's record of its settings
 * file then refuses the second (see SettingsFileOwner), it never merges them.
 */
export function stateNameOf(identity: string): string {
  const slug = identity
    .replace(/\.ya?ml$/i, '')
    .replace(/[^A-Za-z0-9_]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug ? `cross-account-${slug}` : 'cross-account';
}
