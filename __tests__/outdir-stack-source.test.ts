import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSynthesizedStack } from '../src/access';
import { STACK_NAME } from '../src/stack';
import { cli } from './support/run-cli';
import { PROJECT_ROOT } from './support/project';
import { synthesizeFileToOutdir } from './support/synthesized-outdir';

const DEFAULT_CONFIG = join(PROJECT_ROOT, 'config/default.yaml');

/** Five expectations, one role (`acc-to-read-prod-s3-bucket`), user David: nothing in common with the default settings. */
const OTHER = 'config/examples/acc-to-prod-s3.yaml';

describe('a command that reads a synthesized stack (--outdir) takes everything from that stack', () => {
  it('records the settings file and its expectations in the metadata of the synthesized JSON', () => {
    const stack = readSynthesizedStack(synthesizeFileToOutdir(OTHER), STACK_NAME) as { '//'?: { metadata?: unknown } };
    expect(stack['//']?.metadata).toMatchObject({
      settings: {
        file: OTHER,
        expectations: expect.arrayContaining([
          { principal: 'David', can: 'sts:AssumeRole', on: 'acc-to-read-prod-s3-bucket', context: {} },
        ]),
      },
    });
  });

  it("verify checks the stack's own expectations, and says the stack is not --config's", async () => {
    const outdir = synthesizeFileToOutdir(OTHER);
    const { code, stdout, stderr } = await cli('verify', '--config', DEFAULT_CONFIG, '--outdir', outdir);
    expect(stderr).toBe(
      `${outdir} holds the stack of ${OTHER}, not of config/default.yaml (--config): its roles and expectations are used\n`,
    );
    expect(stdout).toContain('Expectations: all 6 hold');
    expect(stdout).toMatch(/^ {2}0 +David +can +sts:AssumeRole +acc-to-read-prod-s3-bucket +Allowed$/m);
    expect(code).toBe(0);
  });

  it("verify judges review findings by the stack's own acknowledgements, not --config's", async () => {
    const acknowledged = '__tests__/fixtures/review/admin-role-acknowledged.yaml';
    const outdir = synthesizeFileToOutdir(acknowledged);
    const { code, stdout } = await cli('verify', '--config', DEFAULT_CONFIG, '--outdir', outdir);
    expect(stdout).toContain('Review findings: 1, acknowledged');
    expect(code).toBe(0);
  });

  it('verify says nothing more when the stack is the one --config synthesizes', async () => {
    const outdir = synthesizeFileToOutdir(OTHER);
    const { code, stderr } = await cli('verify', '--config', join(PROJECT_ROOT, OTHER), '--outdir', outdir);
    expect([code, stderr]).toEqual([0, '']);
  });

  it('console-url names the stack, not the settings, for a role it does not hold', async () => {
    const outdir = synthesizeFileToOutdir(OTHER);
    const { code, stderr } = await cli(
      'console-url',
      '--config',
      join(PROJECT_ROOT, OTHER),
      '--outdir',
      outdir,
      '--role',
      'S3ProductionAccessRole',
    );
    expect(code).toBe(1);
    expect(stderr).toBe(
      `role "S3ProductionAccessRole" is not in the stack in ${outdir} (synthesized from ${OTHER}); its roles: acc-to-read-prod-s3-bucket\n`,
    );
  });

  it("console-url prints the stack's link for its role even when --config holds other roles", async () => {
    const outdir = synthesizeFileToOutdir(OTHER);
    const { code, stdout, stderr } = await cli(
      'console-url',
      '--config',
      DEFAULT_CONFIG,
      '--outdir',
      outdir,
      '--role',
      'acc-to-read-prod-s3-bucket',
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/^https:\/\/signin\.aws\.amazon\.com\/switchrole\?roleName=acc-to-read-prod-s3-bucket&/);
    expect(stderr).toContain(`${outdir} holds the stack of ${OTHER}, not of config/default.yaml (--config)`);
  });

  it('verify refuses a stack synthesized before stacks recorded their settings, in one line; console-url still reads it', async () => {
    const outdir = synthesizeFileToOutdir(OTHER);
    const file = join(outdir, 'stacks', STACK_NAME, 'cdk.tf.json');
    const json = JSON.parse(readFileSync(file, 'utf8'));
    delete json['//'].metadata.settings;
    writeFileSync(file, JSON.stringify(json));

    const verify = await cli('verify', '--outdir', outdir);
    expect([verify.code, verify.stdout, verify.stderr]).toEqual([
      1,
      '',
      `the stack in ${outdir} records no settings file and no expectations (synthesized by an older version): run \`npm run synth\` again\n`,
    ]);
    const url = await cli('console-url', '--outdir', outdir, '--role', 'nobody');
    expect([url.code, url.stderr]).toEqual([
      1,
      `role "nobody" is not in the stack in ${outdir}; its roles: acc-to-read-prod-s3-bucket\n`,
    ]);
  });
});
