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
  // Every core (Jest's default leaves one idle: on the 2-core CI machine, one worker). Many tests wait on child
  // processes (the CLI, terraform) rather than compute: two workers took the full suite from 260 s to 180 s there.
  maxWorkers: '100%',
  testSequencer: '<rootDir>/tools/jest/real-terraform-first.js',
};
