import { Option, type Command } from 'commander';
import { CredentialCache } from '../credential-cache/credential-cache';
import { CREDENTIAL_FORMATS, formatCredentials, type CredentialFormat } from '../session/credential-formats';
import { cachedRoleCredentials, roleCacheKey, storeRoleCredentials } from '../session/role-credential-cache';
import { mfaPrompt } from './mfa-prompt';
import { withRoleSessionOptions, type RoleSessionOptions } from './role-session-options';
import { withExamples } from './shared-options';

/** Options of `cross-account assume`. */
export type AssumeOptions = RoleSessionOptions & { readonly format: CredentialFormat };

/** `cross-account assume`: STS AssumeRole as the caller, credentials printed for a shell, a program or the AWS CLI. */
export function registerAssumeCommand(program: Command): void {
  withExamples(
    withRoleSessionOptions(program.command('assume').description('assume a role and print its temporary credentials')),
    'eval "$(cross-account assume --role S3ProductionAccessRole)"',
  )
    .addOption(new Option('--format <format>', 'output format').choices(CREDENTIAL_FORMATS).default('env'))
    .action(async (options: AssumeOptions) => {
      process.stdout.write(await assumeRole(options));
    });
}

/**
 * Assumes the role and returns its credentials formatted; AWS errors and
 * unusable credentials become one line. For `credential-process` the
 * credentials come from the cache while they have more than five minutes left
 * (the AWS CLI runs the process before each command), and only a miss loads the
 * AWS SDK and the settings. Expired credentials are never returned, cached or
 * not: the cache keeps them back, and `assumeRoleOnce` refuses them from STS.
 */
export async function assumeRole(
  options: AssumeOptions,
  askMfaCode: (serial: string) => Promise<string> = mfaPrompt(options),
): Promise<string> {
  const cache = options.cache === false ? undefined : new CredentialCache();
  const key = cache && options.format === 'credential-process' ? roleCacheKey(options) : undefined;
  const cached = key && cache && cachedRoleCredentials(cache, key);
  if (cached) return formatCredentials(cached, options.format);
  const { target, sessionName, credentials } = await assumeFromSts(options, askMfaCode, cache);
  if (key && cache) storeRoleCredentials(cache, key, { roleArn: target.arn, sessionName }, credentials);
  return formatCredentials(credentials, options.format);
}

/** The miss: the settings, the SDK and STS, loaded only now. */
async function assumeFromSts(
  options: AssumeOptions,
  askMfaCode: (serial: string) => Promise<string>,
  cache: CredentialCache | undefined,
) {
  const [{ resolveRoleTarget }, { openRoleSession }, { assumeRoleOnce }, { explainAwsError }] = await Promise.all([
    import('./role-target'),
    import('../session/role-session'),
    import('../session/assume-role-once'),
    import('../session/explain-aws-error'),
  ]);
  const target = resolveRoleTarget(options);
  const props = await openRoleSession(options, target, askMfaCode, cache);
  try {
    return { target, sessionName: props.sessionName ?? '', credentials: await assumeRoleOnce(target, props) };
  } catch (error) {
    throw explainAwsError(error, { roleName: target.name, requirements: target.requirements }) ?? error;
  }
}
