export * from './synthesized-stack';
export * from './policy-json';
export * from './stack-roles';
