import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SynthesizedStackJson } from '../src/access';
import { stateAfterApply, type OfflinePlanResult, type TerraformStateJson } from '../tools/terraform';
import { synthesizeYaml } from './support/synthesize';
import { describeWithTerraform, planStackOffline, planStacksOffline } from './support/terraform';

const FIXTURE = readFileSync(join(__dirname, 'fixtures/state-safety.yaml'), 'utf8');

/** Provider alias of each resource address in a stack (`aws.prod`). */
function providersOf(stack: SynthesizedStackJson): Map<string, string> {
  return new Map(
    Object.entries(stack.resource ?? {}).flatMap(([type, byName]) =>
      Object.entries(byName).map(([name, attributes]) => [`${type}.${name}`, String(attributes.provider)]),
    ),
  );
}

/** Provider alias of each resource address in a state (`aws.prod`). */
function providersInState(state: TerraformStateJson): Map<string, string> {
  return new Map(
    state.resources.map((resource) => [
      `${resource.type}.${resource.name}`,
      `aws.${resource.provider.split('].')[1] ?? ''}`,
    ]),
  );
}

function addressesWith(result: OfflinePlanResult, action: string): string[] {
  return result.changes
    .filter((change) => change.action === action)
    .map((change) => change.address)
    .sort();
}

/** Two Terraform runs: the first settings' plan (read back for its state), then every change planned against it. */
const TERRAFORM_TIMEOUT = 240_000;

describeWithTerraform('a plan against the state the first settings left', () => {
  const base = synthesizeYaml(FIXTURE).json;
  const moves = (base as { readonly moved?: readonly { readonly from: string; readonly to: string }[] }).moved ?? [];
  const moved = synthesizeYaml(
    FIXTURE.replace('name: Mover\n    account: prod', 'name: Mover\n    account: staging'),
  ).json;
  const renumbered = synthesizeYaml(
    FIXTURE.replace('prod: { id: "999999999999" }', 'prod: { id: "888888888888" }'),
  ).json;
  let state: TerraformStateJson;
  /** The state as a version without accounts in addresses left it. */
  let stateBefore: TerraformStateJson;
  let results: Record<'same' | 'unmoved' | 'moved' | 'renumbered', OfflinePlanResult>;

  beforeAll(async () => {
    const first = await planStackOffline(base, { readPlan: true });
    state = stateAfterApply(first.plan!, base);
    const before = new Map(moves.map((move) => [move.to, move.from.split('.')[1]]));
    stateBefore = {
      ...state,
      resources: state.resources.map((resource) => ({
        ...resource,
        name: before.get(`${resource.type}.${resource.name}`) ?? resource.name,
      })),
    };
    // Each change is a module of one run, planned against its own state.
    results = await planStacksOffline(
      { same: base, unmoved: base, moved, renumbered },
      { states: { same: state, unmoved: stateBefore, moved: state, renumbered: state } },
    );
  }, TERRAFORM_TIMEOUT);

  it('plans no change for the same settings (the state is what an apply of them leaves)', () => {
    expect(results.same.diagnostics).toEqual([]);
    expect(results.same.summary).toBe('No changes. Your infrastructure matches the configuration.');
  });

  it('moves what a version without accounts in addresses deployed to the new addresses, re-creating nothing', () => {
    expect(stateBefore.resources.filter((resource) => resource.name.startsWith('account-'))).toEqual([]);
    const result = results.unmoved;
    expect(result.diagnostics).toEqual([]);
    expect([result.add, result.change, result.destroy]).toEqual([0, 0, 0]);
    expect(result.changes).toHaveLength(moves.length);
    expect(new Set(result.changes.map((change) => change.action))).toEqual(new Set(['move']));
  });

  it('destroys a role moved to another account key in its old account and creates it in the new one', () => {
    const result = results.moved;
    expect(result.diagnostics).toEqual([]);

    const before = providersInState(state);
    const after = providersOf(moved);
    const deleted = addressesWith(result, 'delete');
    const created = addressesWith(result, 'create');
    // The role, its managed-policy attachment and its revocation policy: gone from prod, new in staging.
    expect(deleted).toHaveLength(3);
    expect(deleted.map((address) => before.get(address))).toEqual(['aws.prod', 'aws.prod', 'aws.prod']);
    expect(created).toHaveLength(3);
    expect(created.map((address) => after.get(address))).toEqual(['aws.staging', 'aws.staging', 'aws.staging']);
    expect(deleted.every((address) => address.includes('role-Mover'))).toBe(true);
    // Everything else stays where it is; only the group's policy follows the role's new ARN.
    expect(result.changes.filter((change) => !['create', 'delete'].includes(change.action))).toEqual([
      { address: expect.stringMatching(/^aws_iam_group_policy\./), action: 'update' },
    ]);
  });

  it('destroys every resource of an account whose id changes, and creates them under the new id', () => {
    const result = results.renumbered;
    expect(result.diagnostics).toEqual([]);

    const before = providersInState(state);
    const inProd = [...before].filter(([, provider]) => provider === 'aws.prod').map(([address]) => address);
    expect(inProd.length).toBeGreaterThan(0);
    expect(addressesWith(result, 'delete')).toEqual(inProd.sort());
    const created = addressesWith(result, 'create');
    expect(created).toHaveLength(inProd.length);
    expect(created.every((address) => address.includes('888888888888'))).toBe(true);
  });
});
