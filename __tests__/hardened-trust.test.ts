import { readStackPrincipals } from '../src/access';
import { decide } from '../src/verify/access-matrix';
import { resolveTarget } from '../src/verify/principal-requests';
import { synthesizeSettingsFile } from './support/synthesize';

// The synthesized hardened example, evaluated by the access check (`verify`'s evaluator) as AWS evaluates
// sts:AssumeRole across accounts: the caller's identity policies and the role's trust policy.
const principals = readStackPrincipals(synthesizeSettingsFile('config/examples/hardened.yaml').json);

/** What a caller sends: signed in with MFA 10 minutes ago, the right external id, a session named after the user. */
function rightRequest(userName: string): Record<string, string> {
  return {
    'aws:MultiFactorAuthPresent': 'true',
    'aws:MultiFactorAuthAge': '600',
    'sts:ExternalId': 'a-shared-secret-id',
    'sts:RoleSessionName': userName,
  };
}

async function assumeRole(userName: string, context: Record<string, string>): Promise<string> {
  const { users, roles } = await principals;
  const user = users.find((candidate) => candidate.name === userName)!;
  return (await decide(user, 'sts:AssumeRole', resolveTarget('S3ProductionAccessRole', user, roles), context)).decision;
}

const without = (context: Record<string, string>, key: string) =>
  Object.fromEntries(Object.entries(context).filter(([k]) => k !== key));

describe('the hardened example, evaluated', () => {
  it('allows John, a trusted Developer, who brings everything the role asks for', async () => {
    expect(await assumeRole('John', rightRequest('John'))).toBe('Allowed');
    expect(await assumeRole('Priya', rightRequest('Priya'))).toBe('Allowed');
  });

  it.each<[string, Record<string, string>]>([
    ['MFA absent (signed in with a password or access keys only)', { 'aws:MultiFactorAuthPresent': 'false' }],
    ['MFA older than mfaMaxAgeSeconds', { 'aws:MultiFactorAuthAge': '3600' }],
    ['a wrong external id', { 'sts:ExternalId': 'guessed-id' }],
    ['a session name other than the user name', { 'sts:RoleSessionName': 'Priya' }],
  ])('denies John with %s', async (_what, change) => {
    expect(await assumeRole('John', { ...rightRequest('John'), ...change })).toBe('ImplicitlyDenied');
  });

  it.each(['aws:MultiFactorAuthPresent', 'sts:ExternalId', 'sts:RoleSessionName'])(
    'denies John when %s is missing from the request',
    async (key) => {
      expect(await assumeRole('John', without(rightRequest('John'), key))).toBe('ImplicitlyDenied');
    },
  );

  it('denies Sri, outside trustedPrincipals, even though Developers allows the role', async () => {
    const sri = (await principals).users.find((user) => user.name === 'Sri');
    expect(sri?.policies.map((policy) => policy.label)).toEqual(['Developers/AssumeCrossAccountRoles']);
    expect(await assumeRole('Sri', rightRequest('Sri'))).toBe('ImplicitlyDenied');
  });

  it('denies Tess explicitly through the Testers group', async () => {
    expect(await assumeRole('Tess', rightRequest('Tess'))).toBe('ExplicitlyDenied');
  });
});
