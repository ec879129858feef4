// Plans against the state an earlier apply left, as Terraform would plan the next deployment: what a change of
// settings does to what was deployed, and settings text planned as literal text where the plan also resolves outputs.
// Two Terraform runs for all of them, each stack a module: the first settings of each story, planned and read back
// (for the state an apply would leave), then every change, each against its own state.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SynthesizedStackJson } from '../src/access';
import { parseSettings, type Settings } from '../src/config';
import { stateAfterApply, type OfflinePlanResult, type TerraformStateJson } from '../tools/terraform';
import { PROJECT_ROOT } from './support/project';
import { synthesizeSettings, synthesizeYaml } from './support/synthesize';
import { describeWithTerraform, planStacksOffline } from './support/terraform';

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

/** Text the settings schema refuses in tags and profiles (AWS does too); the stack must still never evaluate it. */
const EXPRESSIONS = {
  file: '${file("/etc/hostname")}',
  reference: 'cc-${team}',
  directive: '%{ if true }yes%{ endif }',
} as const;

/**
 * The default settings with Terraform expressions in every free-text value the
 * stack writes: tags (keys and values), the identity account's profile (in each
 * role's profile text) and a display name (in the switch-role URL). Built in
 * code, past the schema, as another program using the stack could.
 */
function settingsWithExpressions(): Settings {
  const settings = parseSettings(
    readFileSync(join(PROJECT_ROOT, 'config/default.yaml'), 'utf8'),
    'config/default.yaml',
    {},
  );
  return {
    ...settings,
    accounts: { ...settings.accounts, dev: { ...settings.accounts.dev, profile: EXPRESSIONS.file } },
    sourceProfile: EXPRESSIONS.file,
    roles: settings.roles.map((role) => ({ ...role, displayName: EXPRESSIONS.reference })),
    tags: {
      Owner: EXPRESSIONS.file,
      CostCenter: EXPRESSIONS.reference,
      Note: EXPRESSIONS.directive,
      [EXPRESSIONS.reference]: 'key',
    },
  };
}

const base = synthesizeYaml(FIXTURE).json;
const moves = (base as { readonly moved?: readonly { readonly from: string; readonly to: string }[] }).moved ?? [];
const moved = synthesizeYaml(
  FIXTURE.replace('name: Mover\n    account: prod', 'name: Mover\n    account: staging'),
).json;
const renumbered = synthesizeYaml(FIXTURE.replace('prod: { id: "999999999999" }', 'prod: { id: "888888888888" }')).json;
const literal = synthesizeSettings(settingsWithExpressions()).json;

/** The first settings of each story, planned. */
let first: Record<'base' | 'literal', OfflinePlanResult>;
/** What an apply of the first settings leaves. */
let state: TerraformStateJson;
/** The same state as a version without accounts in addresses left it. */
let stateBefore: TerraformStateJson;
/** Each change, planned against its state. */
let results: Record<'same' | 'unmoved' | 'moved' | 'renumbered' | 'literal', OfflinePlanResult>;

describeWithTerraform('plans against the state the first settings left', () => {
  beforeAll(async () => {
    first = await planStacksOffline({ base, literal }, { readPlan: true });
    state = stateAfterApply(first.base.plan!, base);
    const before = new Map(moves.map((move) => [move.to, move.from.split('.')[1]]));
    stateBefore = {
      ...state,
      resources: state.resources.map((resource) => ({
        ...resource,
        name: before.get(`${resource.type}.${resource.name}`) ?? resource.name,
      })),
    };
    results = await planStacksOffline(
      { same: base, unmoved: base, moved, renumbered, literal },
      {
        readPlan: true,
        states: {
          same: state,
          unmoved: stateBefore,
          moved: state,
          renumbered: state,
          literal: stateAfterApply(first.literal.plan!, literal),
        },
      },
    );
  }, 240_000);

  describe('a change of settings', () => {
    it('plans no change for the same settings (the state is what an apply of them leaves)', () => {
      expect(first.base.diagnostics).toEqual([]);
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

  describe('settings text', () => {
    it('is planned exactly as written: no file read, no reference, no directive evaluated', () => {
      expect(first.literal.diagnostics).toEqual([]);
      expect(first.literal.valid).toBe(true);
      // Planned again against the state an apply would leave, so the outputs, which hold the role's ARN, are known.
      const result = results.literal;
      expect(result.diagnostics).toEqual([]);

      const role = result.plan!.planned_values.root_module.resources!.find(
        (resource) => resource.type === 'aws_iam_role',
      )!;
      expect(role.values.tags_all).toEqual({
        Owner: EXPRESSIONS.file,
        CostCenter: EXPRESSIONS.reference,
        Note: EXPRESSIONS.directive,
        [EXPRESSIONS.reference]: 'key',
      });
      const output = result.plan!.planned_values.outputs!.role_S3ProductionAccessRole.value as Record<string, string>;
      expect(output.aws_config_profile).toContain(`source_profile = ${EXPRESSIONS.file}\n`);
      expect(new URL(output.switch_role_url).searchParams.get('displayName')).toBe(EXPRESSIONS.reference);
    });
  });
});
