// Jest's test order, with the test files that run the real terraform binary first.
const Sequencer = require('@jest/test-sequencer').default;

/** Test files that run the real terraform binary; `npm run test:unit` (CROSS_ACCOUNT_TESTS=unit) leaves them out. */
const REAL_TERRAFORM_TESTS = [
  '/__tests__/offline-plan\\.test\\.ts$',
  '/__tests__/offline-plan-diagnostics\\.test\\.ts$',
  '/__tests__/state-ownership\\.test\\.ts$',
  '/__tests__/terraform-cloud-backend\\.test\\.ts$',
  '/__tests__/plans-against-state\\.test\\.ts$',
  '/__tests__/existing-principals-plan\\.test\\.ts$',
];

/**
 * Jest runs the longest files first when it has their times from an earlier run, and otherwise the biggest files
 * first; a clean clone (CI) has no times, and its real-Terraform files, short but the slowest, ran last, one of them
 * alone at the end while the other worker idled. They start first here, in Jest's order among themselves, as do the
 * rest.
 */
class RealTerraformFirst extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    const real = (test) => REAL_TERRAFORM_TESTS.some((pattern) => new RegExp(pattern).test(test.path));
    return [...sorted.filter(real), ...sorted.filter((test) => !real(test))];
  }
}

module.exports = RealTerraformFirst;
module.exports.REAL_TERRAFORM_TESTS = REAL_TERRAFORM_TESTS;
