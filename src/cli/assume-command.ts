import { Option, type Command } from 'commander';
import { assumeRoleOnce } from '../session/assume-role-once';
import { CREDENTIAL_FORMATS, formatCredentials, type CredentialFormat } from '../session/credential-formats';
import { explainAwsError } from '../session/explain-aws-error';
import { openRoleSession } from '../session/role-session';
import { promptMfaCode } from './mfa-prompt';
import { resolveRoleTarget, withRoleSessionOptions, type RoleSessionOptions } from './role-session-options';
import { withExamples } from './shared-options';

/** `cross-account assume`: STS AssumeRole as the caller, credentials printed for a shell, a program or the AWS CLI. */
export function registerAssumeCommand(program: Command): void {
  withExamples(
    withRoleSessionOptions(program.command('assume').description('assume a role and print its temporary credentials')),
    'eval "$(cross-account assume --role S3ProductionAccessRole)"',
  )
    .addOption(new Option('--format <format>', 'output format').choices(CREDENTIAL_FORMATS).default('env'))
    .action(async (options: RoleSessionOptions & { format: CredentialFormat }) => {
      process.stdout.write(await assumeRole(options));
    });
}

/** Assumes the role and returns its credentials formatted; AWS errors and unusable credentials become one line. */
export async function assumeRole(options: RoleSessionOptions & { format: CredentialFormat }): Promise<string> {
  const target = resolveRoleTarget(options);
  const props = await openRoleSession(options, target, promptMfaCode);
  try {
    return formatCredentials(await assumeRoleOnce(target, props), options.format);
  } catch (error) {
    throw explainAwsError(error, { roleName: target.name, requirements: target.requirements }) ?? error;
  }
}
