import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeProfiles } from '../src/cli/profiles-command';
import { UserError } from '../src/user-error';
import { cli } from './support/run-cli';
import { defaultWithRoleKeys, synthesizeFileToOutdir } from './support/synthesized-outdir';
import { PROJECT_ROOT } from './support/project';
import { tempFolder } from './support/temp-folder';

const CONFIG = join(PROJECT_ROOT, 'config/examples/acc-to-prod-s3.yaml');
const ENV = {};

const USER_CONFIG = `# David's profiles
[default]
region = eu-west-1

[profile acc]
sso_session = work
# keep this comment

[profile prod-s3]
role_arn = arn:aws:iam::222222222222:role/typo-role
source_profile = acc
output = json
`;

function configFolder(text?: string): { folder: string; file: string } {
  const folder = tempFolder('aws-config-');
  const file = join(folder, 'config');
  if (text !== undefined) writeFileSync(file, text);
  return { folder, file };
}

describe('cross-account profiles', () => {
  it('writes the tutorial 000 prod-s3 profile in place, keeps the rest, and backs up the file first', () => {
    const { folder, file } = configFolder(USER_CONFIG);
    const { report } = writeProfiles({ config: CONFIG, configFile: file }, ENV);

    expect(readFileSync(file, 'utf8')).toBe(`# David's profiles
[default]
region = eu-west-1

[profile acc]
sso_session = work
# keep this comment

[profile prod-s3]
role_arn = arn:aws:iam::222222222222:role/acc-to-read-prod-s3-bucket
source_profile = default
region = us-east-1
output = json
`);
    const backups = readdirSync(folder).filter((name) => name.endsWith('.bak'));
    expect(backups).toHaveLength(1);
    expect(readFileSync(join(folder, backups[0]), 'utf8')).toBe(USER_CONFIG);
    expect(report).toContain('updated   [profile prod-s3]');
  });

  it('prints the diff and writes nothing with --dry-run', () => {
    const { folder, file } = configFolder(USER_CONFIG);
    const diff = writeProfiles({ config: CONFIG, configFile: file, dryRun: true }, ENV).report;
    expect(diff).toContain('-role_arn = arn:aws:iam::222222222222:role/typo-role');
    expect(diff).toContain('+role_arn = arn:aws:iam::222222222222:role/acc-to-read-prod-s3-bucket');
    expect(readFileSync(file, 'utf8')).toBe(USER_CONFIG);
    expect(readdirSync(folder)).toEqual(['config']);
  });

  it('creates a missing config file (owner-only) from AWS_CONFIG_FILE, with no backup', () => {
    const { folder } = configFolder();
    const file = join(folder, 'nested', 'config');
    writeProfiles({ config: CONFIG }, { ...ENV, AWS_CONFIG_FILE: file });
    expect(readFileSync(file, 'utf8')).toContain('[profile prod-s3]\nrole_arn = ');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(folder, 'nested'))).toEqual(['config']);
  });

  it('leaves the file and writes no backup when the profiles are already there', () => {
    const { folder, file } = configFolder(USER_CONFIG);
    writeProfiles({ config: CONFIG, configFile: file }, ENV);
    const { report } = writeProfiles({ config: CONFIG, configFile: file }, ENV);
    expect(report).toContain('unchanged [profile prod-s3]');
    expect(readdirSync(folder).filter((name) => name.endsWith('.bak'))).toHaveLength(1);
  });

  it('adds mfa_serial, external_id and role_session_name for a role whose trust asks for them', () => {
    const outdir = synthesizeFileToOutdir('config/examples/hardened.yaml');
    const { file } = configFolder('');
    const config = join(PROJECT_ROOT, 'config/examples/hardened.yaml');
    writeProfiles({ config, configFile: file, outdir, user: 'John' }, {});
    expect(readFileSync(file, 'utf8')).toBe(`[profile S3ProductionAccessRole]
role_arn = arn:aws:iam::999999999999:role/S3ProductionAccessRole
source_profile = default
region = us-east-1
mfa_serial = arn:aws:iam::111111111111:mfa/John
external_id = a-shared-secret-id
role_session_name = John
`);
  });

  it('assumes the roles from the profile --source-profile names, never from the deploying one', () => {
    const { file } = configFolder('');
    writeProfiles({ config: CONFIG, configFile: file, sourceProfile: 'david' }, ENV);
    expect(readFileSync(file, 'utf8')).toContain(
      '[profile prod-s3]\nrole_arn = arn:aws:iam::222222222222:role/acc-to-read-prod-s3-bucket\nsource_profile = david\n',
    );
  });

  it('refuses a --source-profile that is not a profile name, writing nothing', () => {
    const { folder, file } = configFolder(USER_CONFIG);
    expect(() => writeProfiles({ config: CONFIG, configFile: file, sourceProfile: 'john\n[profile x]' }, ENV)).toThrow(
      new UserError(
        '--source-profile "john\\n[profile x]": must be an AWS profile name: letters, digits and _ - . / % @ : + only',
      ),
    );
    expect(readFileSync(file, 'utf8')).toBe(USER_CONFIG);
    expect(readdirSync(folder)).toEqual(['config']);
  });

  it.each([
    ['--user', { user: 'John Doe' }, '--user "John Doe": must be your IAM user name'],
    ['--mfa-serial', { mfaSerial: 'phone' }, '--mfa-serial must be an MFA device ARN'],
  ])('refuses a %s that AWS would not take, writing nothing', (_option, extra, message) => {
    const { folder, file } = configFolder(USER_CONFIG);
    expect(() => writeProfiles({ config: CONFIG, configFile: file, ...extra }, ENV)).toThrow(message);
    expect(readFileSync(file, 'utf8')).toBe(USER_CONFIG);
    expect(readdirSync(folder)).toEqual(['config']);
  });

  it('asks for --user when a role requires MFA and nobody is named', () => {
    const { config, outdir } = defaultWithRoleKeys('requireMfa: true');
    const { file } = configFolder('');
    expect(() => writeProfiles({ config, configFile: file, outdir }, {})).toThrow(
      new UserError(
        'role S3ProductionAccessRole requires MFA: pass --user <your IAM user name> or --mfa-serial <device ARN>',
      ),
    );
  });

  it('refuses a --role that is not in the settings, listing those that are', () => {
    const { file } = configFolder('');
    expect(() => writeProfiles({ config: CONFIG, configFile: file, role: ['prod-s4'] }, ENV)).toThrow(
      `role "prod-s4" is not in ${CONFIG}; its roles: acc-to-read-prod-s3-bucket`,
    );
  });
});

