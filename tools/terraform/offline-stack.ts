import type { SynthesizedStackJson } from '../../src/access/synthesized-stack';

/** Settings each provider gets in the offline copy: static dummy credentials, no AWS calls. */
export const OFFLINE_PROVIDER_SETTINGS = {
  access_key: 'AKIAOFFLINEPLAN00000',
  secret_key: 'offline-plan-dummy-secret',
  skip_credentials_validation: true,
  skip_requesting_account_id: true,
  skip_metadata_api_check: true,
} as const;

/** Options of {@link toOfflineStack}. */
export interface OfflineStackOptions {
  /** Keep the stack's own backend (a local state file, or a `cloud` block aimed at a test double). @default false */
  readonly keepBackend?: boolean;
  /** IAM endpoint by provider alias: a loopback IAM playing the account, for imports and data sources. @default none */
  readonly iamEndpoints?: ReadonlyMap<string, string>;
}

/**
 * The test-only copy of a synthesized stack that Terraform can plan without
 * AWS: dummy credentials and skip flags on every provider, `allowed_account_ids`,
 * profiles and assume_role dropped (only here), and state in a local file in the
 * working folder instead of any remote backend (unless `keepBackend`). A provider
 * whose account has a loopback IAM (`iamEndpoints`) sends its IAM calls there:
 * importing or reading what exists needs them.
 */
export function toOfflineStack(stack: SynthesizedStackJson, options: OfflineStackOptions = {}): SynthesizedStackJson {
  const aws = (stack.provider?.aws ?? []).map((provider) => {
    const { allowed_account_ids: _ids, profile: _profile, assume_role: _assumeRole, ...kept } = provider;
    const iam = typeof provider.alias === 'string' ? options.iamEndpoints?.get(provider.alias) : undefined;
    return { ...kept, ...OFFLINE_PROVIDER_SETTINGS, ...(iam && { endpoints: [{ iam }] }) };
  });
  const { backend: _backend, cloud: _cloud, ...terraform } = stack.terraform ?? {};
  return {
    ...stack,
    provider: { ...stack.provider, aws },
    terraform: options.keepBackend
      ? stack.terraform
      : { ...terraform, backend: { local: { path: 'terraform.tfstate' } } },
  };
}
