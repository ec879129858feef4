import { createInterface } from 'node:readline/promises';
import { UserError } from '../user-error';

/**
 * Asks for the MFA code on stderr (stdout may be piped into `eval` or read by
 * the AWS CLI as credential_process output) and reads one line.
 */
export async function promptMfaCode(
  mfaSerial: string,
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stderr,
): Promise<string> {
  const lines = createInterface({ input, output, terminal: false });
  try {
    const code = (await lines.question(`MFA code for ${mfaSerial}: `)).trim();
    if (!/^\d{6}$/.test(code)) throw new UserError(`the MFA code must be 6 digits, got "${code}"`);
    return code;
  } finally {
    lines.close();
  }
}
