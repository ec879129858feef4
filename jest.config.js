/** Test files that run the real terraform binary; `npm run test:unit` (CROSS_ACCOUNT_TESTS=unit) leaves them out. */
const REAL_TERRAFORM_TESTS = [
  '/__tests__/offline-plan\\.test\\.ts$',
  '/__tests__/offline-plan-diagnostics\\.test\\.ts$',
  '/__tests__/state-ownership\\.test\\.ts$',
  '/__tests__/terraform-cloud-backend\\.test\\.ts$',
  '/__tests__/terraform-literal-plan\\.test\\.ts$',
  '/__tests__/state-safety\\.test\\.ts$',
  '/__tests__/existing-principals-plan\\.test\\.ts$',
];

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: [
    '/node_modules/',
    ...(process.env.CROSS_ACCOUNT_TESTS === 'unit' ? REAL_TERRAFORM_TESTS : []),
  ],
  // Type-checking happens once in `npm run typecheck`; per-file checking in ts-jest would cost seconds per test file.
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  setupFilesAfterEnv: ['<rootDir>/__tests__/support/setup.ts'],
  testTimeout: 60000,
  // Every core (Jest's default leaves one idle: on the 2-core CI machine, one worker). Many tests wait on child
  // processes (the CLI, terraform) rather than compute: two workers took the full suite from 260 s to 180 s there.
  maxWorkers: '100%',
};
