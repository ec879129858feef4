import type { Command } from 'commander';
import { findRoleUsage } from '../access';
import { UserError } from '../user-error';
import { loadCurrentStack } from './current-stack';

/** `cross-account console-url`: the console's switch-role link for a role. */
export function registerConsoleUrlCommand(program: Command): void {
  program
    .command('console-url')
    .description("print the console's switch-role URL of a role")
    .requiredOption('--role <name>', 'role name from the settings')
    .option('--outdir <dir>', 'read this cdktf.out instead of synthesizing the current settings')
    .action((options: { role: string; outdir?: string }) => {
      process.stdout.write(`${consoleUrl(options.role, options.outdir)}\n`);
    });
}

/** The switch-role URL, or a {@link UserError} saying why the role has none. */
export function consoleUrl(roleName: string, outdir?: string): string {
  const role = findRoleUsage(loadCurrentStack(outdir), roleName);
  if (role.requirements.externalId) {
    throw new UserError(
      `no switch-role URL for ${role.name}: it requires an external id, which the console's switch-role page cannot send; sign in with \`cross-account console --role ${role.name}\` (federation)`,
    );
  }
  if (!role.switchRoleUrl) throw new UserError(`no switch-role URL for ${role.name}: the stack outputs none for it`);
  return role.switchRoleUrl;
}
