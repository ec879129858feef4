import type { Command } from 'commander';
import { CredentialCache, type CacheEntry } from '../credential-cache/credential-cache';
import { textTable } from '../verify/report/text-table';
import { readsNoSettings, withExamples } from './shared-options';

/** `cross-account cache list|clear`: what the credential cache holds (never the keys), and emptying it. */
export function registerCacheCommand(program: Command): void {
  const cache = readsNoSettings(
    withExamples(
      program
        .command('cache')
        .description('list or clear the credential cache (~/.cache/cross-account: role credentials and MFA sessions)'),
      'cross-account cache list',
      'cross-account cache clear --role S3ProductionAccessRole',
    ),
  );
  cache
    .command('list')
    .description('list the cached role credentials and MFA sessions that are still valid (no keys are printed)')
    .action(() => {
      process.stdout.write(listCache(new CredentialCache()));
    });
  cache
    .command('clear')
    .description('remove cached credentials: all, or with --role those of one role (MFA sessions stay)')
    .option('--role <name|arn>', 'only the credentials of this role (its name or ARN)')
    .action((options: { role?: string }) => {
      process.stdout.write(clearCache(new CredentialCache(), options.role));
    });
}

/** The valid entries, one line each: kind, role or MFA device, source identity, expiry. */
export function listCache(cache: CredentialCache, now = Date.now()): string {
  const entries = cache.list();
  if (entries.length === 0) return `${cache.folder}: no cached credentials\n`;
  const rows = entries.map(({ entry }) => [
    entry.kind,
    entry.kind === 'role' ? entry.roleArn : entry.mfaSerial,
    entry.source,
    expiry(entry, now),
  ]);
  return `${textTable(cache.folder, ['KIND', 'ROLE OR MFA DEVICE', 'SOURCE', 'EXPIRES'], rows)}\n`;
}

/** Removes every entry, or with `role` the role entries of that role; says how many. */
export function clearCache(cache: CredentialCache, role?: string): string {
  const removed = cache.clear((entry) =>
    role === undefined ? true : entry?.kind === 'role' && isRole(entry.roleArn, role),
  );
  const entries = `${removed} ${removed === 1 ? 'entry' : 'entries'}`;
  return `removed ${entries}${role === undefined ? '' : ` of ${role}`} from ${cache.folder}\n`;
}

function isRole(roleArn: string, nameOrArn: string): boolean {
  return roleArn === nameOrArn || roleArn.split('/').at(-1) === nameOrArn;
}

function expiry(entry: CacheEntry, now: number): string {
  const expiration = entry.credentials.expiration;
  const minutes = Math.round((Date.parse(expiration) - now) / 60_000);
  return `${expiration.replace(/\.\d{3}Z$/, 'Z')} (in ${minutes} min)`;
}
