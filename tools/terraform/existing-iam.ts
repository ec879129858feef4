import { readExistingResources, type SynthesizedStackJson } from '../../src/access';
import { providerAccount } from '../../src/access/synthesized-stack';
import { startLocalIam, type ExistingIdentities, type LocalIam } from '../loopback/local-iam';

/**
 * What a stack says exists, account by account (provider alias): the users,
 * groups (with the members it relies on), roles and policies it references or
 * imports. The offline plan plays these accounts with a loopback IAM.
 */
export function existingIdentities(stack: SynthesizedStackJson): Map<string, ExistingIdentities> {
  const existing = readExistingResources(stack);
  type Account = { groups: Map<string, string[]>; users: string[]; roles: string[]; policies: string[] };
  const accounts = new Map<string, Account>();
  const of = (alias: string) => {
    const found: Account = accounts.get(alias) ?? { groups: new Map(), users: [], roles: [], policies: [] };
    accounts.set(alias, found);
    return found;
  };
  for (const resource of existing.all) {
    const account = of(resource.account);
    if (resource.kind === 'group') account.groups.set(resource.name, []);
    else if (resource.kind === 'policy') account.policies.push(resource.name);
    else if (resource.kind === 'role') account.roles.push(resource.name);
    else account.users.push(resource.name);
  }
  for (const [, account] of accounts)
    for (const user of account.users)
      for (const group of existing.existingMembershipsOf(user)) account.groups.get(group)?.push(user);
  return accounts;
}

/** Loopback IAM responders, one per account that has existing resources, and how to stop them all. */
export interface LoopbackIams {
  /** IAM endpoint URL by provider alias. */
  readonly endpoints: ReadonlyMap<string, string>;
  close(): Promise<void>;
}

/**
 * Starts a loopback IAM (tools/loopback/local-iam.ts) for each account in
 * which the stack imports or reads something, holding what `existing` says
 * exists there (by default: what the stack says exists).
 */
export async function startLoopbackIams(
  stack: SynthesizedStackJson,
  existing: ReadonlyMap<string, ExistingIdentities> = existingIdentities(stack),
): Promise<LoopbackIams> {
  const started = await Promise.all(
    [...existing].map(async ([alias, identities]): Promise<[string, LocalIam]> => {
      const { id, partition } = providerAccount(stack, alias);
      return [alias, await startLocalIam({ accountId: id, partition, existing: identities })];
    }),
  );
  return {
    endpoints: new Map(started.map(([alias, iam]) => [alias, iam.endpoint])),
    close: async () => {
      await Promise.all(started.map(([, iam]) => iam.close()));
    },
  };
}
