import { createInterface } from 'node:readline/promises';
import { UserError } from '../user-error';

/**
 * Asks for the MFA code on stderr (stdout may be piped into `eval` or read by
 * the AWS CLI as credential_process output) and reads one line. Standard input
 * that ends first (a script, CI, credential_process) is a {@link UserError}:
 * without it the pending question would let the process exit 0 with nothing printed.
 */
export async function promptMfaCode(
  mfaSerial: string,
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stderr,
): Promise<string> {
  const lines = createInterface({ input, output, terminal: false });
  let answered = false;
  const ended = new Promise<never>((_, reject) =>
    lines.once('close', () => {
      if (answered) return;
      // The prompt has no line break of its own.
      output.write('\n');
      reject(
        new UserError(
          `no MFA code for ${mfaSerial}: standard input ended before one was typed; pass --mfa-code <6 digits>`,
        ),
      );
    }),
  );
  try {
    const line = await Promise.race([lines.question(`MFA code for ${mfaSerial}: `), ended]);
    answered = true;
    const code = line.trim();
    if (!/^\d{6}$/.test(code)) throw new UserError(`the MFA code must be 6 digits, got "${code}"`);
    return code;
  } finally {
    answered = true;
    lines.close();
  }
}
