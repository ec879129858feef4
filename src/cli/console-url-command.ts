import type { Command } from 'commander';
import { findRoleUsage } from '../access/role-usage';
import { UserError } from '../user-error';
import { loadCurrentStack, type StackSource } from './current-stack';
import { outdirOption, withExamples } from './shared-options';

/** `cross-account console-url`: the console's switch-role link for a role. */
export function registerConsoleUrlCommand(program: Command): void {
  withExamples(
    program
      .command('console-url')
      .description("print the console's switch-role URL of a role")
      .requiredOption('--role <name>', 'the role (required): its IAM or profile name in the stack')
      .addOption(outdirOption()),
    'cross-account console-url --role S3ProductionAccessRole',
  ).action((options: StackSource & { role: string }) => {
    process.stdout.write(`${consoleUrl(options, options.role)}\n`);
  });
}

/** The switch-role URL, or a {@link UserError} saying why the role has none. */
export function consoleUrl(source: StackSource, roleName: string): string {
  const current = loadCurrentStack(source);
  const role = findRoleUsage(current.stack, roleName, current.description);
  if (role.requirements.externalId) {
    throw new UserError(
      `no switch-role URL for ${role.name}: it requires an external id, which the console's switch-role page cannot send; sign in with \`cross-account console --role ${role.name}\` (federation)`,
    );
  }
  if (!role.switchRoleUrl) throw new UserError(`no switch-role URL for ${role.name}: the stack outputs none for it`);
  return role.switchRoleUrl;
}
