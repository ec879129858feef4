import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The provider the stack pins (`@cdktf/provider-aws` 20.1.0 generates for it). */
export const AWS_PROVIDER = { source: 'registry.terraform.io/hashicorp/aws', version: '5.100.0' } as const;

/** Environment variable naming the filesystem mirror that holds {@link AWS_PROVIDER}. */
export const MIRROR_VARIABLE = 'TF_PROVIDER_MIRROR';

/** Where the mirror was found, or why it was not. */
export type MirrorLookup = { readonly path: string } | { readonly missing: string };

/**
 * Finds a Terraform filesystem mirror holding the pinned aws provider: the
 * directory named by `TF_PROVIDER_MIRROR`, else the first of Terraform's implied
 * local mirror directories (and the folders under /opt, where images install
 * tools) that holds it. No machine path is written anywhere: it is looked up.
 */
export function findProviderMirror(env: NodeJS.ProcessEnv = process.env): MirrorLookup {
  const named = env[MIRROR_VARIABLE];
  if (named) {
    return holdsProvider(named)
      ? { path: named }
      : { missing: `${MIRROR_VARIABLE}=${named} holds no ${AWS_PROVIDER.source}/${AWS_PROVIDER.version}` };
  }
  const found = candidateMirrors(env).find(holdsProvider);
  return found
    ? { path: found }
    : {
        missing: `no filesystem mirror holding ${AWS_PROVIDER.source}/${AWS_PROVIDER.version} found; set ${MIRROR_VARIABLE}`,
      };
}

function holdsProvider(directory: string): boolean {
  return existsSync(join(directory, AWS_PROVIDER.source, AWS_PROVIDER.version));
}

/** Terraform's implied local mirror directories (its CLI configuration docs), then /opt/*. */
function candidateMirrors(env: NodeJS.ProcessEnv): string[] {
  const home = env.HOME || homedir();
  const dataHome = env.XDG_DATA_HOME || join(home, '.local/share');
  const implied = [
    join(home, '.terraform.d/plugins'),
    join(dataHome, 'terraform/plugins'),
    '/usr/local/share/terraform/plugins',
    '/usr/share/terraform/plugins',
  ];
  return [...implied, ...subdirectories('/opt')];
}

function subdirectories(directory: string): string[] {
  try {
    return readdirSync(directory, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => join(directory, entry.name))
      .sort();
  } catch {
    return [];
  }
}
