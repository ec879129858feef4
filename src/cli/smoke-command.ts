import { Option, type Command } from 'commander';
import { findRoleUsage } from '../access/role-usage';
import { bucketNameSchema } from '../config/settings-schema';
import { CredentialCache } from '../credential-cache/credential-cache';
import { openRoleSession } from '../session/role-session';
import type { SmokeResult, StepOutcome } from '../session/smoke-check';
import { planSmoke, type SmokeChoices } from '../session/smoke-plan';
import { runSmoke } from '../session/smoke-run';
import { UserError } from '../user-error';
import { loadCurrentStack } from './current-stack';
import { mfaPrompt } from './mfa-prompt';
import { withRoleSessionOptions, type RoleSessionOptions } from './role-session-options';
import { withExamples } from './shared-options';

type SmokeOptions = RoleSessionOptions & SmokeChoices;

/** `cross-account smoke`: checks the deployed access of a role for real, leaving nothing behind. */
export function registerSmokeCommand(program: Command): void {
  withExamples(
    withRoleSessionOptions(
      program.command('smoke').description('assume a role and check its bucket access for real, then clean up'),
    ),
    'cross-account smoke --role S3ProductionAccessRole',
  )
    .option('--bucket <name>', "bucket to probe (default: the role's one bucket)")
    .option('--denied-bucket <name>', 'a bucket the role must not list (default: another bucket of the stack)')
    .addOption(
      new Option('--access <level>', "what the role may do there (default: read from the role's policies)").choices([
        'read-only',
        'read-write',
      ]),
    )
    .action(async (options: SmokeOptions) => {
      await smokeTest(options, (outcome) => {
        process.stdout.write(`${formatStep(outcome)}\n`);
      });
      process.stdout.write(`smoke passed: ${options.role} works as the settings say\n`);
    });
}

/** Reads the role from the stack, plans the check, assumes the role and runs it (see {@link runSmoke}). */
export async function smokeTest(options: SmokeOptions, progress: (outcome: StepOutcome) => void): Promise<SmokeResult> {
  for (const [flag, name] of [
    ['--bucket', options.bucket],
    ['--denied-bucket', options.deniedBucket],
  ] as const) {
    const checked = name === undefined ? undefined : bucketNameSchema.safeParse(name);
    if (checked && !checked.success)
      throw new UserError(`${flag} ${JSON.stringify(name)}: ${checked.error.issues[0].message}`);
  }
  const current = loadCurrentStack(options);
  const { stack } = current;
  const role = findRoleUsage(stack, options.role, current.description);
  const plan = planSmoke(stack, role, options);
  const cache = options.cache === false ? undefined : new CredentialCache();
  const props = await openRoleSession(options, role, mfaPrompt(options), cache);
  return runSmoke(role, props, plan, progress);
}

/** `ok    list-bucket         productionapp: listed 0 key(s)` */
export function formatStep(outcome: StepOutcome): string {
  return `${outcome.ok ? 'ok  ' : 'FAIL'}  ${outcome.step.padEnd(20)} ${outcome.detail}`;
}
