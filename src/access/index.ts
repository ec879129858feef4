export * from './synthesized-stack';
export * from './policy-json';
export * from './stack-roles';
export * from './trust-requirements';
export * from './role-usage';
export * from './stack-principals';
export * from './lint-finding';
// Types only: the modules behind them load the IAM evaluator, which only `verify` needs (see verify-stack.ts).
export type { AccessMatrix, MatrixEntry } from './access-matrix';
export type { Expectation, ExpectationResult } from './check-expectations';
export type { VerifyReport } from './verify-stack';
