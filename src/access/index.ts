export * from './synthesized-stack';
export * from './policy-json';
export * from './stack-roles';
export * from './stack-principals';
export * from './access-matrix';
export * from './check-expectations';
export * from './policy-lint';
export * from './verify-stack';
