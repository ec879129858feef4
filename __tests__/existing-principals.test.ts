import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readExistingResources, readStackPrincipals } from '../src/access';
import { formatSummary } from '../src/cli/summary-command';
import { parseSettings } from '../src/config';
import { formatJson, formatMarkdown, formatMermaid, formatTable, verifyStack } from '../src/verify';
import { problemLinesOf } from './support/settings-error';
import { CLEAN_ENV, PROJECT_ROOT } from './support/project';
import { synthesizeSettings, synthesizeSettingsFile, synthesizeYaml } from './support/synthesize';
import { adoptedSettingsYaml } from './support/adopted-settings';

type Blocks = Record<string, Record<string, Record<string, unknown>>>;

const ADOPTION = 'config/examples/existing-users-and-groups.yaml';
const adoption = synthesizeSettingsFile(ADOPTION).json;
const resources = adoption.resource as Blocks;
const data = adoption.data as Blocks;
const only = (blocks: Blocks, type: string) => Object.values(blocks[type] ?? {});
const addressOf = (type: string, name: string) =>
  `${type}.${Object.entries(resources[type]).find(([, r]) => r.name === name)![0]}`;

/** Two accounts, one role; the identity side as given. */
const settingsYaml = (identity: string) => `
accounts:
  dev: { id: "111111111111", profile: devadmin }
  prod: { id: "999999999999", profile: prodadmin }
roles:
  - { name: AppRole }
${identity}`;

describe('existing: reference', () => {
  it('creates no group or user for Developers and John, and reads them through data sources instead', () => {
    expect(only(resources, 'aws_iam_group').map((group) => group.name)).not.toContain('Developers');
    expect(only(resources, 'aws_iam_user').map((user) => user.name)).not.toContain('John');
    expect(only(data, 'aws_iam_group')).toContainEqual(
      expect.objectContaining({ group_name: 'Developers', provider: 'aws.dev' }),
    );
    expect(only(data, 'aws_iam_user')).toEqual([{ user_name: 'John', provider: 'aws.dev' }]);
  });

  it("puts Developers' own policy on the existing group by the data source's name, changing nothing else of it", () => {
    const [developers] = Object.keys(data.aws_iam_group).filter((name) => name.includes('Developers'));
    const policy = only(resources, 'aws_iam_group_policy').find((p) => String(p.group).includes('Developers'));
    expect(policy).toMatchObject({
      name: 'allow-assume-S3-role-in-production',
      group: `\${data.aws_iam_group.${developers}.group_name}`,
    });
  });

  it('trusts an existing user by the ARN its data source reads, so a user with a path is named right', () => {
    const { json } = synthesizeYaml(
      settingsYaml(`users:\n  - { name: John, existing: reference }`).replace(
        '{ name: AppRole }',
        '{ name: AppRole, trustedPrincipals: [John] }',
      ),
    );
    const [role] = only(json.resource as Blocks, 'aws_iam_role');
    const [john] = Object.keys((json.data as Blocks).aws_iam_user);
    expect(JSON.parse(String(role.assume_role_policy)).Statement[0].Principal).toEqual({
      AWS: `\${data.aws_iam_user.${john}.arn}`,
    });
  });
});

describe('existing: import', () => {
  it('keeps the group, user and role as resources and adopts each with an import block on its own provider', () => {
    const { json } = synthesizeYaml(
      settingsYaml(`
groups: [{ name: Analysts, existing: import }]
users: [{ name: Mary, existing: import, groups: [Analysts] }]`).replace(
        '{ name: AppRole }',
        '{ name: AppRole, existing: import }',
      ),
    );
    const blocks = json.resource as Blocks;
    const to = (type: string, name: string) =>
      `${type}.${Object.entries(blocks[type]).find(([, r]) => r.name === name)![0]}`;
    expect(json.import).toEqual([
      { to: to('aws_iam_group', 'Analysts'), id: 'Analysts', provider: 'aws.dev' },
      { to: to('aws_iam_user', 'Mary'), id: 'Mary', provider: 'aws.dev' },
      { to: to('aws_iam_role', 'AppRole'), id: 'AppRole', provider: 'aws.prod' },
    ]);
  });

  it('imports an existing managed assume policy by its ARN in the identity account', () => {
    const { json } = synthesizeYaml(
      settingsYaml(
        'users: [{ name: rehan, allowAssume: [AppRole], assumePolicy: { name: my-s3-x-account-policy, type: managed, existing: import } }]',
      ),
    );
    const [policy] = Object.keys((json.resource as Blocks).aws_iam_policy);
    expect(json.import).toEqual([
      {
        to: `aws_iam_policy.${policy}`,
        id: 'arn:aws:iam::111111111111:policy/my-s3-x-account-policy',
        provider: 'aws.dev',
      },
    ]);
  });

  it('adopts Testers and Sri of the adoption example and creates no other user or group', () => {
    expect(adoption.import).toEqual([
      { to: addressOf('aws_iam_group', 'Testers'), id: 'Testers', provider: 'aws.dev' },
      { to: addressOf('aws_iam_user', 'Sri'), id: 'Sri', provider: 'aws.dev' },
    ]);
    expect(only(resources, 'aws_iam_group').map((group) => group.name)).toEqual(['Testers']);
    expect(only(resources, 'aws_iam_user').map((user) => user.name)).toEqual(['Sri']);
  });
});