describe('cross-account profiles on a file the AWS CLI reads oddly', () => {
  let outdir: string;
  beforeAll(() => {
    outdir = synthesizeFileToOutdir('config/examples/acc-to-prod-s3.yaml');
  });
  /** `cross-account profiles` writing `file`, from the stack of acc-to-prod-s3.yaml. */
  const profiles = (file: string, ...extra: string[]) =>
    cli(
      'profiles',
      '--config-file',
      file,
      '--outdir',
      outdir,
      '--config',
      'config/examples/acc-to-prod-s3.yaml',
      ...extra,
    );

  it('writes the other profiles, says which one is in the file twice, and exits 1', async () => {
    const twice = `${USER_CONFIG}\n[profile  prod-s3]\nregion = eu-west-1\n`;
    const { folder, file } = configFolder(twice);
    const result = await profiles(file);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('duplicate [profile prod-s3]\n' + `${file}: no changes\n`);
    expect(result.stderr).toBe(
      '[profile prod-s3] is in the file 2 times (lines 9 and 14), so it was left as it is: keep one of them and run profiles again\n',
    );
    expect(readFileSync(file, 'utf8')).toBe(twice);
    expect(readdirSync(folder)).toEqual(['config']);
  });

  it('keeps an inline comment on a managed key, warns that the AWS CLI reads it as part of the value, and exits 0', async () => {
    const { file } = configFolder(USER_CONFIG.replace('source_profile = acc', 'source_profile = acc # David'));
    const result = await profiles(file, '--source-profile', 'acc');
    expect(result.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('\nsource_profile = acc # David\n');
    expect(result.stderr).toBe(
      'warning: line 11: [profile prod-s3] source_profile keeps its comment "# David", but the AWS CLI reads it as part of the value: put the comment on a line of its own\n',
    );
  });
});
