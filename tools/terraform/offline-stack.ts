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
  /**
   * Where the AWS shared config file that {@link loopbackIamConfig} wrote for those endpoints is; required with
   * `iamEndpoints`.
   */
  readonly awsConfigFile?: string;
}

/**
 * The test-only copy of a synthesized stack that Terraform can plan without
 * AWS: dummy credentials and skip flags on every provider, `allowed_account_ids`,
 * profiles and assume_role dropped (only here), and state in a local file in the
 * working folder instead of any remote backend (unless `keepBackend`). A provider
 * whose account has a loopback IAM (`iamEndpoints`) sends its IAM calls there:
 * importing or reading what exists needs them.
 *
 * The provider is sent there by a profile of a shared config file whose `services`
 * section names the endpoint, not by the provider's own `endpoints` block: the
 * aws provider (5.100.0) spends ~11 s of CPU configuring itself from that block,
 * against nothing for a profile, and the static keys still win over the profile.
 */
export function toOfflineStack(stack: SynthesizedStackJson, options: OfflineStackOptions = {}): SynthesizedStackJson {
  const aws = (stack.provider?.aws ?? []).map((provider) => {
    const { allowed_account_ids: _ids, profile: _profile, assume_role: _assumeRole, ...kept } = provider;
    const iam = typeof provider.alias === 'string' ? options.iamEndpoints?.get(provider.alias) : undefined;
    if (iam && !options.awsConfigFile) throw new Error('an IAM endpoint needs the shared config file naming it');
    return {
      ...kept,
      ...OFFLINE_PROVIDER_SETTINGS,
      ...(iam && { profile: loopbackProfileName(iam), shared_config_files: [options.awsConfigFile] }),
    };
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

/** The profile that sends IAM calls to `endpoint` (one per endpoint, so stacks planned together never share one). */
function loopbackProfileName(endpoint: string): string {
  return `loopback-iam-${new URL(endpoint).port}`;
}

/**
 * An AWS shared config file with a profile per endpoint whose IAM calls go there
 * (the SDK's `services` sections); {@link toOfflineStack} names it in providers.
 */
export function loopbackIamConfig(endpoints: Iterable<string>): string {
  return [...new Set(endpoints)]
    .map((endpoint) => {
      const name = loopbackProfileName(endpoint);
      return `[profile ${name}]\nservices = ${name}\n\n[services ${name}]\niam =\n  endpoint_url = ${endpoint}\n`;
    })
    .join('\n');
}
