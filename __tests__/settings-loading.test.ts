import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSettings, MAX_SETTINGS_FILE_BYTES, parseSettings, settingsFileFromEnvironment } from '../src/config';
import { tempFolder } from './support/temp-folder';
import { problemLinesOf } from './support/settings-error';
import { PROJECT_ROOT } from './support/project';

const defaultYaml = readFileSync(join(PROJECT_ROOT, 'config/default.yaml'), 'utf8');

describe('the default settings', () => {
  it('tell tutorial 004: John in Developers may assume the role, Sri in Testers is denied', () => {
    const settings = loadSettings(join(PROJECT_ROOT, 'config/default.yaml'), {});
    expect(settings.identityAccount).toBe('dev');
    expect(settings.accounts).toEqual({
      dev: { id: '111111111111', profile: 'dev' },
      prod: { id: '999999999999', profile: 'prod' },
    });
    expect(settings.groups.map((g) => [g.name, g.allowAssume, g.denyAssume])).toEqual([
      ['Developers', ['S3ProductionAccessRole'], []],
      ['Testers', [], ['S3ProductionAccessRole']],
    ]);
    expect(settings.users.map((u) => [u.name, u.groups])).toEqual([
      ['John', ['Developers']],
      ['Sri', ['Testers']],
    ]);
  });

  it('come from config/default.yaml unless CROSS_ACCOUNT_CONFIG names another file', () => {
    expect(settingsFileFromEnvironment({})).toBe('config/default.yaml');
    expect(settingsFileFromEnvironment({ CROSS_ACCOUNT_CONFIG: 'config/examples/acc-to-prod-s3.yaml' })).toBe(
      'config/examples/acc-to-prod-s3.yaml',
    );
  });
});

describe('defaults of optional keys', () => {
  const minimal = [
    'accounts:',
    '  dev: { id: "111111111111" }',
    '  prod: { id: "999999999999" }',
    'roles:',
    '  - name: Reader',
    'groups:',
    '  - { name: Readers, allowAssume: [Reader] }',
  ].join('\n');

  it('fills region, identity account, role account, session length, assume policy, source profile, backend and tags', () => {
    const settings = parseSettings(minimal, 'minimal.yaml', {});
    expect(settings.region).toBe('us-east-1');
    expect(settings.identityAccount).toBe('dev');
    expect(settings.roles[0]).toEqual({
      name: 'Reader',
      account: 'prod',
      bucketAccess: [],
      managedPolicyArns: [],
      maxSessionDuration: 3600,
      revokeSessionsBefore: null,
      requireMfa: false,
      sessionNameMustMatchUser: false,
      permissionsBoundaryArn: null,
      // Derived once, right after validation:
      policyName: 'ReaderPolicy',
      profileName: 'Reader',
      displayName: 'prod-Reader',
    });
    expect(settings.groups[0]).toEqual({
      name: 'Readers',
      allowAssume: ['Reader'],
      denyAssume: [],
      assumePolicy: { name: 'AssumeCrossAccountRoles', type: 'inline' },
      managedPolicyArns: [],
    });
    expect(settings.sourceProfile).toBe('default');
    expect(settings.backend).toEqual({ type: 'local', path: '../../../terraform.cross-account-minimal.tfstate' });
    expect(settings.settingsFile).toBe('minimal.yaml');
    expect(settings.tags).toEqual({});
    expect(settings.buckets).toEqual([]);
    expect(settings.users).toEqual([]);
  });
});