describe('memberships of existing users', () => {
  it('adds a membership the stack owns with the non-exclusive per-user resource, never the exclusive per-group one', () => {
    const { json } = synthesizeYaml(
      settingsYaml(`
groups: [{ name: Developers, allowAssume: [AppRole] }]
users: [{ name: David, existing: reference, groups: [Developers] }]`),
    );
    const blocks = json.resource as Blocks;
    const [david] = Object.keys((json.data as Blocks).aws_iam_user);
    expect(only(blocks, 'aws_iam_user_group_membership')).toEqual([
      expect.objectContaining({ user: `\${data.aws_iam_user.${david}.user_name}` }),
    ]);
    expect(blocks.aws_iam_group_membership).toBeUndefined();
  });

  it('creates nothing for memberships that already exist, and makes the plan check each on the group', () => {
    expect(resources.aws_iam_user_group_membership).toBeUndefined();
    const checks = only(data, 'aws_iam_group').map((group) => [
      group.group_name,
      (group.lifecycle as { postcondition: { condition: string }[] }).postcondition.map((p) => p.condition),
    ]);
    expect(checks).toEqual([
      ['Developers', ['${contains(self.users[*].user_name, "John")}']],
      // Testers is imported: a data source of its own reads its members while planning.
      ['Testers', ['${contains(self.users[*].user_name, "Sri")}']],
    ]);
  });

  it('reads the existing memberships back, so John gets the Developers policy and Sri the Testers one', async () => {
    const { users } = await readStackPrincipals(adoption);
    expect(users.map((user) => [user.name, user.groups, user.policies.map((policy) => policy.label)])).toEqual([
      ['John', ['Developers'], ['Developers/allow-assume-S3-role-in-production']],
      ['Sri', ['Testers'], ['Testers/deny-assume-S3-role-in-production']],
    ]);
    expect(readExistingResources(adoption).all.map(({ kind, name, how }) => `${kind} ${name} ${how}`)).toEqual([
      'group Testers import',
      'user Sri import',
      'group Developers reference',
      'user John reference',
    ]);
  });
});

describe('verify of existing principals', () => {
  const report = verifyStack(
    adoption,
    parseSettings(readFileSync(join(PROJECT_ROOT, ADOPTION), 'utf8'), ADOPTION).expectations,
  );
  const JOHN =
    'John: user John (reference), group Developers (reference) exist outside the stack; policies not managed here are not evaluated';
  const SRI =
    'Sri: user Sri (import), group Testers (import) exist outside the stack; policies not managed here are not evaluated';

  it('still decides John allowed and Sri denied from the policies the stack owns, and every expectation holds', async () => {
    const { matrix, problems } = await report;
    expect(matrix.assume.map((entry) => [entry.principal, entry.decision])).toEqual([
      ['John', 'Allowed'],
      ['Sri', 'ExplicitlyDenied'],
    ]);
    expect(problems).toEqual([]);
  });

  it('says for each existing principal, in the table, that policies not managed here are not evaluated', async () => {
    expect(formatTable(await report)).toContain(`  ${JOHN}\n  ${SRI}\n`);
  });

  it('says so in Markdown', async () => {
    expect(formatMarkdown(await report)).toContain(`- ${JOHN}\n- ${SRI}\n`);
  });

  it('says so in JSON, with what exists and how', async () => {
    const json = JSON.parse(formatJson(await report)) as { notEvaluated: { principal: string; note: string }[] };
    expect(json.notEvaluated).toEqual([
      expect.objectContaining({ principal: 'John', kind: 'user', note: JOHN }),
      expect.objectContaining({ principal: 'Sri', kind: 'user', note: SRI }),
    ]);
  });

  it('says so in the Mermaid graph, on each existing user, and marks existing groups', async () => {
    const mermaid = formatMermaid(await report);
    expect(mermaid).toContain(
      'user_John["user John (existing, reference)<br/>policies not managed here are not evaluated"]',
    );
    expect(mermaid).toContain(
      'user_Sri["user Sri (existing, import)<br/>policies not managed here are not evaluated"]',
    );
    expect(mermaid).toContain('group_Developers["group Developers (existing, reference)"]');
  });

  it('says nothing of the kind when the stack creates everyone', async () => {
    const created = await verifyStack(synthesizeSettingsFile('config/default.yaml').json, []);
    expect(created.notEvaluated).toEqual([]);
    expect(formatTable(created)).not.toContain('not evaluated');
  });

  it('says so for an imported role, whose other attached policies are unknown', async () => {
    const { json } = synthesizeYaml(
      settingsYaml('').replace('{ name: AppRole }', '{ name: AppRole, existing: import }'),
    );
    expect((await verifyStack(json, [])).notEvaluated.map((entry) => entry.note)).toEqual([
      'AppRole: role AppRole (import) exists outside the stack; policies not managed here are not evaluated',
    ]);
  });
});

