import { listDataSources, type SynthesizedStackJson } from './synthesized-stack';

/** How the stack adopts something that exists: reads it (`reference`) or imports it into state (`import`). */
export type ExistingHow = 'reference' | 'import';

/** A user, group, role or customer managed policy the stack did not create. */
export interface ExistingResource {
  readonly kind: 'user' | 'group' | 'role' | 'policy';
  /** Its IAM name. */
  readonly name: string;
  readonly how: ExistingHow;
  /** Account key (provider alias). */
  readonly account: string;
}

/** What a stack says already exists, and the memberships it relies on without owning them. */
export interface ExistingResources {
  /** How the named user, group, role or policy exists, or undefined when the stack creates it. */
  howExists(kind: ExistingResource['kind'], name: string): ExistingHow | undefined;
  /** Groups the user is already a member of, outside the stack (the plan checks each). */
  existingMembershipsOf(userName: string): readonly string[];
  /** Every existing resource, imports first, in the order the stack lists them. */
  readonly all: readonly ExistingResource[];
}

const KINDS: ReadonlyMap<string, ExistingResource['kind']> = new Map([
  ['aws_iam_user', 'user'],
  ['aws_iam_group', 'group'],
  ['aws_iam_role', 'role'],
  ['aws_iam_policy', 'policy'],
]);

/** What the plan-time membership check (src/stack/existing-member-check.ts) names: the member. */
const MEMBER_CHECK = /^\$\{contains\(self\.users\[\*\]\.user_name, "([^"]+)"\)\}$/;

/**
 * Reads what exists outside the stack: the targets of `import` blocks
 * (`existing: import`), the users and groups read by data sources (`existing:
 * reference`; a group both imported and read, for its members, counts as
 * imported), and the memberships checked by the groups' data sources.
 */
export function readExistingResources(stack: SynthesizedStackJson): ExistingResources {
  const found = new Map<string, ExistingResource>();
  for (const block of stack.import ?? []) {
    const [type, name] = block.to.split('.');
    const kind = KINDS.get(type);
    const attributes = stack.resource?.[type]?.[name];
    if (!kind || typeof attributes?.name !== 'string') continue;
    found.set(`${kind}/${attributes.name}`, {
      kind,
      name: attributes.name,
      how: 'import',
      account: String(attributes.provider ?? 'default').replace(/^aws\./, ''),
    });
  }
  const memberships = new Map<string, string[]>();
  for (const source of listDataSources(stack)) {
    const kind = KINDS.get(source.type);
    const name = source.attributes.user_name ?? source.attributes.group_name;
    if (!kind || typeof name !== 'string') continue;
    if (!found.has(`${kind}/${name}`))
      found.set(`${kind}/${name}`, { kind, name, how: 'reference', account: source.account });
    const lifecycle = source.attributes.lifecycle as { postcondition?: { condition?: unknown }[] } | undefined;
    for (const { condition } of lifecycle?.postcondition ?? []) {
      const member = MEMBER_CHECK.exec(String(condition))?.[1];
      if (member) memberships.set(member, [...(memberships.get(member) ?? []), name]);
    }
  }
  return {
    howExists: (kind, name) => found.get(`${kind}/${name}`)?.how,
    existingMembershipsOf: (userName) => memberships.get(userName) ?? [],
    all: [...found.values()],
  };
}
