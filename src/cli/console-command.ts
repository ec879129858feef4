import type { Command } from 'commander';
import { CredentialCache } from '../credential-cache/credential-cache';
import { DEFAULT_REGION, parseArn } from '../policies/arn';
import { DEFAULT_NETWORK_TIMEOUTS } from '../session/network-timeouts';
import { mfaPrompt } from './mfa-prompt';
import { openInBrowser } from './open-browser';
import { withRoleSessionOptions, type RoleSessionOptions } from './role-session-options';
import { withExamples } from './shared-options';

/** Options of `cross-account console`. */
export interface ConsoleOptions extends Omit<RoleSessionOptions, 'duration'> {
  /** Console session length in seconds (the federation endpoint's `SessionDuration`). @default one hour */
  readonly duration?: string;
  /** Console URL or path to open. @default the console home in the role's region */
  readonly destination?: string;
  /** Open the browser instead of printing the URL. @default false */
  readonly open?: boolean;
}

/** What `console` needs from outside, replaceable in tests (which never open a browser). */
export interface ConsoleIo {
  readonly askMfaCode: (serial: string) => Promise<string>;
  readonly openUrl: (url: string) => Promise<void>;
  /** Notes for the user (stderr). */
  readonly note: (line: string) => void;
}

/** `cross-account console`: a console URL that opens signed in as the role, through AWS's federation endpoint. */
export function registerConsoleCommand(program: Command): void {
  withExamples(
    withRoleSessionOptions(
      program
        .command('console')
        .description('sign in to the console as a role (federation): print the URL, or --open it'),
      { duration: false },
    )
      .option('--duration <seconds>', 'console session length in seconds (900 to the role maximum; default one hour)')
      .option('--destination <url|path>', 'console page to open, e.g. s3/buckets/productionapp (default: console home)')
      .option('--open', 'open the browser instead of printing the URL'),
    'cross-account console --role S3ProductionAccessRole --open',
  ).action(async (options: ConsoleOptions) => {
    const url = await consoleUrlSignedIn(options);
    if (url) process.stdout.write(`${url}\n`);
  });
}

/**
 * Assumes the role (an MFA session serves, as for `assume`) and exchanges its
 * credentials for a sign-in URL; with `open`, opens it and returns undefined.
 * A role that requires an external id gets a note: the switch-role page cannot
 * send one, federation can. AssumeRole is sent without DurationSeconds, since
 * AWS's federation endpoint refuses a role session that temporary credentials
 * (an MFA session) asked a duration for; `duration` is the console session's.
 */
export async function consoleUrlSignedIn(
  options: ConsoleOptions,
  io: Partial<ConsoleIo> = {},
): Promise<string | undefined> {
  const { askMfaCode = mfaPrompt(options), openUrl = openInBrowser, note = (line: string) => console.error(line) } = io;
  const [{ resolveRoleTarget }, { openRoleSession, parseDuration }, { assumeRoleOnce }, { explainAwsError }, signin] =
    await Promise.all([
      import('./role-target'),
      import('../session/role-session'),
      import('../session/assume-role-once'),
      import('../session/explain-aws-error'),
      import('../session/console-signin'),
    ]);
  const target = resolveRoleTarget(options);
  const sessionDuration = parseDuration(options.duration, target);
  const partition = parseArn(target.arn)?.partition ?? 'aws';
  const region = process.env.AWS_REGION || target.region || DEFAULT_REGION;
  const destination = signin.consoleDestination(partition, region, options.destination);
  if (target.requirements.externalId) {
    note(
      `${target.name} requires an external id, which the console's switch-role page cannot send: signing in through the federation endpoint instead`,
    );
  }
  const cache = options.cache === false ? undefined : new CredentialCache();
  const props = await openRoleSession({ ...options, duration: undefined }, target, askMfaCode, cache);
  let credentials;
  try {
    credentials = await assumeRoleOnce(target, props);
  } catch (error) {
    throw explainAwsError(error, { roleName: target.name, requirements: target.requirements }) ?? error;
  }
  const timeouts = props.timeouts ?? DEFAULT_NETWORK_TIMEOUTS;
  const url = await signin.consoleSigninUrl({
    credentials,
    endpoint: signin.federationEndpoint(partition),
    destination,
    ...(sessionDuration !== undefined && { sessionDuration }),
    timeoutSeconds: timeouts.connectSeconds + timeouts.readSeconds,
  });
  if (!options.open) return url;
  await openUrl(url);
  note(`opened the console as ${target.name} in your browser`);
  return undefined;
}