describe('the synth summary of an adoption', () => {
  it('counts what is imported and what is only read apart from what is created', () => {
    const [dev] = formatSummary(adoption).split('\n\n');
    expect(dev.split('\n')[0]).toBe('dev (111111111111): 2 to create, 2 to import, 3 to read');
    expect(dev).toMatch(/^ {2}aws_iam_group +\S+ \(Testers\) {2}\[import\]$/m);
    expect(dev).toMatch(/^ {2}data\.aws_iam_user +\S+ \(John\) {2}\[read\]$/m);
    expect(dev).not.toMatch(/aws_iam_user_group_membership/);
  });
});

describe("each tutorial's story in accounts where its users and groups already exist", () => {
  const stories = [
    'config/default.yaml',
    'config/examples/acc-to-prod-s3.yaml',
    'config/examples/originating-to-destination.yaml',
    'config/examples/trusting-trusted-user-policy.yaml',
  ];

  it.each(stories)('%s synthesizes with no user, group or membership to create, and passes verify', async (file) => {
    const settings = parseSettings(adoptedSettingsYaml(file), file, CLEAN_ENV);
    const { json } = synthesizeSettings(settings);
    const created = Object.keys(json.resource ?? {});
    expect(
      created.filter((type) => ['aws_iam_user', 'aws_iam_group', 'aws_iam_user_group_membership'].includes(type)),
    ).toEqual([]);
    const report = await verifyStack(json, settings.expectations, settings.acknowledge);
    expect(report.problems).toEqual([]);
    expect(report.notEvaluated.map((entry) => entry.principal).sort()).toEqual(
      settings.users.map((u) => u.name).sort(),
    );
  });
});

/** Refused settings, one line each naming the key. */
describe('settings for existing principals', () => {
  it.each<[string, string, string]>([
    [
      'an unknown kind of existing',
      'groups: [{ name: G, existing: adopt }]',
      'bad.yaml: groups[0].existing: must be reference or import',
    ],
    [
      'a role that is only referenced',
      'roles: [{ name: AppRole, existing: reference }]',
      'bad.yaml: roles[0].existing: must be import: the stack writes the trust policy that decides who may assume the role, so it cannot merely reference one',
    ],
    [
      'existing memberships of a user the stack creates',
      'groups: [{ name: G, existing: reference }]\nusers: [{ name: U, existingMemberships: [G] }]',
      'bad.yaml: users[0].existingMemberships: "U" is created by the stack, so it has no memberships made outside it: set existing on the user, or list the groups under groups',
    ],
    [
      'an existing membership of a group the stack creates',
      'groups: [{ name: G }]\nusers: [{ name: U, existing: reference, existingMemberships: [G] }]',
      'bad.yaml: users[0].existingMemberships[0]: "G" is created by the stack, so no membership in it exists yet: list it under groups',
    ],
    [
      'a membership both owned and existing',
      'groups: [{ name: G, existing: import }]\nusers: [{ name: U, existing: import, groups: [G], existingMemberships: [G] }]',
      'bad.yaml: users[0].existingMemberships[0]: "G" is also in groups: a membership is either the stack\'s (groups) or made outside it, not both',
    ],
    [
      'an existing membership of an unknown group',
      'users: [{ name: U, existing: import, existingMemberships: [Nope] }]',
      'bad.yaml: users[0].existingMemberships[0]: "Nope": no group of that name is defined (groups: none)',
    ],
  ])('refuses %s', (_, identity, line) => {
    const yaml = identity.startsWith('roles:')
      ? settingsYaml('').replace('roles:\n  - { name: AppRole }', identity)
      : settingsYaml(identity);
    expect(problemLinesOf(yaml)).toEqual([line]);
  });
});
