import { runSimulation } from '@cloud-copilot/iam-simulate';
import {
  listResources,
  listStackRoles,
  resolveReferences,
  type PolicyJson,
  type SynthesizedStackJson,
} from '../src/access';
import { synthesizeSettingsFile } from './support/synthesize';

// The synthesized hardened example, evaluated by @cloud-copilot/iam-simulate as AWS would evaluate
// sts:AssumeRole across accounts: the caller's identity policies and the role's trust policy.
const { json: stack } = synthesizeSettingsFile('config/examples/hardened.yaml');
const [role] = listStackRoles(stack);
const trustPolicy = asAws(role.trustPolicy) as PolicyJson;

/** A policy as AWS will read it: references resolved, `$${…}` unescaped. */
function asAws(value: unknown): unknown {
  return JSON.parse(resolveReferences(typeof value === 'string' ? value : JSON.stringify(value), stack));
}

/** A user's identity policies as synthesized: its groups' inline policies and its own. */
function identityPoliciesOf(stackJson: SynthesizedStackJson, userName: string) {
  const resources = listResources(stackJson).map((resource) => ({
    ...resource,
    attributes: asAws(JSON.stringify(resource.attributes)) as Record<string, unknown>,
  }));
  const groups = resources
    .filter((r) => r.type === 'aws_iam_user_group_membership' && r.attributes.user === userName)
    .flatMap((r) => r.attributes.groups as string[]);
  return resources
    .filter(
      (r) =>
        (r.type === 'aws_iam_group_policy' && groups.includes(String(r.attributes.group))) ||
        (r.type === 'aws_iam_user_policy' && r.attributes.user === userName),
    )
    .map((r) => ({ name: r.name, policy: asAws(String(r.attributes.policy)) }));
}

/** What a caller sends: signed in with MFA 10 minutes ago, the right external id, a session named after the user. */
function rightRequest(userName: string): Record<string, string> {
  return {
    'aws:username': userName,
    'aws:MultiFactorAuthPresent': 'true',
    'aws:MultiFactorAuthAge': '600',
    'sts:ExternalId': 'a-shared-secret-id',
    'sts:RoleSessionName': userName,
  };
}

async function assumeRole(userName: string, context: Record<string, string>): Promise<string> {
  const result = await runSimulation(
    {
      request: {
        principal: `arn:aws:iam::111111111111:user/${userName}`,
        action: 'sts:AssumeRole',
        resource: { resource: role.arn, accountId: role.accountId },
        contextVariables: context,
      },
      identityPolicies: identityPoliciesOf(stack, userName),
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      resourcePolicy: trustPolicy,
    },
    {},
  );
  if (result.resultType === 'error') throw new Error(JSON.stringify(result.errors));
  return result.overallResult;
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
    expect(identityPoliciesOf(stack, 'Sri')).toHaveLength(1);
    expect(await assumeRole('Sri', rightRequest('Sri'))).toBe('ImplicitlyDenied');
  });

  it('denies Tess explicitly through the Testers group', async () => {
    expect(await assumeRole('Tess', rightRequest('Tess'))).toBe('ExplicitlyDenied');
  });
});
