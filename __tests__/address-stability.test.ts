import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, type YAMLSeq } from 'yaml';
import type { SynthesizedStackJson } from '../src/access';
import { PROJECT_SETTINGS_FILES } from './support/project';
import { synthesizeSettingsFile, synthesizeYaml } from './support/synthesize';

const FIXTURE = readFileSync(join(__dirname, 'fixtures/address-stability.yaml'), 'utf8');

/** Every Terraform address of the stack: `type.name` of each resource, `output.name` of each output. */
function addresses(stack: SynthesizedStackJson): string[] {
  return [
    ...Object.entries(stack.resource ?? {}).flatMap(([type, byName]) =>
      Object.keys(byName).map((name) => `${type}.${name}`),
    ),
    ...Object.keys(stack.output ?? {}).map((name) => `output.${name}`),
  ];
}

/**
 * Whether an address belongs to an entity (its construct id such as `user-Sri`):
 * cdktf names a resource after its construct path (`identity_user-Sri_user_1A2B3C4D`).
 */
function belongsTo(address: string, entity: string): boolean {
  const name = address.slice(address.indexOf('.') + 1);
  return (
    name.startsWith(`${entity}_`) ||
    name.includes(`_${entity}_`) ||
    (entity.startsWith('role-') && name === `role_${entity.slice(5)}`)
  );
}

/** Addresses, sorted, except those of one entity. */
function addressesApartFrom(stack: SynthesizedStackJson, entity?: string): string[] {
  return addresses(stack)
    .filter((address) => !entity || !belongsTo(address, entity))
    .sort();
}

/** The fixture, edited as a YAML document (so the variant is still a settings file). */
function editedFixture(edit: (lists: Record<'roles' | 'groups' | 'users', YAMLSeq>) => void): string {
  const document = parseDocument(FIXTURE);
  edit({
    roles: document.get('roles') as YAMLSeq,
    groups: document.get('groups') as YAMLSeq,
    users: document.get('users') as YAMLSeq,
  });
  return document.toString();
}

/** Removes a name from every list of names in the document that holds it (groups, allowAssume, …). */
function forgetName(lists: Record<string, YAMLSeq>, key: string, name: string): void {
  for (const list of Object.values(lists)) {
    for (const item of list.items as { get(k: string): unknown }[]) {
      const names = item.get(key) as YAMLSeq | undefined;
      const index = names?.items.findIndex((n) => String((n as { value: unknown }).value ?? n) === name) ?? -1;
      if (index >= 0) names!.delete(index);
    }
  }
}

const reversed = (list: YAMLSeq) => list.items.reverse();

describe('Terraform addresses', () => {
  const base = synthesizeYaml(FIXTURE).json;

  it('come from names: every user, group and role has its own construct path', () => {
    for (const id of ['user-John', 'user-Ana', 'group-Testers', 'role-ProdWriter', 'bucket-staging-app']) {
      expect(addresses(base).filter((address) => belongsTo(address, id)).length).toBeGreaterThan(0);
    }
  });

  // [change, entity whose own addresses may appear or disappear, edit]
  it.each<[string, string | undefined, Parameters<typeof editedFixture>[0]]>([
    ['adding a user', 'user-Zoe', ({ users }) => users.add({ name: 'Zoe', groups: ['Testers'] })],
    [
      'removing a user',
      'user-Priya',
      ({ users, roles }) => {
        users.delete(1);
        forgetName({ roles }, 'trustedPrincipals', 'Priya');
      },
    ],
    ['reordering the users', undefined, ({ users }) => reversed(users)],
    [
      'adding a group',
      'group-Operators',
      ({ groups }) => groups.add({ name: 'Operators', allowAssume: ['ProdReader'] }),
    ],
    [
      'removing a group',
      'group-Developers',
      ({ groups, users }) => {
        groups.delete(0);
        forgetName({ users }, 'groups', 'Developers');
      },
    ],
    ['reordering the groups', undefined, ({ groups }) => reversed(groups)],
    [
      'adding a role',
      'role-StagingReader',
      ({ roles }) =>
        roles.add({
          name: 'StagingReader',
          account: 'staging',
          bucketAccess: [{ bucket: 'staging-app', access: 'read-only' }],
        }),
    ],
    [
      'removing a role',
      'role-ProdReader',
      ({ roles, groups, users }) => {
        roles.delete(1);
        forgetName({ groups, users }, 'allowAssume', 'ProdReader');
      },
    ],
    ['reordering the roles', undefined, ({ roles }) => reversed(roles)],
  ])('stay the same for everything else when %s', (_change, entity, edit) => {
    const variant = synthesizeYaml(editedFixture(edit)).json;
    expect(addressesApartFrom(variant, entity)).toEqual(addressesApartFrom(base, entity));
    if (entity) expect(addressesApartFrom(variant)).not.toEqual(addressesApartFrom(base));
  });
});

describe('addresses from before accounts were part of them', () => {
  // What cross-account synthesized for config/default.yaml when addresses held no account.
  const ADDRESSES_BEFORE = [
    'aws_iam_group.identity_group-Developers_group_2A111A51',
    'aws_iam_group.identity_group-Testers_group_760758F0',
    'aws_iam_group_policy.identity_group-Developers_assume-roles_8C58CE05',
    'aws_iam_group_policy.identity_group-Testers_assume-roles_6CDDD73B',
    'aws_iam_policy.role-S3ProductionAccessRole_bucket-access-policy_70CBC25C',
    'aws_iam_role.role-S3ProductionAccessRole_role_1372E3C2',
    'aws_iam_role_policy_attachment.role-S3ProductionAccessRole_bucket-access-attachment_7729960E',
    'aws_iam_user.identity_user-John_user_12DE1112',
    'aws_iam_user.identity_user-Sri_user_FBA5349E',
    'aws_iam_user_group_membership.identity_user-John_groups_FD96E4A9',
    'aws_iam_user_group_membership.identity_user-Sri_groups_1200EDC7',
  ];

  it('are each moved to the address the resource has now, so an upgrade re-creates nothing', () => {
    const stack = synthesizeSettingsFile('config/default.yaml').json as SynthesizedStackJson & {
      readonly moved?: readonly { readonly from: string; readonly to: string }[];
    };
    const moved = stack.moved ?? [];
    expect(moved.map((move) => move.from).sort()).toEqual(ADDRESSES_BEFORE);
    expect(moved.map((move) => move.to).sort()).toEqual(
      // Every AWS resource; the settings file's record (terraform_data) came later and never moved.
      addresses(stack)
        .filter((a) => a.startsWith('aws_'))
        .sort(),
    );
    for (const { from, to } of moved) expect(to.split('.')[0]).toBe(from.split('.')[0]);
  });
});

describe('synthesis', () => {
  it('is deterministic: two runs give byte-identical JSON', () => {
    expect(synthesizeSettingsFile('config/examples/hardened.yaml').text).toBe(
      synthesizeSettingsFile('config/examples/hardened.yaml').text,
    );
    expect(synthesizeYaml(FIXTURE).text).toBe(synthesizeYaml(FIXTURE).text);
  });

  it.each(PROJECT_SETTINGS_FILES)('creates no access key or console password for %s (no secret in state)', (file) => {
    const { resource, data } = synthesizeSettingsFile(file).json;
    const types = Object.keys(resource ?? {});
    // Its users are created, or exist and are read.
    expect([...types, ...Object.keys(data ?? {})]).toContain('aws_iam_user');
    expect(types).not.toContain('aws_iam_access_key');
    expect(types).not.toContain('aws_iam_user_login_profile');
  });
});
