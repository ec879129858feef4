// cdktf's jest matchers (toHaveResourceWithProperties, toHaveProviderWithProperties, toPlanSuccessfully, …),
// registered, and their types declared, by the adapter cdktf ships for jest.
import { setupJest } from 'cdktf/lib/testing/adapters/jest';

setupJest();
