import { stringify } from 'yaml';
import { readStackPrincipals, type StackPrincipals, type StackUser } from '../src/access';
import type { SettingsInput } from '../src/config';
import { buildAccessMatrix, type AccessMatrix } from '../src/verify/access-matrix';
import { ONE_BY_ONE, SharedEvaluations } from '../src/verify/shared-evaluations';
import { PROJECT_SETTINGS_FILES } from './support/project';
import { synthesizeSettingsFile, synthesizeYaml } from './support/synthesize';

/** The matrix built both ways: sharing evaluations between users, and every request on its own. */
async function bothWays(principals: StackPrincipals) {
  const shared = new SharedEvaluations();
  const grouped = await buildAccessMatrix(principals, shared);
  const alone = await buildAccessMatrix(principals, ONE_BY_ONE);
  return { grouped, alone, counts: shared.counts };
}

/** Whether two users whose policies are the same documents got different answers on one role. */
function usersWithSamePoliciesDiffer(principals: StackPrincipals, matrix: AccessMatrix): boolean {
  const policiesOf = (user: StackUser) => JSON.stringify(user.policies.map((policy) => policy.document));
  const byPolicies = new Map<string, string[]>();
  for (const user of principals.users)
    byPolicies.set(policiesOf(user), [...(byPolicies.get(policiesOf(user)) ?? []), user.name]);
  return [...byPolicies.values()].some((names) =>
    principals.roles.some((role) => {
      const decisions = matrix.assume.filter((entry) => names.includes(entry.principal) && entry.target === role.name);
      return new Set(decisions.map((entry) => `${entry.decision} ${entry.because}`)).size > 1;
    }),
  );
}

