import { resolveReferences } from '../../src/access/stack-roles';
import type { SynthesizedStackJson } from '../../src/access/synthesized-stack';
import type { SavedPlanJson } from './plan-json';

/** A Terraform state file (format version 4), as far as these tools write one. */
export interface TerraformStateJson {
  readonly version: 4;
  readonly terraform_version: string;
  readonly serial: number;
  readonly lineage: string;
  readonly outputs: Readonly<Record<string, unknown>>;
  readonly resources: readonly {
    /** `module.<name>` for a resource in a module; absent at the root. */
    readonly module?: string;
    readonly mode: string;
    readonly type: string;
    readonly name: string;
    readonly provider: string;
    readonly instances: readonly {
      readonly schema_version: number;
      readonly attributes: Readonly<Record<string, unknown>>;
    }[];
  }[];
}

/** Values of computed attributes no settings name, for the state of resources never really created. */
const COMPUTED_PLACEHOLDERS = new Map<string, unknown>([
  ['inline_policy', []],
  ['managed_policy_arns', []],
  ['tags_all', {}],
  ['name_prefix', null],
  ['attachment_count', 0],
]);

/**
 * The state that applying an offline plan would leave, built without AWS (an
 * apply would call it): every planned resource with its planned values, and the
 * values only AWS knows once it is created (ARNs, ids, attributes that refer to
 * them) computed from names and the providers' pinned account ids, the way the
 * access check resolves references. Planning the same stack against it with
 * `-refresh=false` plans no change, so a plan of a changed stack against it
 * shows exactly what the change does to what was deployed.
 */
export function stateAfterApply(plan: SavedPlanJson, stack: SynthesizedStackJson): TerraformStateJson {
  const unknownOf = new Map(
    (plan.resource_changes ?? []).map((change) => [change.address, change.change.after_unknown]),
  );
  const resolve = (value: unknown): unknown =>
    typeof value === 'string' ? resolveReferences(value, stack) : Array.isArray(value) ? value.map(resolve) : value;
  return {
    version: 4,
    terraform_version: '1.11.4',
    serial: 1,
    lineage: '00000000-0000-4000-8000-000000000000',
    outputs: {},
    resources: (plan.planned_values.root_module.resources ?? []).map((resource) => {
      const configured = stack.resource?.[resource.type]?.[resource.name] ?? {};
      const attributes: Record<string, unknown> = { ...resource.values };
      for (const [key, unknown] of Object.entries(unknownOf.get(resource.address) ?? {})) {
        if (resource.type === 'terraform_data' && key === 'output') {
          attributes.output = attributes.input;
          continue;
        }
        if (unknown !== true) continue;
        const reference = resolveReferences(`\${${resource.address}.${key}}`, stack);
        attributes[key] = Object.hasOwn(configured, key)
          ? resolve(configured[key])
          : COMPUTED_PLACEHOLDERS.has(key)
            ? COMPUTED_PLACEHOLDERS.get(key)
            : !reference.startsWith('${')
              ? reference
              : // A resource without an id is one Terraform thinks was never created.
                key === 'id'
                ? `offline-${resource.name}`
                : null;
      }
      if (resource.type === 'terraform_data') {
        // terraform_data's input and output are of any type: a state stores such a value with its type.
        for (const key of ['input', 'output', 'triggers_replace']) {
          if (attributes[key] !== undefined && attributes[key] !== null) attributes[key] = withType(attributes[key]);
        }
      }
      // The stack's `provider: aws.prod` names the alias; the default provider and built-in resources name none.
      const provider = configured.provider;
      const alias = typeof provider === 'string' ? provider.split('.').slice(1).join('.') : '';
      return {
        mode: resource.mode,
        type: resource.type,
        name: resource.name,
        provider: `provider["${resource.provider_name}"]${alias ? `.${alias}` : ''}`,
        instances: [{ schema_version: resource.schema_version, attributes }],
      };
    }),
  };
}

/** A value of Terraform's dynamic type as a state file holds it: `{ value, type }`, the type in Terraform's JSON form. */
function withType(value: unknown): { readonly value: unknown; readonly type: unknown } {
  return { value, type: typeOf(value) };
}

function typeOf(value: unknown): unknown {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'bool';
  if (Array.isArray(value)) return ['tuple', value.map(typeOf)];
  return ['object', Object.fromEntries(Object.entries(value as object).map(([key, item]) => [key, typeOf(item)]))];
}
