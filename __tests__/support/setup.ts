import { Testing } from 'cdktf';

// cdktf's matchers: toHaveResourceWithProperties, toHaveProviderWithProperties, …
Testing.setupJest();

type TerraformConstructClass = { readonly tfResourceType: string };

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    interface Matchers<R> {
      toHaveResourceWithProperties(resource: TerraformConstructClass, properties: Record<string, unknown>): R;
      toHaveResource(resource: TerraformConstructClass): R;
      toHaveProviderWithProperties(provider: TerraformConstructClass, properties: Record<string, unknown>): R;
      toHaveProvider(provider: TerraformConstructClass): R;
    }
  }
}
