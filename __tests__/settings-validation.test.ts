import { findSettingsWarnings, parseSettings, type SettingsProblem } from '../src/config';
import { settingsErrorOf } from './support/settings-error';

/** A small valid settings file, section by section, so each case replaces only what it is about. */
const VALID_SECTIONS = {
  accounts: `accounts:
  dev: { id: '111111111111' }
  prod: { id: '999999999999' }`,
  buckets: `buckets:
  - { name: productionapp }`,
  roles: `roles:
  - { name: S3ProductionAccessRole, bucketAccess: [{ bucket: productionapp, access: read-write }] }`,
  groups: `groups:
  - { name: Developers, allowAssume: [S3ProductionAccessRole] }
  - { name: Testers, denyAssume: [S3ProductionAccessRole] }`,
  users: `users:
  - { name: John, groups: [Developers] }
  - { name: Sri, groups: [Testers] }`,
};

/** The valid file with some sections replaced (or extra top-level lines appended). */
function settingsWith(sections: Partial<typeof VALID_SECTIONS> & { readonly extra?: string } = {}): string {
  return `${Object.values({ ...VALID_SECTIONS, ...sections }).join('\n')}\n`;
}

const role = (keys: string) =>
  `roles:\n  - { name: S3ProductionAccessRole, bucketAccess: [{ bucket: productionapp, access: read-write }], ${keys} }`;
const extraBucket = (name: string) => `buckets:\n  - { name: productionapp }\n  - { name: '${name}' }`;

function problemsOf(yaml: string, env: NodeJS.ProcessEnv = {}): readonly SettingsProblem[] {
  return settingsErrorOf(yaml, env)?.settingsProblems ?? [];
}

