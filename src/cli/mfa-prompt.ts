import { openSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import type { WriteStream } from 'node:tty';
import { secondsSetting } from '../session/network-timeouts';
import { UserError } from '../user-error';

/**
 * How long the prompt waits when standard input is not a terminal: a pipe that
 * stays open and silent (a CI step, a wrapper script) would otherwise hold the
 * command for ever, while a person answering through a pipe needs well under a minute.
 */
export const DEFAULT_MFA_PROMPT_SECONDS = 60;

/** The option `assume`, `smoke` and `console` take for the prompt. */
export interface MfaPromptOptions {
  /** Seconds to wait for the code, as typed. @default CROSS_ACCOUNT_MFA_TIMEOUT, else 60 off a terminal, none on one */
  readonly mfaTimeout?: string;
}

/**
 * Seconds the MFA prompt waits for a line: `--mfa-timeout`, else
 * `CROSS_ACCOUNT_MFA_TIMEOUT`, else {@link DEFAULT_MFA_PROMPT_SECONDS} when
 * standard input is not a terminal; on a terminal, where a person reads the
 * prompt, no limit unless one is set. Anything but seconds is refused.
 */
export function mfaPromptSeconds(
  options: MfaPromptOptions,
  env: NodeJS.ProcessEnv = process.env,
  inputIsTerminal = process.stdin.isTTY === true,
): number | undefined {
  return secondsSetting(
    options.mfaTimeout,
    '--mfa-timeout',
    env.CROSS_ACCOUNT_MFA_TIMEOUT,
    'CROSS_ACCOUNT_MFA_TIMEOUT',
    inputIsTerminal ? undefined : DEFAULT_MFA_PROMPT_SECONDS,
  );
}

/** The prompt a command asks with: its time limit read now, so a bad one is refused before any request. */
export function mfaPrompt(options: MfaPromptOptions): (mfaSerial: string) => Promise<string> {
  const timeoutSeconds = mfaPromptSeconds(options);
  return async (mfaSerial) => {
    const terminal = await promptTerminal();
    try {
      return await promptMfaCode(mfaSerial, process.stdin, terminal ?? process.stderr, timeoutSeconds);
    } finally {
      terminal?.destroy();
    }
  };
}

/**
 * Where the question goes when the person types into a terminal that would not show it: standard input is a
 * terminal but stderr is not. So the AWS CLI runs a `credential_process` (botocore pipes its stderr and shows it
 * only after a failure, so a prompt there looks like a hang), and so is `assume 2>log` run. The question then goes
 * to the terminal itself, `/dev/tty`, as ssh and aws-vault ask; the answer is still read from standard input.
 * Undefined, for stderr, otherwise or when there is no terminal to open.
 */
async function promptTerminal(): Promise<WriteStream | undefined> {
  if (process.stdin.isTTY !== true || process.stderr.isTTY === true) return undefined;
  // Loaded only here, where it is needed: every `assume` loads this module, a cached credential_process among them.
  const tty = await import('node:tty');
  try {
    return new tty.WriteStream(openSync('/dev/tty', 'w'));
  } catch {
    return undefined;
  }
}

/**
 * Asks for the MFA code on stderr (stdout may be piped into `eval` or read by
 * the AWS CLI as credential_process output) and reads one line. Standard input
 * that ends first (a script, CI, credential_process), or that stays silent for
 * `timeoutSeconds`, is a {@link UserError}: without it the pending question would
 * let the process exit 0 with nothing printed, or wait for ever.
 */
export async function promptMfaCode(
  mfaSerial: string,
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stderr,
  timeoutSeconds?: number,
): Promise<string> {
  const lines = createInterface({ input, output, terminal: false });
  let answered = false;
  let timer: NodeJS.Timeout | undefined;
  const giveUp = (reason: string) => (reject: (error: UserError) => void) => {
    if (answered) return;
    answered = true;
    // The prompt has no line break of its own.
    output.write('\n');
    reject(new UserError(`no MFA code for ${mfaSerial}: ${reason}`));
  };
  const ended = new Promise<never>((_, reject) =>
    lines.once('close', () => giveUp('standard input ended before one was typed; pass --mfa-code <6 digits>')(reject)),
  );
  const silent = new Promise<never>((_, reject) => {
    if (timeoutSeconds === undefined) return;
    timer = setTimeout(
      () =>
        giveUp(
          `nothing came on standard input within ${timeoutSeconds} s; pass --mfa-code <6 digits>, or allow more time with --mfa-timeout or CROSS_ACCOUNT_MFA_TIMEOUT (seconds)`,
        )(reject),
      timeoutSeconds * 1000,
    );
  });
  try {
    const line = await Promise.race([lines.question(`MFA code for ${mfaSerial}: `), ended, silent]);
    answered = true;
    const code = line.trim();
    if (!/^\d{6}$/.test(code)) throw new UserError(`the MFA code must be 6 digits, got "${code}"`);
    return code;
  } finally {
    answered = true;
    clearTimeout(timer);
    // Closing pauses the input too, so a pipe that never ends does not keep the process alive.
    lines.close();
  }
}
