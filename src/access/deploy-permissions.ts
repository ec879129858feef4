import { deployPolicy, type IdentityPolicy } from '../policies';
import { accountIdsByAlias, listResources, type SynthesizedStackJson } from './synthesized-stack';

/** What the deploying credentials of one account need for a synthesized stack. */
export interface AccountDeployPermissions {
  /** The provider alias (account key in the settings). */
  readonly account: string;
  /** The account id the provider is pinned to. */
  readonly accountId?: string;
  /** The resource types the stack creates there, sorted. */
  readonly resourceTypes: readonly string[];
  /** The identity policy those credentials need there. */
  readonly policy: IdentityPolicy;
}

/** Per account of a synthesized stack, the permissions its deploying credentials need, from the resources it creates there. */
export function deployPermissionsByAccount(stack: SynthesizedStackJson): AccountDeployPermissions[] {
  const ids = accountIdsByAlias(stack);
  const typesByAccount = new Map<string, Set<string>>();
  for (const resource of listResources(stack)) {
    const types = typesByAccount.get(resource.account) ?? new Set<string>();
    types.add(resource.type);
    typesByAccount.set(resource.account, types);
  }
  return [...typesByAccount.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([account, types]) => ({
      account,
      accountId: ids.get(account),
      resourceTypes: [...types].sort(),
      policy: deployPolicy(types),
    }));
}
