import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalSts, StsRequest } from '../tools/loopback/local-sts';
import { loopbackStsPerTest } from './support/loopback-sts';
import { PROJECT_ROOT } from './support/project';
import { tempFolder } from './support/temp-folder';

/** The part of node-pty's API these tests use: a program run in a pseudo-terminal of its own. */
interface Terminal {
  onData(listener: (data: string) => void): void;
  onExit(listener: (event: { exitCode: number }) => void): void;
  write(data: string): void;
  kill(): void;
}
interface TerminalLibrary {
  spawn(
    file: string,
    args: string[],
    options: { cols: number; rows: number; cwd: string; env: NodeJS.ProcessEnv },
  ): Terminal;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a devDependency with no types of its own
const pty = require('@cdktf/node-pty-prebuilt-multiarch') as TerminalLibrary;

const startSts = loopbackStsPerTest('__tests__/fixtures/two-mfa-roles.yaml');
let sts: LocalSts;

/** AWS's answer to an AssumeRole without an MFA sign-in, for roles whose trust requires one. */
const requireMfa = (request: StsRequest) =>
  request.action === 'AssumeRole' && !request.mfaAuthenticatedAt
    ? { code: 'AccessDenied', message: 'User: John is not authorized to perform: sts:AssumeRole' }
    : undefined;

/** Resolves with everything the terminal has shown once `text` appears in it; rejects after `seconds`. */
function shown(output: () => string, text: string, seconds: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = setInterval(() => {
      if (output().includes(text)) {
        clearInterval(poll);
        resolve(output());
      } else if (Date.now() - started > seconds * 1000) {
        clearInterval(poll);
        reject(new Error(`the terminal never showed ${JSON.stringify(text)}; it showed: ${JSON.stringify(output())}`));
      }
    }, 20);
  });
}

describe('the MFA prompt of a credential_process', () => {
  it('is shown on the terminal when stderr is captured, as the AWS CLI captures a credential_process', async () => {
    sts = await startSts({ decide: requireMfa });
    const folder = tempFolder('mfa-terminal-');
    // As botocore runs credential_process: standard input is the person's terminal, stdout and stderr are piped.
    const terminal = pty.spawn(
      '/bin/sh',
      [
        '-c',
        'exec "$NODE" bin/cross-account.js assume --role S3ProductionAccessRole --format credential-process >"$FOLDER/stdout" 2>"$FOLDER/stderr"',
      ],
      { cols: 200, rows: 24, cwd: PROJECT_ROOT, env: { ...process.env, NODE: process.execPath, FOLDER: folder } },
    );
    let output = '';
    terminal.onData((data) => (output += data));
    const exited = new Promise<number>((resolve) => terminal.onExit((event) => resolve(event.exitCode)));
    try {
      await shown(() => output, 'MFA code for arn:aws:iam::111111111111:mfa/John: ', 20);
      terminal.write('123456\r');
      expect(await exited).toBe(0);
    } finally {
      terminal.kill();
    }
    expect(readFileSync(join(folder, 'stderr'), 'utf8')).toBe('');
    expect(JSON.parse(readFileSync(join(folder, 'stdout'), 'utf8'))).toMatchObject({ Version: 1 });
    expect(
      sts.requests.filter((request) => request.action === 'GetSessionToken').map((request) => request.params),
    ).toEqual([expect.objectContaining({ TokenCode: '123456' })]);
  }, 40_000);
});
