import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Construct } from 'constructs';
import type { AccountSettings } from '../config';

/** Props of {@link AccountProviders}. */
export interface AccountProvidersProps {
  /** Accounts by key; each key becomes a provider alias. */
  readonly accounts: Readonly<Record<string, AccountSettings>>;
  /** Region of every provider. */
  readonly region: string;
  /** Default tags on every resource. @default none */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * One aliased `aws` provider per account, pinned to the account's id with
 * `allowed_account_ids` so that a plan run with the wrong credentials stops.
 */
export class AccountProviders extends Construct {
  private readonly providers = new Map<string, AwsProvider>();

  constructor(scope: Construct, id: string, props: AccountProvidersProps) {
    super(scope, id);
    const tags = props.tags && Object.keys(props.tags).length > 0 ? [{ tags: { ...props.tags } }] : undefined;
    for (const [key, account] of Object.entries(props.accounts)) {
      this.providers.set(
        key,
        // Construct ids carry a prefix: constructs finds a bare `constructor` or `toString` among a scope's children already.
        new AwsProvider(this, `account-${key}`, {
          alias: key,
          region: props.region,
          allowedAccountIds: [account.id],
          profile: account.profile,
          assumeRole: account.assumeRoleArn ? [{ roleArn: account.assumeRoleArn }] : undefined,
          defaultTags: tags,
        }),
      );
    }
  }

  /** The provider of the account with this key. */
  forAccount(key: string): AwsProvider {
    const provider = this.providers.get(key);
    if (!provider) throw new Error(`AccountProviders: no provider for account "${key}"`);
    return provider;
  }
}
