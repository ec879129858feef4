import { evaluateRequest } from '../src/verify';
import {
  evaluatorResourceTypesModule,
  rememberResourceTypes,
  remembersResourceTypes,
  type ResourceTypesModule,
} from '../src/verify/resource-type-memo';

/** A module whose lookup answers with the arguments it was asked, counting the calls (and refusing `Nope`). */
function countingModule(): ResourceTypesModule & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    getResourceTypesForAction: async (service, action, resource) => {
      calls.push(`${service}:${action} ${resource}`);
      if (action === 'Nope') throw new Error(`${service}:${action} does not exist`);
      return [{ service, action, resource }];
    },
  };
}

describe("remembering the evaluator's resource types", () => {
  it("holds in the evaluator's own module once the evaluator is loaded (a new version that moves it fails here)", async () => {
    const module = evaluatorResourceTypesModule();
    expect(module).toBeDefined();
    expect(remembersResourceTypes(module!)).toBe(true);
    // And the evaluator still decides through it.
    const decision = await evaluateRequest({
      principal: 'arn:aws:iam::111111111111:user/John',
      action: 'sts:AssumeRole',
      resource: 'arn:aws:iam::999999999999:role/Reader',
      resourceAccountId: '999999999999',
      identityPolicies: [],
    });
    expect(decision.decision).toBe('ImplicitlyDenied');
  });

  it('asks once for each service, action and resource, and answers each time as the first', async () => {
    const module = countingModule();
    rememberResourceTypes(module);
    const role = 'arn:aws:iam::999999999999:role/Reader';
    const first = await module.getResourceTypesForAction('sts', 'AssumeRole', role);
    expect(await module.getResourceTypesForAction('sts', 'AssumeRole', role)).toBe(first);
    expect(first).toEqual([{ service: 'sts', action: 'AssumeRole', resource: role }]);
    await module.getResourceTypesForAction('sts', 'AssumeRole', 'arn:aws:iam::999999999999:role/Writer');
    await module.getResourceTypesForAction('sts', 'TagSession', role);
    await module.getResourceTypesForAction('sts', 'AssumeRole', role);
    expect(module.calls).toEqual([
      `sts:AssumeRole ${role}`,
      'sts:AssumeRole arn:aws:iam::999999999999:role/Writer',
      `sts:TagSession ${role}`,
    ]);
  });

  it('tells apart resources that a joined key would confuse', async () => {
    const module = countingModule();
    rememberResourceTypes(module);
    await module.getResourceTypesForAction('s3', 'GetObject', 'arn:aws:s3:::a\nb');
    await module.getResourceTypesForAction('s3', 'GetObject\narn:aws:s3:::a', 'b');
    expect(module.calls).toHaveLength(2);
  });

  it('refuses an unknown action each time it is asked, as the original does', async () => {
    const module = countingModule();
    rememberResourceTypes(module);
    await expect(module.getResourceTypesForAction('s3', 'Nope', '*')).rejects.toThrow('s3:Nope does not exist');
    await expect(module.getResourceTypesForAction('s3', 'Nope', '*')).rejects.toThrow('s3:Nope does not exist');
  });

  it('remembers through one layer only, however often it is installed', async () => {
    const module = countingModule();
    rememberResourceTypes(module);
    const remembering = module.getResourceTypesForAction;
    rememberResourceTypes(module);
    expect(module.getResourceTypesForAction).toBe(remembering);
    expect(remembersResourceTypes(countingModule())).toBe(false);
  });
});
