import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/** The AWS config file the AWS CLI and SDKs read: `AWS_CONFIG_FILE`, else `~/.aws/config`. */
export function awsConfigFilePath(env: NodeJS.ProcessEnv = process.env): string {
  return env.AWS_CONFIG_FILE || join(homedir(), '.aws', 'config');
}

/** The file's text, or empty when it does not exist yet. */
export function readConfigFile(file: string): { readonly exists: boolean; readonly text: string } {
  const exists = existsSync(file);
  return { exists, text: exists ? readFileSync(file, 'utf8') : '' };
}

/**
 * The one function that writes the AWS config file. An existing file is
 * backed up first (`<file>.<time>.bak`, returned); a new one is created with
 * its folder readable by its owner only, as the AWS CLI does, since ~/.aws
 * holds credentials too.
 */
export function writeConfigFile(file: string, text: string): { readonly backup?: string } {
  if (existsSync(file)) {
    const backup = `${file}.${new Date().toISOString().replace(/[:.]/g, '-')}.bak`;
    copyFileSync(file, backup);
    writeFileSync(file, text, { mode: 0o600 });
    return { backup };
  }
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, text, { mode: 0o600 });
  return {};
}
