import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCdktfApp } from './support/cdktf-app';
import { PROJECT_ROOT } from './support/project';
import { tempFolder } from './support/temp-folder';

describe("main.ts, as cdktf.json's app", () => {
  it('refuses a bad settings file with one line per problem, exit code 1, no stack trace, and leaves cdktf.out as it was', async () => {
    const work = tempFolder('main-bad-');
    const outdir = join(work, 'cdktf.out');
    const settingsFile = join(work, 'bad.yaml');
    writeFileSync(
      settingsFile,
      readFileSync(join(PROJECT_ROOT, 'config/default.yaml'), 'utf8')
        .replace('id: "999999999999"', 'id: "99999999999"')
        .replace('allowAssume: [S3ProductionAccessRole]', 'allowAsume: [S3ProductionAccessRole]'),
    );
    mkdirSync(outdir);
    writeFileSync(join(outdir, 'manifest.json'), '{"from":"the last good synth"}');

    const { code, stdout, stderr } = await runCdktfApp(settingsFile, outdir);

    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([
      `${settingsFile}: accounts.prod.id: must be exactly 12 digits (AWS account ids have 12)`,
      `${settingsFile}: groups[0].allowAsume: unknown key`,
    ]);
    expect(stdout + stderr).not.toMatch(/^\s+at /m);
    expect(readdirSync(outdir)).toEqual(['manifest.json']);
    expect(readFileSync(join(outdir, 'manifest.json'), 'utf8')).toBe('{"from":"the last good synth"}');
  });

  it('refuses profiles under Terraform Cloud remote execution with one line per account key, exit 1, nothing synthesized', async () => {
    const work = tempFolder('main-remote-');
    const outdir = join(work, 'cdktf.out');
    const settingsFile = join(work, 'remote.yaml');
    writeFileSync(
      settingsFile,
      readFileSync(join(PROJECT_ROOT, 'config/default.yaml'), 'utf8').replace(
        'backend: { type: local }',
        'backend: { type: cloud, organization: acme, executionMode: remote }',
      ),
    );

    const { code, stdout, stderr } = await runCdktfApp(settingsFile, outdir);

    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        new RegExp(`^${settingsFile}: accounts\\.dev\\.profile: is not available with backend\\.executionMode remote`),
      ),
      expect.stringMatching(new RegExp(`^${settingsFile}: accounts\\.dev\\.assumeRoleArn: is required`)),
      expect.stringMatching(new RegExp(`^${settingsFile}: accounts\\.prod\\.profile: is not available`)),
      expect.stringMatching(new RegExp(`^${settingsFile}: accounts\\.prod\\.assumeRoleArn: is required`)),
    ]);
    expect(stdout + stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(outdir)).toBe(false);
  });

  it('synthesizes a valid file and prints its warnings on stderr', async () => {
    const work = tempFolder('main-warn-');
    const outdir = join(work, 'cdktf.out');
    const settingsFile = join(work, 'mixed.yaml');
    writeFileSync(
      settingsFile,
      readFileSync(join(PROJECT_ROOT, 'config/default.yaml'), 'utf8').replace(
        '{ name: Sri, groups: [Testers] }',
        '{ name: Sri, groups: [Developers, Testers] }',
      ),
    );

    const { code, stderr } = await runCdktfApp(settingsFile, outdir);

    expect(code).toBe(0);
    expect(stderr).toContain(
      `warning: ${settingsFile}: users[1].groups: "Sri" is allowed "S3ProductionAccessRole" by group Developers and denied it by group Testers: the deny wins`,
    );
    expect(readdirSync(outdir)).toContain('manifest.json');
  });
});
