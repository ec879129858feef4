import { createRequire } from 'node:module';
import { PROJECT_ROOT } from './support/project';

/** The part of node-pty's API that cdktf-cli calls. */
interface TerminalLibrary {
  spawn(
    file: string,
    args: string[],
    options: { cols: number; rows: number },
  ): {
    onData(listener: (data: string) => void): void;
    onExit(listener: (event: { exitCode: number }) => void): void;
  };
}

/** The terminal library as cdktf-cli's bundle resolves it (it runs `terraform` through it for synth, plan and deploy). */
function cdktfCliTerminal(): TerminalLibrary {
  const fromCdktfCli = createRequire(require.resolve('cdktf-cli/package.json', { paths: [PROJECT_ROOT] }));
  return fromCdktfCli('@cdktf/node-pty-prebuilt-multiarch');
}

describe(`cdktf-cli's terminal on Node ${process.version}`, () => {
  // cdktf-cli 0.21.0 loads it at start: without a native build for this Node, `npm run synth` cannot start.
  it('loads and runs a program in a terminal, passing its output and exit code back', async () => {
    const terminal = cdktfCliTerminal().spawn(
      process.execPath,
      ['-e', 'console.log("hello from a pty"); process.exit(3)'],
      {
        cols: 80,
        rows: 24,
      },
    );
    let output = '';
    terminal.onData((data) => (output += data));
    const exitCode = await new Promise<number>((resolve) => terminal.onExit((event) => resolve(event.exitCode)));
    expect(output).toContain('hello from a pty');
    expect(exitCode).toBe(3);
  });
});
