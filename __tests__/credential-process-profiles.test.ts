import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { assertWritableSection } from '../src/aws-config/config-file-grammar';
import { credentialProcessCommand } from '../src/aws-config/credential-process-command';
import { writeProfiles } from '../src/cli/profiles-command';
import { UserError } from '../src/user-error';
import { startLocalSts, type LocalSts } from '../tools/loopback/local-sts';
import { loopbackAwsEnvironment } from '../tools/loopback/loopback-aws-env';
import { PROJECT_ROOT } from './support/project';
import { synthesizeFileToOutdir } from './support/synthesized-outdir';
import { tempFolder } from './support/temp-folder';

const run = promisify(execFile);
const HARDENED = 'config/examples/hardened.yaml';
const PROGRAM = { node: '/usr/local/bin/node', script: '/home/john/cross-account/bin/cross-account.js' };

function configFile(text?: string): string {
  const file = join(tempFolder('aws-config-'), 'config');
  if (text !== undefined) writeFileSync(file, text);
  return file;
}

describe('cross-account profiles --credential-process', () => {
  it("writes a profile whose credential_process assumes the role by ARN, from the role's source profile, with its MFA device and external id", () => {
    const file = configFile();
    const outdir = synthesizeFileToOutdir(HARDENED);
    writeProfiles(
      { config: join(PROJECT_ROOT, HARDENED), configFile: file, outdir, user: 'John', credentialProcess: true },
      {},
      PROGRAM,
    );
    expect(readFileSync(file, 'utf8')).toBe(`[profile S3ProductionAccessRole]
credential_process = /usr/local/bin/node /home/john/cross-account/bin/cross-account.js assume --role arn:aws:iam::999999999999:role/S3ProductionAccessRole --format credential-process --config ${join(PROJECT_ROOT, HARDENED)} --profile default --serial-number arn:aws:iam::111111111111:mfa/John --external-id a-shared-secret-id
region = us-east-1
`);
  });

  it('replaces role_arn, source_profile and mfa_serial of a profile written before, keeping the keys that are yours', () => {
    const file = configFile(`[profile S3ProductionAccessRole]
role_arn = arn:aws:iam::999999999999:role/S3ProductionAccessRole
source_profile = default
region = us-east-1
output = json
`);
    writeProfiles(
      { config: join(PROJECT_ROOT, 'config/default.yaml'), configFile: file, credentialProcess: true },
      {},
      PROGRAM,
    );
    expect(readFileSync(file, 'utf8')).toBe(`[profile S3ProductionAccessRole]
credential_process = /usr/local/bin/node /home/john/cross-account/bin/cross-account.js assume --role arn:aws:iam::999999999999:role/S3ProductionAccessRole --format credential-process --config ${join(PROJECT_ROOT, 'config/default.yaml')} --profile default
region = us-east-1
output = json
`);
  });

  it('quotes a path with a space, and refuses one that a shell would read another way, writing nothing', () => {
    expect(credentialProcessCommand(['/Users/John Doe/bin/node', 'assume'])).toBe('"/Users/John Doe/bin/node" assume');
    for (const path of ['/home/$USER/node', '/tmp/a"b/node', '/tmp/`id`/node', '/tmp/a;b/node', '/tmp/a#b/node']) {
      expect(() => credentialProcessCommand([path])).toThrow(UserError);
    }
    const file = configFile('[default]\nregion = eu-west-1\n');
    expect(() =>
      writeProfiles(
        { config: join(PROJECT_ROOT, 'config/default.yaml'), configFile: file, credentialProcess: true },
        {},
        { node: '/opt/$(reboot)/node', script: PROGRAM.script },
      ),
    ).toThrow(
      new UserError(
        'cannot write "/opt/$(reboot)/node" into a credential_process command: its words may hold letters, digits, spaces and _ - / . @ : + = , only',
      ),
    );
    expect(readFileSync(file, 'utf8')).toBe('[default]\nregion = eu-west-1\n');
  });

  it.each([
    ['a command after a semicolon', '/usr/bin/node cli.js; curl evil'],
    ['a command substitution', '/usr/bin/node $(id)'],
    ['an unclosed quote', '"/usr/bin/node cli.js'],
    ['two spaces, which no written command has', '/usr/bin/node  cli.js'],
    ['a line break', '/usr/bin/node\n[profile evil]'],
  ])('the config file check refuses a credential_process holding %s', (_what, value) => {
    expect(() => assertWritableSection({ name: 'profile x', entries: [['credential_process', value]] })).toThrow(
      /^refusing to write \[profile x\] to the AWS config file: the credential_process /,
    );
  });

  describe('read by the AWS SDK', () => {
    let sts: LocalSts;
    beforeAll(async () => {
      sts = await startLocalSts({ issuedKeys: { accessKeyId: 'ASIAROLESESSION', secretAccessKey: 'role-secret' } });
    });
    afterAll(() => sts.close());

    it('gives the SDK the role credentials: the SDK runs the command, which assumes the role from the source profile', async () => {
      const folder = tempFolder('credential-process-sdk-');
      const config = join(folder, 'config');
      writeProfiles(
        { config: join(PROJECT_ROOT, 'config/default.yaml'), configFile: config, credentialProcess: true },
        {},
        { node: process.execPath, script: join(PROJECT_ROOT, 'bin/cross-account.js') },
      );
      // The source profile's own keys, where `--profile default` finds them.
      const credentials = join(folder, 'credentials');
      writeFileSync(
        credentials,
        '[default]\naws_access_key_id = AKIDSOURCEPROFILE\naws_secret_access_key = source-secret\n',
      );

      // The SDK in a process of its own, whose environment the command it runs inherits.
      const sdk =
        "require('@aws-sdk/credential-providers').fromIni({ profile: 'S3ProductionAccessRole' })().then((c) => process.stdout.write(JSON.stringify(c)))";
      const { stdout } = await run(process.execPath, ['-e', sdk], {
        cwd: PROJECT_ROOT,
        env: {
          PATH: process.env.PATH,
          ...loopbackAwsEnvironment({ sts: sts.endpoint }),
          AWS_CONFIG_FILE: config,
          AWS_SHARED_CREDENTIALS_FILE: credentials,
          XDG_CACHE_HOME: join(folder, 'cache'),
        },
      });

      const assumed = sts.requests.filter((request) => request.action === 'AssumeRole');
      expect(assumed.map((request) => [request.accessKeyId, request.params.RoleArn])).toEqual([
        ['AKIDSOURCEPROFILE', 'arn:aws:iam::999999999999:role/S3ProductionAccessRole'],
      ]);
      const provided = JSON.parse(stdout);
      expect(provided).toMatchObject({ accessKeyId: 'ASIAROLESESSION', secretAccessKey: 'role-secret' });
      expect(provided.sessionToken).toMatch(/^local-session-token-\d+$/);
      expect(new Date(provided.expiration).getTime()).toBeGreaterThan(Date.now());
    }, 30_000);
  });
});
