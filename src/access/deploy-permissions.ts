import { compareNames } from '../name-order';
import { deployPolicy, type IdentityPolicy } from '../policies';
import { accountIdsByAlias, listDataSources, listResources, type SynthesizedStackJson } from './synthesized-stack';

/** What the deploying credentials of one account need for a synthesized stack. */
export interface AccountDeployPermissions {
  /** The provider alias (account key in the settings). */
  readonly account: string;
  /** The account id the provider is pinned to. */
  readonly accountId?: string;
  /** The resource types the stack creates there, and `data.<type>` for what it reads, sorted. */
  readonly resourceTypes: readonly string[];
  /** The identity policy those credentials need there. */
  readonly policy: IdentityPolicy;
}

/**
 * Per account of a synthesized stack, the permissions its deploying credentials need, from the resources it
 * creates (or imports) there and the existing users and groups it reads.
 */
export function deployPermissionsByAccount(stack: SynthesizedStackJson): AccountDeployPermissions[] {
  const ids = accountIdsByAlias(stack);
  const typesByAccount = new Map<string, Set<string>>();
  const add = (account: string, type: string) =>
    typesByAccount.set(account, (typesByAccount.get(account) ?? new Set<string>()).add(type));
  for (const resource of listResources(stack)) add(resource.account, resource.type);
  for (const source of listDataSources(stack)) add(source.account, `data.${source.type}`);
  return [...typesByAccount.entries()]
    .sort(([a], [b]) => compareNames(a, b))
    .map(([account, types]) => ({
      account,
      accountId: ids.get(account),
      resourceTypes: [...types].sort(),
      policy: deployPolicy(types),
    }));
}
