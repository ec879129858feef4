import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findProviderMirror, planOffline } from '../src/terraform';
import { synthesizeSettingsFile } from './support/synthesize';

// A real terraform init/validate/plan costs seconds: one, for the file that uses every hardening option.
const mirror = findProviderMirror();
const terraformMissing =
  spawnSync('terraform', ['version'], { env: { ...process.env, CHECKPOINT_DISABLE: '1' } }).status !== 0;
const missing = 'missing' in mirror ? mirror.missing : terraformMissing ? 'terraform is not on PATH' : undefined;
// Skipped with a reason on a machine without them; in CI (CI=true) their absence is a failure.
const itWithTerraform = missing && process.env.CI !== 'true' ? it.skip : it;

describe('config/examples/hardened.yaml', () => {
  itWithTerraform(
    `passes terraform validate and the offline plan, with no dependency cycle${missing ? ` (skipped: ${missing})` : ''}`,
    async () => {
      if (missing || !('path' in mirror)) throw new Error(`cannot plan: ${missing}`);
      const { json } = synthesizeSettingsFile('config/examples/hardened.yaml');
      const resourceCount = Object.values(json.resource ?? {}).reduce((n, byName) => n + Object.keys(byName).length, 0);

      const result = await planOffline({
        stack: json,
        workDir: mkdtempSync(join(tmpdir(), 'hardened-plan-')),
        mirror: mirror.path,
      });

      expect(result.diagnostics).toEqual([]);
      expect(result.valid).toBe(true);
      expect(result.add).toBe(resourceCount);
      expect(result.summary).toBe(`Plan: ${resourceCount} to add, 0 to change, 0 to destroy.`);
    },
  );
});