describe('a bad settings file', () => {
  it('is a valid file to begin with', () => {
    expect(problemsOf(settingsWith())).toEqual([]);
  });

  // [what, settings, key path, gist of the message, environment]
  it.each<[string, string, string, RegExp, NodeJS.ProcessEnv?]>([
    [
      'YAML syntax error, with its line',
      settingsWith({ users: 'users:\n  - name: John: Smith' }),
      '',
      /^line 12, column \d+: YAML syntax error/,
    ],
    [
      'unknown key (a typo)',
      settingsWith({
        groups: 'groups:\n  - { name: Developers, allowAsume: [S3ProductionAccessRole] }\n  - { name: Testers }',
      }),
      'groups[0].allowAsume',
      /unknown key/,
    ],
    ['unknown top-level key', settingsWith({ extra: 'identity: dev' }), 'identity', /unknown key/],
    [
      'account id of 11 digits (tutorial 004)',
      settingsWith({ accounts: "accounts:\n  dev: { id: '111111111111' }\n  prod: { id: '99999999999' }" }),
      'accounts.prod.id',
      /exactly 12 digits/,
    ],
    [
      'account id not in quotes',
      settingsWith({ accounts: "accounts:\n  dev: { id: '111111111111' }\n  prod: { id: 999999999999 }" }),
      'accounts.prod.id',
      /12-digit account id in quotes/,
    ],
    [
      'two accounts with the same id',
      settingsWith({ accounts: "accounts:\n  dev: { id: '111111111111' }\n  prod: { id: '111111111111' }" }),
      'accounts.prod.id',
      /already the id of account "dev"/,
    ],
    [
      'identity account not defined',
      settingsWith({ extra: 'identityAccount: staging' }),
      'identityAccount',
      /"staging": no account of that name/,
    ],
    [
      'role account not defined',
      settingsWith({ roles: role('account: production') }),
      'roles[0].account',
      /"production": no account of that name/,
    ],
    [
      'undefined role in a group',
      settingsWith({
        groups: 'groups:\n  - { name: Developers, allowAssume: [S3ProdAccessRole] }\n  - { name: Testers }',
      }),
      'groups[0].allowAssume[0]',
      /"S3ProdAccessRole": no role of that name/,
    ],
    [
      'undefined role in a user',
      settingsWith({ users: 'users:\n  - { name: John, groups: [Developers], denyAssume: [Nope] }' }),
      'users[0].denyAssume[0]',
      /"Nope": no role of that name/,
    ],
    [
      'undefined group',
      settingsWith({ users: 'users:\n  - { name: John, groups: [Developer] }' }),
      'users[0].groups[0]',
      /"Developer": no group of that name/,
    ],
    [
      'undefined bucket',
      settingsWith({
        roles: 'roles:\n  - { name: S3ProductionAccessRole, bucketAccess: [{ bucket: prodapp, access: read-only }] }',
      }),
      'roles[0].bucketAccess[0].bucket',
      /"prodapp": no bucket of that name/,
    ],
    [
      'duplicate user names, ignoring case',
      settingsWith({ users: 'users:\n  - { name: John }\n  - { name: john }' }),
      'users[1].name',
      /already defined at users\[0\]/,
    ],
    [
      'duplicate group names',
      settingsWith({ groups: 'groups:\n  - { name: Developers }\n  - { name: Developers }', users: 'users: []' }),
      'groups[1].name',
      /already defined at groups\[0\]/,
    ],
    [
      'duplicate role names',
      settingsWith({
        roles: 'roles:\n  - { name: R }\n  - { name: R, policyName: Other }',
        groups: 'groups: []',
        users: 'users: []',
      }),
      'roles[1].name',
      /already defined at roles\[0\]/,
    ],
    [
      'duplicate bucket names',
      settingsWith({ buckets: 'buckets:\n  - { name: productionapp }\n  - { name: productionapp }' }),
      'buckets[1].name',
      /already defined at buckets\[0\]/,
    ],
    [
      'role name over 64 characters',
      settingsWith({ roles: `roles:\n  - { name: ${'R'.repeat(65)} }`, groups: 'groups: []', users: 'users: []' }),
      'roles[0].name',
      /at most 64 characters/,
    ],
    [
      'user name over 64 characters',
      settingsWith({ users: `users:\n  - { name: ${'u'.repeat(65)} }` }),
      'users[0].name',
      /at most 64 characters/,
    ],
    [
      'group name over 128 characters',
      settingsWith({ groups: `groups:\n  - { name: ${'G'.repeat(129)} }`, users: 'users: []' }),
      'groups[0].name',
      /at most 128 characters/,
    ],
    [
      'policy name over 128 characters',
      settingsWith({ roles: role(`policyName: ${'P'.repeat(129)}`) }),
      'roles[0].policyName',
      /at most 128 characters/,
    ],
    [
      'IAM name with a space',
      settingsWith({ users: "users:\n  - { name: 'John Smith' }" }),
      'users[0].name',
      /only letters, digits and \+=,\.@_-/,
    ],
    [
      'bucket name with capitals',
      settingsWith({ buckets: extraBucket('Logs') }),
      'buckets[1].name',
      /lowercase letters, digits, dots and hyphens/,
    ],
    ['bucket name too short', settingsWith({ buckets: extraBucket('ab') }), 'buckets[1].name', /3 to 63 characters/],
    [
      'bucket name with two adjacent dots',
      settingsWith({ buckets: extraBucket('logs..prod') }),
      'buckets[1].name',
      /two adjacent dots/,
    ],
    [
      'bucket name formatted as an IP address',
      settingsWith({ buckets: extraBucket('192.168.5.4') }),
      'buckets[1].name',
      /IP address/,
    ],
    [
      'bucket name with the xn-- prefix',
      settingsWith({ buckets: extraBucket('xn--logs') }),
      'buckets[1].name',
      /must not start with xn--/,
    ],
    [
      'bucket name with the -s3alias suffix',
      settingsWith({ buckets: extraBucket('logs-s3alias') }),
      'buckets[1].name',
      /must not end with -s3alias/,
    ],
    [
      'maxSessionDuration under 3600',
      settingsWith({ roles: role('maxSessionDuration: 900') }),
      'roles[0].maxSessionDuration',
      /at least 3600 seconds/,
    ],
    [
      'maxSessionDuration over 43200',
      settingsWith({ roles: role('maxSessionDuration: 86400') }),
      'roles[0].maxSessionDuration',
      /at most 43200 seconds/,
    ],
    [
      'mfaMaxAgeSeconds without requireMfa',
      settingsWith({ roles: role('mfaMaxAgeSeconds: 3600') }),
      'roles[0].mfaMaxAgeSeconds',
      /requireMfa is not: set requireMfa: true/,
    ],
    [
      'requireMfa that is not a boolean',
      settingsWith({ roles: role("requireMfa: 'yes'") }),
      'roles[0].requireMfa',
      /expected boolean/,
    ],
    [
      'external id of one character',
      settingsWith({ roles: role('externalId: x') }),
      'roles[0].externalId',
      /2 to 1224 characters/,
    ],
    [
      'external id over 1224 characters',
      settingsWith({ roles: role(`externalId: ${'x'.repeat(1225)}`) }),
      'roles[0].externalId',
      /2 to 1224 characters/,
    ],
    [
      'external id with a character AWS refuses',
      settingsWith({ roles: role("externalId: 'shared secret!'") }),
      'roles[0].externalId',
      /only letters, digits and \+=,\.@:\/_-/,
    ],
    [
      'revokeSessionsBefore that is not ISO-8601',
      settingsWith({ roles: role("revokeSessionsBefore: 'yesterday 5pm'") }),
      'roles[0].revokeSessionsBefore',
      /ISO-8601 time with a zone/,
    ],
    [
      'revokeSessionsBefore without a zone',
      settingsWith({ roles: role("revokeSessionsBefore: '2026-11-24T12:00:00'") }),
      'roles[0].revokeSessionsBefore',
      /ISO-8601 time with a zone/,
    ],
    [
      'trusted principal that is not a user',
      settingsWith({ roles: role('trustedPrincipals: [Jon]') }),
      'roles[0].trustedPrincipals[0]',
      /"Jon": no user of that name is defined \(users: John, Sri\)/,
    ],
    [
      'empty trustedPrincipals',
      settingsWith({ roles: role('trustedPrincipals: []') }),
      'roles[0].trustedPrincipals',
      /at least one user; leave it out/,
    ],
    [
      'permissions boundary that is not a policy ARN',
      settingsWith({ roles: role('permissionsBoundaryArn: AmazonS3FullAccess') }),
      'roles[0].permissionsBoundaryArn',
      /IAM policy ARN/,
    ],
    [
      'group that allows and denies the same role',
      settingsWith({
        groups:
          'groups:\n  - { name: Developers, allowAssume: [S3ProductionAccessRole], denyAssume: [S3ProductionAccessRole] }\n  - { name: Testers }',
      }),
      'groups[0].denyAssume[0]',
      /"S3ProductionAccessRole" is also in allowAssume: a group either allows a role or denies it/,
    ],
    [
      'user that allows and denies the same role',
      settingsWith({
        users:
          'users:\n  - { name: John, allowAssume: [S3ProductionAccessRole], denyAssume: [S3ProductionAccessRole] }',
      }),
      'users[0].denyAssume[0]',
      /also in allowAssume: a user either allows/,
    ],
    [
      'acknowledgement without a reason',
      settingsWith({ extra: 'acknowledge: [{ finding: admin-access, principal: John }]' }),
      'acknowledge[0].reason',
      /is required/,
    ],
    [
      'acknowledgement of a finding verify does not raise',
      settingsWith({ extra: 'acknowledge: [{ finding: admin, principal: John, reason: break glass }]' }),
      'acknowledge[0].finding',
      /"admin" is not a review finding \(findings: admin-access, /,
    ],
    [
      'acknowledgement for a principal that is not defined',
      settingsWith({ extra: 'acknowledge: [{ finding: admin-access, principal: Jon, reason: break glass }]' }),
      'acknowledge[0].principal',
      /"Jon": no user or role of that name is defined/,
    ],
  ])('is refused for a %s, naming the key path', (_what, yaml, path, gist, env = {}) => {
    const problems = problemsOf(yaml, env);
    expect(problems).toEqual([{ path, message: expect.stringMatching(gist) }]);
    expect(problems[0].message).not.toContain('\n');
  });

  it('reports schema and cross-reference problems together, in one error', () => {
    const problems = problemsOf(
      settingsWith({
        accounts: "accounts:\n  dev: { id: '11111111111' }\n  prod: { id: '999999999999' }",
        roles: role('maxSessionDuration: 60, mfaMaxAgeSeconds: 300'),
        groups: 'groups:\n  - { name: Developers, allowAssume: [S3ProdAccessRole] }\n  - { name: Testers }',
      }),
    );
    expect(problems.map((problem) => problem.path)).toEqual([
      'accounts.dev.id',
      'roles[0].maxSessionDuration',
      'roles[0].mfaMaxAgeSeconds',
      'groups[0].allowAssume[0]',
    ]);
  });

  it('names the file and the key path on each line of the message', () => {
    expect(() => parseSettings(settingsWith({ roles: role('externalId: x') }), 'config/bad.yaml', {})).toThrow(
      /^config\/bad\.yaml: roles\[0\]\.externalId: must be 2 to 1224 characters$/,
    );
  });
});

describe('a settings file that is valid but probably not what was meant', () => {
  it('warns that the deny wins for a user in a group that allows and one that denies the same role', () => {
    const settings = parseSettings(
      settingsWith({
        users: 'users:\n  - { name: John, groups: [Developers] }\n  - { name: Sri, groups: [Developers, Testers] }',
      }),
      'mixed.yaml',
      {},
    );
    expect(findSettingsWarnings(settings)).toEqual([
      {
        path: 'users[1].groups',
        message:
          '"Sri" is allowed "S3ProductionAccessRole" by group Developers and denied it by group Testers: the deny wins, so Sri cannot assume it',
      },
    ]);
  });

  it('warns that a trusted principal whom nothing allows to assume the role cannot assume it', () => {
    const settings = parseSettings(settingsWith({ roles: role('trustedPrincipals: [John, Sri]') }), 'trust.yaml', {});
    expect(findSettingsWarnings(settings)).toEqual([
      {
        path: 'roles[0].trustedPrincipals[1]',
        message:
          '"Sri" is trusted but no group of theirs nor their own policy allows "S3ProductionAccessRole": add it to an allowAssume, or Sri cannot assume it',
      },
    ]);
  });

  it('gives no warning when each user is only allowed or only denied', () => {
    expect(findSettingsWarnings(parseSettings(settingsWith(), 'ok.yaml', {}))).toEqual([]);
  });
});
