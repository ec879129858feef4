import { readFileSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import { DEFAULT_SETTINGS_FILE } from '../config/default-settings-file';
import { replaceFileAtomically } from '../files/atomic-replace';
import { UserError } from '../user-error';
import { outputWidth } from './output-width';
import { withExamples, type SettingsFileOptions } from './shared-options';

/** Options of `cross-account revoke`. */
export interface RevokeOptions extends SettingsFileOptions {
  /** Roles whose sessions to revoke, by name. @default none: `all` must be set */
  readonly role?: readonly string[];
  /** Every role of the settings. @default false */
  readonly all?: boolean;
}

/** `cross-account revoke`: deny every session of a role issued before now, in one command. */
export function registerRevokeCommand(program: Command): void {
  withExamples(
    program
      .command('revoke')
      .description(
        'revoke the sessions of a role issued before now: writes revokeSessionsBefore into the settings file, prints the access it removes and the deploy to run',
      )
      .option('--role <name...>', 'the roles whose sessions to revoke')
      .option('--all', 'every role of the settings'),
    'cross-account revoke --role S3ProductionAccessRole',
  ).action(async (options: RevokeOptions) => {
    process.stdout.write(await revokeSessions(options));
  });
}

/**
 * Writes `revokeSessionsBefore: "<now, UTC>"` into the roles of the settings
 * file, as an edit of its YAML document that keeps every comment and the
 * layout, after checking that the file is valid before and after; prints the
 * access diff it causes (what sessions issued before then lose, decided like
 * `diff`), then writes the file atomically after a backup and says which
 * `cdktf deploy` applies it. The time is rounded up to the second, so a session
 * issued in the second the command runs is revoked too.
 */
export async function revokeSessions(options: RevokeOptions, now = new Date()): Promise<string> {
  if (!options.all && !options.role?.length) {
    throw new UserError('revoke needs --role <name> (one or more) or --all');
  }
  if (options.all && options.role?.length) throw new UserError('revoke takes --role or --all, not both');
  const [{ parseSettings }, { setRevokeSessionsBefore }, { synthesizeStack }, { loadVerifier }] = await Promise.all([
    import('../config'),
    import('../config/revoke-sessions-edit'),
    import('./current-stack'),
    import('./load-verifier'),
  ]);
  const file = options.config;
  const before = readSettingsText(file);
  const base = parseSettings(before, file);
  const time = revokeTime(now);
  const edit = setRevokeSessionsBefore(before, file, options.all ? 'all' : options.role!, time);
  const head = parseSettings(edit.text, file);
  const written = head.roles.filter((role) => edit.roles.includes(role.name) && role.revokeSessionsBefore === time);
  if (written.length !== edit.roles.length) throw new Error(`the edit of ${file} did not set ${time} on every role`);

  const lines = [`revokeSessionsBefore: "${time}" for ${edit.roles.join(', ')} in ${file}`, ''];
  try {
    const verifier = await loadVerifier();
    const report = await verifier.diffStacks(
      { label: file, stack: synthesizeStack(base) },
      { label: `${file} with the revoke`, stack: synthesizeStack(head) },
      // The sessions this revokes: issued before the time written.
      { roleSessionContext: { 'aws:TokenIssueTime': new Date(Date.parse(time) - 1000).toISOString() } },
    );
    lines.push(`Sessions issued before ${time}:`, verifier.DIFF_FORMATS.table(report, { width: outputWidth() }));
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    lines.push(`(no access diff: ${error.message})`, '');
  }
  const backup = replaceSettingsFile(file, edit.text);
  const deploy = file === DEFAULT_SETTINGS_FILE ? 'npm run deploy' : `npm run deploy -- --config ${file}`;
  lines.push(
    `backup    ${backup}`,
    `wrote     ${file}`,
    '',
    `Sessions issued before ${time} keep working until the role's AWSRevokeOlderSessions policy is deployed: run`,
    `  ${deploy}`,
    'New sessions are not affected: to keep someone out, also take them out of the groups that allow the role.',
    '',
  );
  return lines.join('\n');
}

/** Now, in UTC, rounded up to the second: `2026-11-28T22:41:07Z`. */
export function revokeTime(now: Date): string {
  return new Date(Math.ceil(now.getTime() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

function readSettingsText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new UserError(`cannot read the settings file ${file}: ${reason}: pass --config <file>`);
  }
}

/** Replaces the file atomically after a backup (`<file>.<time>.bak`, returned), keeping its mode and owner. */
function replaceSettingsFile(file: string, text: string): string {
  try {
    return replaceFileAtomically(file, text, statSync(file))!;
  } catch (error) {
    throw new UserError(`could not write ${file} (${(error as Error).message}): it is left as it was`);
  }
}