/** A small deterministic generator (mulberry32), so each seed is the same stack every run. */
function randomOf(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MANAGED = [
  'arn:aws:iam::aws:policy/PowerUserAccess', // NotAction: allows sts:AssumeRole on everything
  'arn:aws:iam::aws:policy/IAMUserChangePassword', // ${aws:username} in an iam: statement
  'arn:aws:iam::aws:policy/ReadOnlyAccess',
];

/**
 * Settings in which users share policies in every way the stack allows, and in
 * which their names matter: roles that want the session named after the user,
 * roles that trust only some users, explicit denies, users' own allows, denies
 * and managed policies, adopted users and groups with memberships made outside the stack.
 */
function variedSettings(seed: number): SettingsInput {
  const random = randomOf(seed);
  const pick = <T>(list: readonly T[], chance: number) => list.filter(() => random() < chance);
  const users = Array.from({ length: 14 }, (_, i) => `user${i}`);
  const roles = Array.from({ length: 5 }, (_, i) => ({
    name: `role${i}`,
    account: i % 2 === 0 ? 'prod' : 'test',
    bucketAccess: [{ bucket: i % 2 === 0 ? 'prod-data' : 'test-data', access: 'read-only' as const }],
    ...(random() < 0.5 && { sessionNameMustMatchUser: true }),
    ...(random() < 0.4 && { requireMfa: true }),
    ...(random() < 0.3 && { externalId: `external-${i}` }),
    ...(random() < 0.4 && {
      trustedPrincipals: [users[i], users[(i + 3) % users.length], users[(i + 7) % users.length]],
    }),
  }));
  const roleNames = roles.map((role) => role.name);
  const split = (names: readonly string[]) => {
    const allowAssume = pick(names, 0.4);
    return { allowAssume, denyAssume: pick(names, 0.2).filter((name) => !allowAssume.includes(name)) };
  };
  const groups = Array.from({ length: 4 }, (_, i) => ({
    name: `group${i}`,
    ...split(roleNames),
    managedPolicyArns: pick(MANAGED, 0.3),
    ...(i === 3 && { existing: 'reference' as const }),
  }));
  // Few kinds of user, several of each, so that sharing has something to share.
  const kinds = Array.from({ length: 4 }, (_, i) => ({
    groups: pick(['group0', 'group1', 'group2'], 0.5),
    own: i === 1 ? split(roleNames) : { allowAssume: [], denyAssume: [] },
    managedPolicyArns: i === 2 ? pick(MANAGED, 0.5) : [],
  }));
  return {
    region: 'us-east-1',
    identityAccount: 'dev',
    accounts: { dev: { id: '111111111111' }, prod: { id: '999999999999' }, test: { id: '222222222222' } },
    buckets: [
      { name: 'prod-data', account: 'prod' },
      { name: 'test-data', account: 'test' },
    ],
    roles,
    groups,
    users: users.map((name, i) => {
      const kind = kinds[i % kinds.length];
      const adopted = i % 5 === 4;
      return {
        name,
        groups: kind.groups,
        ...kind.own,
        managedPolicyArns: kind.managedPolicyArns,
        ...(adopted && { existing: 'reference' as const, existingMemberships: ['group3'] }),
      };
    }),
  };
}

/** Every user also holds a policy that denies one of them by name: the same document, a different answer. */
function withDenyByUserName(principals: StackPrincipals, denied: string): StackPrincipals {
  const deny = {
    statements: [
      {
        sid: 'DenyOneUserByName',
        effect: 'Deny' as const,
        actions: ['sts:AssumeRole'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:username': denied } },
      },
    ],
  };
  return {
    ...principals,
    users: principals.users.map((user) => ({
      ...user,
      policies: [
        ...user.policies,
        {
          label: `${user.name}/DenyByName`,
          name: 'DenyByName',
          holder: { kind: 'user' as const, name: user.name },
          origin: 'inline' as const,
          document: deny,
        },
      ],
    })),
  };
}

/**
 * The principals of varied settings `seed` and their matrix built both ways, computed once per seed for the
 * whole file: several tests judge the same seeds.
 */
const variedCases = new Map<number, Promise<{ principals: StackPrincipals } & Awaited<ReturnType<typeof bothWays>>>>();
function varied(seed: number) {
  let found = variedCases.get(seed);
  if (!found) {
    found = (async () => {
      const principals = await readStackPrincipals(synthesizeYaml(stringify(variedSettings(seed))).json);
      return { principals, ...(await bothWays(principals)) };
    })();
    variedCases.set(seed, found);
  }
  return found;
}

describe('sharing one evaluation between users whose requests cannot differ', () => {
  it.each(PROJECT_SETTINGS_FILES)('decides every request of %s as evaluating each on its own does', async (file) => {
    const { grouped, alone } = await bothWays(await readStackPrincipals(synthesizeSettingsFile(file).json));
    expect(grouped).toEqual(alone);
  });

  it.each([1, 2, 3, 4, 5, 6])(
    'decides every request of varied settings %i (own policies, group combinations, denies, session names, trusted users, adopted users) as one by one',
    async (seed) => {
      const { grouped, alone, counts } = await varied(seed);
      expect(grouped).toEqual(alone);
      // Otherwise the comparison would prove nothing about sharing.
      expect(counts.evaluated).toBeLessThan(counts.asked);
    },
  );

  it('tells apart users with the same policies when their names decide (trusted users, session names)', async () => {
    const cases = await Promise.all(
      [1, 2, 3, 4, 5, 6].map(async (seed) => {
        const { principals, alone } = await varied(seed);
        return usersWithSamePoliciesDiffer(principals, alone);
      }),
    );
    // The varied settings are only a fair test if some of them hold such users.
    expect(cases).toContain(true);
  });

  it('denies by aws:username only the user named, though every user holds the same deny', async () => {
    const base = await readStackPrincipals(synthesizeYaml(stringify(variedSettings(1))).json);
    const principals = withDenyByUserName(base, 'user4');
    const { grouped, alone } = await bothWays(principals);
    expect(grouped).toEqual(alone);
    expect(usersWithSamePoliciesDiffer(principals, alone)).toBe(true);
    expect(
      grouped.assume
        .filter((entry) => entry.decision === 'ExplicitlyDenied' && entry.because.includes('DenyOneUserByName'))
        .map((entry) => entry.principal),
    ).toEqual(Array(principals.roles.length).fill('user4'));
  });

  it('names each user its own policy when the decision came from a shared evaluation', async () => {
    const { grouped } = await varied(2);
    for (const entry of grouped.assume)
      for (const reason of entry.deciding)
        if (reason.policyType === 'identity' && reason.policy?.includes('/') && reason.policy.startsWith('user'))
          expect(reason.policy.split('/')[0]).toBe(entry.principal);
  });
});

/** The roles' probes of `principals` alone, built both ways. */
async function probesBothWays(principals: StackPrincipals) {
  return bothWays({ ...principals, users: [] });
}

/** A boundary that allows everything but reading objects. */
const NO_OBJECT_READS = {
  statements: [
    { sid: 'All', effect: 'Allow' as const, actions: ['*'], resources: ['*'] },
    { sid: 'NoObjectReads', effect: 'Deny' as const, actions: ['s3:GetObject'], resources: ['*'] },
  ],
};

describe("sharing one evaluation between roles' probes that cannot differ", () => {
  it('shares the probes of roles of one account that ask alike, and decides them as one by one', async () => {
    const { principals } = await varied(1);
    const { grouped, alone, counts } = await probesBothWays(principals);
    expect(grouped).toEqual(alone);
    expect(counts.evaluated).toBeLessThan(counts.asked);
  });

  it('tells apart roles of one account whose permissions boundaries differ', async () => {
    const { principals } = await varied(1);
    const [bounded, ...others] = principals.roles.filter((role) => role.accountId === '999999999999');
    expect(others.length).toBeGreaterThan(0);
    const roles = principals.roles.map((role) =>
      role === bounded
        ? {
            ...role,
            permissionsBoundary: {
              label: 'NoObjectReads',
              name: 'NoObjectReads',
              holder: { kind: 'role' as const, name: role.name },
              origin: 'customer-managed' as const,
              document: NO_OBJECT_READS,
            },
          }
        : role,
    );
    const { grouped, alone } = await probesBothWays({ ...principals, roles });
    expect(grouped).toEqual(alone);
    const readsBy = (name: string) =>
      grouped.roleActions.find((entry) => entry.principal === name && entry.action === 's3:GetObject')?.decision;
    expect(readsBy(bounded.name)).toBe('ExplicitlyDenied');
    expect(others.map((role) => readsBy(role.name))).toContain('Allowed');
  });
});