describe('a settings file that cannot be right', () => {
  it('names the line of a YAML syntax error', () => {
    expect(problemLinesOf('region: us-east-1\naccounts:\n  dev: { id: "111111111111" }}\n')).toEqual([
      expect.stringMatching(/^bad\.yaml: line 3, column \d+: YAML syntax error: /),
    ]);
  });

  it.each([
    ['empty', ''],
    ['only comments', '# to be written\n'],
  ])('says in one line what an %s file needs, and where to start from', (_kind, yaml) => {
    expect(problemLinesOf(yaml)).toEqual([
      'bad.yaml: the settings file is empty: it needs at least `accounts` (two or more); start from a copy of config/default.yaml',
    ]);
  });

  it.each([
    ['a list', '- dev\n- prod\n', 'a list'],
    ['one value', 'accounts\n', 'a string'],
  ])('says in one line that a file holding %s is not settings', (_kind, yaml, what) => {
    expect(problemLinesOf(yaml)).toEqual([
      `bad.yaml: the settings file holds ${what}, not settings: it must be keys and values (region, accounts, roles, …), as in config/default.yaml`,
    ]);
  });

  it('names only the missing accounts, not the identity account that cannot be found in them', () => {
    expect(problemLinesOf('region: us-east-1\n')).toEqual(['bad.yaml: accounts: is required (expected record)']);
  });

  it('refuses an unknown key instead of ignoring it', () => {
    expect(problemLinesOf(defaultYaml.replace('denyAssume:', 'denyAsume:'))).toEqual([
      'bad.yaml: groups[1].denyAsume: unknown key',
    ]);
  });

  it('names a missing required key', () => {
    expect(
      problemLinesOf(defaultYaml.replace('  - name: S3ProductionAccessRole\n', '  - profileName: s3\n')),
    ).toContain('bad.yaml: roles[0].name: is required (expected string)');
  });

  it('refuses an 11-digit account id such as tutorial 004 prints', () => {
    expect(problemLinesOf(defaultYaml.replace('"999999999999"', '"99999999999"'))).toEqual([
      'bad.yaml: accounts.prod.id: must be exactly 12 digits (AWS account ids have 12)',
    ]);
  });

  it('names a role a group refers to that is not defined', () => {
    expect(
      problemLinesOf(defaultYaml.replace('allowAssume: [S3ProductionAccessRole]', 'allowAssume: [S3ProdAccessRole]')),
    ).toEqual([
      'bad.yaml: groups[0].allowAssume[0]: "S3ProdAccessRole": no role of that name is defined (roles: S3ProductionAccessRole)',
    ]);
  });

  it('names a group a user refers to that is not defined', () => {
    expect(problemLinesOf(defaultYaml.replace('groups: [Testers]', 'groups: [QA]'))).toEqual([
      'bad.yaml: users[1].groups[0]: "QA": no group of that name is defined (groups: Developers, Testers)',
    ]);
  });

  it('names a bucket a role refers to that is not defined, and an undefined identity account', () => {
    const yaml = defaultYaml
      .replace('{ bucket: productionapp,', '{ bucket: prodapp,')
      .replace('identityAccount: dev', 'identityAccount: development');
    expect(problemLinesOf(yaml)).toEqual([
      'bad.yaml: identityAccount: "development": no account of that name is defined (accounts: dev, prod)',
      'bad.yaml: roles[0].bucketAccess[0].bucket: "prodapp": no bucket of that name is defined (buckets: productionapp)',
    ]);
  });

  it('reports every problem at once, in file order', () => {
    const yaml = defaultYaml
      .replace('"111111111111"', '"1111"')
      .replace('maxSessionDuration: 3600', 'maxSessionDuration: 60');
    expect(problemLinesOf(yaml)).toEqual([
      'bad.yaml: accounts.dev.id: must be exactly 12 digits (AWS account ids have 12)',
      'bad.yaml: roles[0].maxSessionDuration: must be at least 3600 seconds',
    ]);
  });

  it('says when the file does not exist', () => {
    expect(() => loadSettings('no/such/settings.yaml', {})).toThrow(
      'no/such/settings.yaml: cannot read the settings file: no such file',
    );
  });

  it('refuses a file over the size limit by its size, before parsing it', () => {
    const file = join(tempFolder('settings-size-'), 'huge.yaml');
    // Not YAML at all: a syntax error in the message would mean the file was parsed.
    writeFileSync(file, `${defaultYaml}\n: : : [\n${'#'.repeat(MAX_SETTINGS_FILE_BYTES)}`);
    expect(() => loadSettings(file, {})).toThrow(
      new RegExp(
        `^${file}: the settings file is 4\\.0 MiB: settings files are limited to 4\\.0 MiB \\(split the stack`,
      ),
    );
  });

  it('refuses a folder given as the settings file', () => {
    const folder = tempFolder('settings-folder-');
    expect(() => loadSettings(folder, {})).toThrow(
      `${folder}: cannot read the settings file: it is not a regular file`,
    );
  });
});
