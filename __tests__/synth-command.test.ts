import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readSynthesizedStack } from '../src/access';
import { formatSummary } from '../src/cli/summary-command';
import { findSettingsWarnings, formatWarning, loadSettings } from '../src/config';
import { STACK_NAME } from '../src/stack';
import { runCdktfApp, runInProject } from './support/cdktf-app';
import { cli } from './support/run-cli';
import { CLEAN_ENV, PROJECT_ROOT } from './support/project';
import { tempFolder } from './support/temp-folder';

/** Every file under a folder, by relative path, with its bytes. */
function filesUnder(folder: string): Record<string, string> {
  const entries = readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return Object.fromEntries(
    entries.map((entry) => {
      const file = join(entry.parentPath, entry.name);
      return [relative(folder, file), readFileSync(file, 'latin1')];
    }),
  );
}

/** The default settings with Sri in both groups: valid, with one warning (the deny wins). */
function settingsWithOneWarning(folder: string): string {
  const file = join(folder, 'mixed.yaml');
  const text = readFileSync(join(PROJECT_ROOT, 'config/default.yaml'), 'utf8');
  writeFileSync(file, text.replace('{ name: Sri, groups: [Testers] }', '{ name: Sri, groups: [Developers, Testers] }'));
  return file;
}

describe('npm run synth', () => {
  it("writes what cdktf.json's app writes, byte for byte, and prints the check, the warning once and the summary", async () => {
    const work = tempFolder('synth-');
    const settingsFile = settingsWithOneWarning(work);
    const [viaApp, viaSynth] = [join(work, 'app.out'), join(work, 'synth.out')];

    const app = await runCdktfApp(settingsFile, viaApp);
    const synth = await runInProject('npm run -s synth', {
      CROSS_ACCOUNT_CONFIG: settingsFile,
      CDKTF_OUTDIR: viaSynth,
    });

    expect(app.code).toBe(0);
    expect(synth.code).toBe(0);
    expect(Object.keys(filesUnder(viaSynth)).sort()).toEqual(['manifest.json', 'stacks/cross-account/cdk.tf.json']);
    expect(filesUnder(viaSynth)).toEqual(filesUnder(viaApp));
    const warnings = findSettingsWarnings(loadSettings(settingsFile, CLEAN_ENV));
    expect(warnings).toHaveLength(1);
    // Each warning once (the CLI may also print a notice about the Node release it runs on).
    expect(synth.stderr.split('\n').filter((line) => line.startsWith('warning:'))).toEqual([
      formatWarning(settingsFile, warnings[0]),
    ]);
    expect(synth.stdout).toBe(
      `${settingsFile}: valid (2 accounts, 1 role, 2 groups, 2 users)\n` +
        'Generated Terraform code for the stacks: cross-account\n' +
        formatSummary(readSynthesizedStack(viaApp, STACK_NAME)),
    );
    expect(synth.stdout).toContain('prod (999999999999): 3 to create\n');
  });

  it('refuses a bad settings file with one line per problem, exit code 1, and leaves cdktf.out as it was', async () => {
    const work = tempFolder('synth-bad-');
    const outdir = join(work, 'cdktf.out');
    mkdirSync(outdir);
    writeFileSync(join(outdir, 'manifest.json'), '{"from":"the last good synth"}');
    const settingsFile = join(work, 'bad.yaml');
    writeFileSync(
      settingsFile,
      readFileSync(join(PROJECT_ROOT, 'config/default.yaml'), 'utf8').replace('id: "999999999999"', 'id: "9999"'),
    );

    const { code, stdout, stderr } = await cli('synth', '--config', settingsFile, '--outdir', outdir);

    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(`${settingsFile}: accounts.prod.id: must be exactly 12 digits (AWS account ids have 12)\n`);
    expect(filesUnder(outdir)).toEqual({ 'manifest.json': '{"from":"the last good synth"}' });
  });
});
