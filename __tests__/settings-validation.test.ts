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
    // Strings that reach ~/.aws/config: AWS's profile grammar, one line each.
    [
      'profile with a line break that would inject a config section running a program',
      settingsWith({
        accounts: `accounts:\n  dev: { id: '111111111111', profile: "dev-x\\n[profile dev-x]\\ncredential_process = /path/evil.sh" }\n  prod: { id: '999999999999' }`,
      }),
      'accounts.dev.profile',
      /holds a control character \(U\+000A, a line break\): settings values are one line of text$/,
    ],
    [
      'profile with a space',
      settingsWith({
        accounts: "accounts:\n  dev: { id: '111111111111', profile: 'dev x' }\n  prod: { id: '999999999999' }",
      }),
      'accounts.dev.profile',
      /must be an AWS profile name: letters, digits and _ - \. \/ % @ : \+ only \(what the AWS SDKs read in a config file\)/,
    ],
    [
      'profile with a ]',
      settingsWith({
        accounts: "accounts:\n  dev: { id: '111111111111', profile: 'dev]' }\n  prod: { id: '999999999999' }",
      }),
      'accounts.dev.profile',
      /must be an AWS profile name/,
    ],
    [
      'profile with an =',
      settingsWith({
        accounts: "accounts:\n  dev: { id: '111111111111', profile: 'a=b' }\n  prod: { id: '999999999999' }",
      }),
      'accounts.dev.profile',
      /must be an AWS profile name/,
    ],
    [
      'profile with a ; (a comment to the AWS CLI)',
      settingsWith({
        accounts: "accounts:\n  dev: { id: '111111111111', profile: 'dev;x' }\n  prod: { id: '999999999999' }",
      }),
      'accounts.dev.profile',
      /must be an AWS profile name/,
    ],
    [
      'profile with a #',
      settingsWith({
        accounts: "accounts:\n  dev: { id: '111111111111', profile: 'dev#1' }\n  prod: { id: '999999999999' }",
      }),
      'accounts.dev.profile',
      /must be an AWS profile name/,
    ],
    [
      'profile named __proto__',
      settingsWith({
        accounts: "accounts:\n  dev: { id: '111111111111', profile: __proto__ }\n  prod: { id: '999999999999' }",
      }),
      'accounts.dev.profile',
      /"__proto__" cannot be a profile name: the AWS SDK for JavaScript refuses it/,
    ],
    [
      'profileName with a [',
      settingsWith({ roles: role("profileName: 'prod[s3'") }),
      'roles[0].profileName',
      /must be an AWS profile name/,
    ],
    [
      'region with a line break that would inject a config section',
      settingsWith({ extra: 'region: "us-east-1\\n[profile x]\\ncredential_process = /path/evil.sh"' }),
      'region',
      /holds a control character \(U\+000A, a line break\)/,
    ],
    [
      'region with a # (a comment to the AWS CLI)',
      settingsWith({ extra: "region: 'us-east-1#x'" }),
      'region',
      /must be an AWS region such as us-east-1/,
    ],
    [
      'sourceProfile with a [',
      settingsWith({ extra: "sourceProfile: 'people[x'" }),
      'sourceProfile',
      /must be an AWS profile name/,
    ],
    [
      'external id with a ; (a comment to the AWS CLI)',
      settingsWith({ roles: role("externalId: 'ab;cd'") }),
      'roles[0].externalId',
      /only letters, digits and \+=,\.@:\/_-/,
    ],
    [
      'displayName with a line break',
      settingsWith({ roles: role('displayName: "Prod\\n[profile x]"') }),
      'roles[0].displayName',
      /holds a control character \(U\+000A, a line break\)/,
    ],
    [
      'identity account key with a line break',
      settingsWith({ extra: 'identityAccount: "dev\\n[profile x]"' }),
      'identityAccount',
      /holds a control character \(U\+000A, a line break\)/,
    ],
    // Collisions and reserved names, naming both keys.
    [
      'profileName equal to the profile the role is assumed from (a loop)',
      settingsWith({ extra: 'sourceProfile: people', roles: role('profileName: people') }),
      'roles[0].profileName',
      /^"people" is also the profile the role is assumed from \(sourceProfile\): the profile would assume itself, which the AWS CLI refuses; choose another profileName$/,
    ],
    [
      'profileName "default" when sourceProfile is not set (the role is assumed from default)',
      settingsWith({ roles: role('profileName: default') }),
      'roles[0].profileName',
      /^"default" is also the profile the role is assumed from \(sourceProfile, by default\)/,
    ],
    [
      'two roles with one profileName',
      settingsWith({
        roles: `${role('profileName: prod-s3')}\n  - { name: Other, profileName: prod-s3 }`,
      }),
      'roles[1].profileName',
      /^"prod-s3" is already the profile of role "S3ProductionAccessRole" \(roles\[0\]\): one profile can assume one role$/,
    ],
    [
      "a role whose profile (its name) is another role's profileName",
      settingsWith({ roles: `${role('profileName: Other')}\n  - { name: Other }` }),
      'roles[1].name',
      /^"Other" is already the profile of role "S3ProductionAccessRole" \(roles\[0\]\)/,
    ],
    [
      'two roles whose Terraform output names collide (ops.admin, ops_admin)',
      settingsWith({ roles: `${role('requireMfa: false')}\n  - { name: ops.admin }\n  - { name: ops_admin }` }),
      'roles[2].name',
      /^"ops_admin" has the same Terraform output name \(role_ops_admin\) as role "ops\.admin" \(roles\[1\]\): rename one$/,
    ],
    [
      'account key __proto__ (it would silently vanish)',
      settingsWith({
        accounts:
          "accounts:\n  dev: { id: '111111111111' }\n  prod: { id: '999999999999' }\n  __proto__: { id: '222222222222' }",
      }),
      'accounts.__proto__',
      /^"__proto__" cannot be a key: JavaScript reserves it/,
    ],
    [
      'tag key __proto__',
      settingsWith({ extra: 'tags: { __proto__: x }' }),
      'tags.__proto__',
      /^"__proto__" cannot be a key: JavaScript reserves it/,
    ],
    [
      'identity account toString that is not an account',
      settingsWith({ extra: 'identityAccount: toString' }),
      'identityAccount',
      /"toString": no account of that name is defined \(accounts: dev, prod\)/,
    ],
    [
      'role account constructor that is not an account',
      settingsWith({ roles: role('account: constructor') }),
      'roles[0].account',
      /"constructor": no account of that name is defined/,
    ],
    [
      'bucket account valueOf that is not an account',
      settingsWith({ buckets: 'buckets:\n  - { name: productionapp, account: valueOf }' }),
      'buckets[0].account',
      /"valueOf": no account of that name is defined/,
    ],
    [
      'YAML alias bomb',
      `a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n${settingsWith()}tags: { x: *d }\n`,
      '',
      /^YAML aliases expand to more than \d+ copies \(a resource exhaustion attack, or a file to write out\)/,
    ],
    // Validation gaps.
    [
      'revokeSessionsBefore on a day that does not exist (2026-02-30)',
      settingsWith({ roles: role("revokeSessionsBefore: '2026-02-30T12:00:00Z'") }),
      'roles[0].revokeSessionsBefore',
      /^"2026-02-30T12:00:00Z" is not a real time: 2026-02 has no day 30$/,
    ],
    [
      'revokeSessionsBefore at hour 24 (read as the next day)',
      settingsWith({ roles: role("revokeSessionsBefore: '2026-11-24T24:00:00Z'") }),
      'roles[0].revokeSessionsBefore',
      /is not a real time: hours run from 00 to 23/,
    ],
    [
      'revokeSessionsBefore in the future, not acknowledged',
      settingsWith({ roles: role("revokeSessionsBefore: '2099-01-01T00:00:00Z'") }),
      'roles[0].revokeSessionsBefore',
      /is in the future: every session of the role, new ones included, is denied until then; set acknowledgeFutureRevocation: true on the role if that is meant$/,
    ],
    [
      'acknowledgeFutureRevocation without revokeSessionsBefore',
      settingsWith({ roles: role('acknowledgeFutureRevocation: true') }),
      'roles[0].acknowledgeFutureRevocation',
      /is set but revokeSessionsBefore is not/,
    ],
    [
      'tag key starting with aws:',
      settingsWith({ extra: 'tags: { "aws:owner": platform }' }),
      'tags.aws:owner',
      /must not start with aws: \(AWS reserves the prefix\)/,
    ],
    [
      'tag key starting with AWS: (any case)',
      settingsWith({ extra: 'tags: { "AWS:Owner": platform }' }),
      'tags.AWS:Owner',
      /must not start with aws:/,
    ],
    [
      'tag key over 128 characters',
      settingsWith({ extra: `tags: { ${'k'.repeat(129)}: v }` }),
      `tags.${'k'.repeat(129)}`,
      /tag keys are 1 to 128 characters/,
    ],
    [
      'tag value over 256 characters',
      settingsWith({ extra: `tags: { Owner: ${'v'.repeat(257)} }` }),
      'tags.Owner',
      /tag values are at most 256 characters/,
    ],
    [
      'tag value with a Terraform expression reading a file of the deploying machine',
      settingsWith({ extra: `tags: { Owner: '\${file("/etc/hostname")}' }` }),
      'tags.Owner',
      /may contain only letters, digits, spaces and _ \. : \/ = \+ - @ \(what AWS accepts in tags\)/,
    ],
    [
      'tag value with a Terraform reference (cc-${team})',
      settingsWith({ extra: "tags: { CostCenter: 'cc-${team}' }" }),
      'tags.CostCenter',
      /may contain only letters, digits, spaces and _ \. : \/ = \+ - @/,
    ],
    [
      'tag key with a character AWS refuses',
      settingsWith({ extra: "tags: { 'cost{center}': x }" }),
      'tags.cost{center}',
      /may contain only letters, digits, spaces and _ \. : \/ = \+ - @/,
    ],
    [
      'more than 50 tags',
      settingsWith({ extra: `tags: { ${Array.from({ length: 51 }, (_, i) => `t${i}: v`).join(', ')} }` }),
      'tags',
      /at most 50 tags \(an IAM role or user holds no more\), got 51/,
    ],
    [
      'two tag keys that differ only in case (one tag to IAM)',
      settingsWith({ extra: 'tags: { CostCenter: a, costcenter: b }' }),
      'tags.costcenter',
      /is tag "CostCenter" again: IAM roles and users read tag keys without regard to case/,
    ],
    [
      'bucket name with the amzn-s3-demo- prefix',
      settingsWith({ buckets: extraBucket('amzn-s3-demo-logs') }),
      'buckets[1].name',
      /must not start with xn--, sthree- or amzn-s3-demo-/,
    ],
    [
      "string holding cdktf's token marker (cdktf would turn it into a reference)",
      settingsWith({ extra: "backend: { type: local, path: 'state-${TfToken[TOKEN.1]}.tfstate' }" }),
      'backend.path',
      /holds "\{TfToken\[", which cdktf would replace with a reference to another resource/,
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
