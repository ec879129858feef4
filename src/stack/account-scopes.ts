import { TerraformResource, TerraformStack } from 'cdktf';
import { makeUniqueId } from 'cdktf/lib/private/unique';
import { Construct } from 'constructs';
import type { AccountSettings } from '../config';

/**
 * One construct scope per account, `account-<key>-<id>`, under which every
 * resource of that account is created, so that each resource's Terraform
 * address holds its account key and id. Moving a role to another account key,
 * or changing an account's id, then changes its address: Terraform destroys the
 * old resource in the old account and creates the new one, instead of keeping
 * the old one in state under the new account and leaving it behind in AWS,
 * unmanaged and still trusting the identity account.
 */
export class AccountScopes {
  private readonly scopes = new Map<string, Construct>();

  constructor(
    private readonly stack: TerraformStack,
    private readonly accounts: Readonly<Record<string, AccountSettings>>,
  ) {}

  /** The scope of the account with this key, made on first use. */
  of(key: string): Construct {
    let scope = this.scopes.get(key);
    if (!scope) {
      const account = this.accounts[key];
      if (!account) throw new Error(`AccountScopes: no account "${key}"`);
      scope = new Construct(this.stack, `account-${key}-${account.id}`);
      this.scopes.set(key, scope);
    }
    return scope;
  }

  /**
   * Adds, to every resource made so far, a `moved` block from the address it had
   * before accounts were part of addresses (the same construct path without the
   * account scope), so that upgrading keeps what is deployed instead of destroying
   * and re-creating every role, user and bucket. Where no resource has the old
   * address, Terraform ignores the block.
   */
  keepAddressesFromBeforeAccountScopes(): void {
    for (const scope of this.scopes.values()) {
      for (const resource of scope.node.findAll().filter(TerraformResource.isTerraformResource)) {
        const path = resource.node.scopes.slice(resource.node.scopes.indexOf(this.stack) + 1);
        const before = path.filter((part) => part !== scope).map((part) => part.node.id);
        resource.moveFromId(`${resource.terraformResourceType}.${makeUniqueId(before)}`);
      }
    }
  }
}
