import { readStackPrincipals } from '../src/access';
import type { EvaluatedRequest, PairedRequest } from '../src/verify/access-diff';
import { decide } from '../src/verify/access-matrix';
import { explainChange } from '../src/verify/change-causes';
import { compliantAssumeContext, resolveTarget } from '../src/verify/principal-requests';
import { synthesizeSettingsFile } from './support/synthesize';

describe('explainChange', () => {
  it('says nothing when the statements that decided are the same on both sides', async () => {
    const principals = await readStackPrincipals(synthesizeSettingsFile('__tests__/fixtures/diff/base.yaml').json);
    const john = principals.users.find((user) => user.name === 'John')!;
    const [role] = principals.roles;
    const entry = await decide(
      john,
      'sts:AssumeRole',
      resolveTarget(role.arn, john, principals.roles),
      compliantAssumeContext(role, john),
    );
    expect(entry.decision).toBe('Allowed');
    // The same principal, role and policies on both sides, with a decision that differs for no reason they show.
    const before: EvaluatedRequest = { entry, principal: john, role };
    const after: EvaluatedRequest = {
      entry: { ...entry, decision: 'ImplicitlyDenied', deciding: [{ policyType: 'identity' }] },
      principal: john,
      role,
    };
    const request: PairedRequest = {
      principal: { before: john, after: john },
      principalKind: 'user',
      role: { before: role, after: role },
      action: 'sts:AssumeRole',
      resource: role.name,
      before,
      after,
    };
    expect(explainChange(request)).toEqual([]);
    // The same request with John no longer in Developers on the head: now there is a cause.
    const moved = { ...john, groups: [] };
    expect(explainChange({ ...request, after: { ...after, principal: moved } })).toEqual([
      'membership: John left Developers',
    ]);
  });
});
