import type { Command } from 'commander';
import { join } from 'node:path';
import { buildProgram, SUBCOMMANDS } from '../src/cli/main';
import { cli } from './support/run-cli';
import { PROJECT_ROOT } from './support/project';
import { synthesizeFileToOutdir } from './support/synthesized-outdir';

/** Every registered subcommand: a subcommand added later is walked too. */
const names = Object.keys(SUBCOMMANDS);
let subcommands: readonly Command[] = [];
beforeAll(async () => {
  subcommands = (await buildProgram()).commands;
});
/** `summary` reads cdktf.out, `cache` the credential cache: neither reads a settings file. */
const readsSettings = (name: string) => name !== 'summary' && name !== 'cache';

/** `--help` of a subcommand, as a user sees it. */
async function help(name: string): Promise<string> {
  const { code, stdout } = await cli(name, '--help');
  expect(code).toBe(0);
  return stdout;
}

/** The required options of a subcommand, each given a dummy value, so that it gets as far as reading its settings. */
function requiredArgs(name: string): string[] {
  const command = subcommands.find((candidate) => candidate.name() === name)!;
  // revoke needs one of --role and --all, which commander cannot mark as required.
  const oneOf = name === 'revoke' ? ['--all'] : [];
  return [...command.options.filter((option) => option.mandatory).flatMap((option) => [option.long!, 'x']), ...oneOf];
}

describe('every cross-account subcommand', () => {
  it('cross-account --help lists them and ends with examples', async () => {
    const { code, stdout } = await cli('--help');
    expect(code).toBe(0);
    for (const name of names) expect(stdout).toMatch(new RegExp(`^ {2}${name} `, 'm'));
    expect(stdout).toMatch(/\nExamples:\n( {2}\$ .*cross-account .*\n)+$/);
  });

  it('is walked: the walk finds the commands the README tours', () => {
    expect(subcommands.map((command) => command.name())).toEqual(names);
    expect(names).toEqual(
      expect.arrayContaining(['check', 'summary', 'profiles', 'assume', 'smoke', 'console-url', 'verify', 'diff']),
    );
  });

  it.each(names)('%s: --help ends with an example of the command', async (name) => {
    expect(await help(name)).toMatch(new RegExp(`\\nExamples?:\\n(  \\$ .*cross-account ${name}\\b.*\\n)+$`));
  });

  it.each(names.filter(readsSettings))(
    '%s: takes --config, with the same default and help as every other',
    async (name) => {
      const line = (await help(name)).match(/^ {2}--config <file> .*(\n {4,}.*)*$/m)?.[0];
      expect(line?.trim().replace(/\s+/g, ' ')).toBe(
        '--config <file> settings file (default: "config/default.yaml", env: CROSS_ACCOUNT_CONFIG)',
      );
    },
  );

  it.each(names.filter(readsSettings))('%s: reads the settings file --config names', async (name) => {
    const missing = join(PROJECT_ROOT, 'config/no-such-settings.yaml');
    const { code, stderr } = await cli(name, ...requiredArgs(name), '--config', missing);
    expect(code).toBe(1);
    expect(stderr).toContain(missing);
  });

  it('summary alone reads no settings: it reads the stack in cdktf.out, whoever synthesized it', async () => {
    const outdir = synthesizeFileToOutdir('config/examples/acc-to-prod-s3.yaml');
    const { code, stdout, stderr } = await cli('summary', '--outdir', outdir);
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).toMatch(/owned by config\/examples\/acc-to-prod-s3\.yaml\n$/);
    expect((await help('summary')).includes('--config')).toBe(false);
  });

  it.each(names)('%s: an unknown option is one line that names the valid ones', async (name) => {
    const { code, stderr } = await cli(name, ...requiredArgs(name), '--frmat', 'json');
    expect(code).toBe(1);
    const [line, ...rest] = stderr.trimEnd().split('\n');
    expect(rest).toEqual([]);
    expect(line).toMatch(
      new RegExp(
        `^error: unknown option '--frmat'.*; cross-account ${name} takes (--[a-z-]+, )${name === 'cache' ? '*' : '+'}--help$`,
      ),
    );
    if (readsSettings(name)) expect(line).toContain('--config');
  });

  it('an unknown command is one line that names the commands', async () => {
    const { code, stderr } = await cli('verfy');
    expect(code).toBe(1);
    expect(stderr).toBe(
      `error: unknown command 'verfy' (did you mean verify?); the commands are ${names.join(', ')}\n`,
    );
  });
});

describe('a missing --role', () => {
  const withRequiredRole = () => names.filter((name) => requiredArgs(name).includes('--role'));

  it('is required by the commands that use one role', () => {
    expect(withRequiredRole()).toEqual(['assume', 'smoke', 'console', 'console-url']);
  });

  it('names the roles of the settings file', async () => {
    const config = 'config/examples/three-target-accounts.yaml';
    for (const name of withRequiredRole()) {
      const { code, stderr } = await cli(name, '--config', config);
      expect([name, code]).toEqual([name, 1]);
      expect(stderr).toMatch(
        new RegExp(
          `^error: required option '--role <[a-z|]+>' not specified; the roles of ${config}: ` +
            'ProdAuditor, ProdOperator, ProdReportReader, SandboxPowerUser, StagingDeployer\n$',
        ),
      );
    }
  });

  it('names the roles of the stack --outdir reads', async () => {
    const outdir = synthesizeFileToOutdir('config/examples/acc-to-prod-s3.yaml');
    for (const name of withRequiredRole()) {
      const { code, stderr } = await cli(name, '--outdir', outdir, '--config', 'config/examples/acc-to-prod-s3.yaml');
      expect([name, code]).toEqual([name, 1]);
      expect(stderr).toBe(
        `error: required option '--role <${name === 'console-url' ? 'name' : 'name|arn'}>' not specified; ` +
          `the roles of the stack in ${outdir} (synthesized from config/examples/acc-to-prod-s3.yaml): acc-to-read-prod-s3-bucket\n`,
      );
    }
  });
});
