// Loads the IAM evaluator (@cloud-copilot/iam-simulate, AGPL-3.0, a devDependency): import this folder lazily,
// only where `verify` (or `diff`) runs, never from a module every command loads.
export * from './evaluate-request';
export * from './lint-finding';
export * from './access-matrix';
export * from './check-expectations';
export * from './verify-stack';
export * from './not-evaluated';
export * from './access-diff';
export * from './review/review-finding';
export * from './review/acknowledgements';
export * from './report';
