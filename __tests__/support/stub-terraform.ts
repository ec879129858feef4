import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempFolder } from './temp-folder';

/**
 * A `terraform` in a folder of its own that runs `script` (shell lines) whatever it is asked; its path. The script
 * finds its own folder as `${0%/*}` (for a log beside it), which needs nothing on PATH.
 */
export function terraformRunning(script: string): string {
  const binary = join(tempFolder('terraform-bin-'), 'terraform');
  writeFileSync(binary, `#!/bin/sh\n${script}\n`);
  chmodSync(binary, 0o755);
  return binary;
}
