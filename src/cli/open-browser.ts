import { spawn } from 'node:child_process';
import { UserError } from '../user-error';

/**
 * The command that opens a URL in the user's browser: `$BROWSER` (its first
 * entry, `%s` standing for the URL), else the platform's opener, as Granted
 * does. Written out rather than taken from the `open` package, which is
 * ESM-only since version 9 and cannot be required by this CommonJS CLI.
 */
export function browserCommand(
  url: string,
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): { readonly command: string; readonly args: readonly string[] } {
  const browser = env.BROWSER?.split(':')[0]?.trim();
  if (browser) {
    const [command, ...args] = browser.split(/\s+/);
    return {
      command,
      args: args.some((arg) => arg.includes('%s')) ? args.map((arg) => arg.replace('%s', url)) : [...args, url],
    };
  }
  if (platform === 'darwin') return { command: 'open', args: [url] };
  // No shell: cmd's `start` would read the URL's & as a command separator.
  if (platform === 'win32') return { command: 'rundll32', args: ['url.dll,FileProtocolHandler', url] };
  return { command: 'xdg-open', args: [url] };
}

/** Starts the browser on `url` and returns once it started (it is not waited for); a missing opener is a {@link UserError}. */
export function openInBrowser(url: string, start: typeof spawn = spawn): Promise<void> {
  const { command, args } = browserCommand(url);
  return new Promise((resolve, reject) => {
    const child = start(command, [...args], { detached: true, stdio: 'ignore' });
    child.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        new UserError(
          `could not start ${command} to open the browser (${error.code ?? error.message}): set BROWSER, or run without --open and open the printed URL yourself`,
        ),
      );
    });
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}
