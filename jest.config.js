const { availableParallelism } = require('node:os');
const { REAL_TERRAFORM_TESTS } = require('./tools/jest/real-terraform-first');

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: [
    '/node_modules/',
    ...(process.env.CROSS_ACCOUNT_TESTS === 'unit' ? REAL_TERRAFORM_TESTS : []),
  ],
  // Type-checking happens once in `npm run typecheck`; tests only need the types stripped, which swc does in
  // milliseconds a file (ts-jest loaded the TypeScript compiler in every worker and compiled each file with it:
  // ~16 s of CPU on a clean clone's first run). tsconfig's isolatedModules keeps every file compilable alone.
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        swcrc: false,
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  setupFilesAfterEnv: ['<rootDir>/__tests__/support/setup.ts'],
  testTimeout: 60000,
  // One worker more than cores (Jest's default leaves one core idle: on the 2-core CI machine, one worker). Many tests
  // wait rather than compute: on child processes (the CLI, terraform), loopback servers, and the SDK's timeouts and
  // retries (network-failures.test.ts idles about 9 s). Two workers took the full suite from 260 s to 180 s there;
  // a third fills those waits: 66.4 s -> 61.1 s, medians of six runs taking turns with two workers (docs/bench.md).
  maxWorkers: availableParallelism() + 1,
  testSequencer: '<rootDir>/tools/jest/real-terraform-first.js',
};
