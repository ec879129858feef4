export * from './synthesized-stack';
export * from './policy-json';
export * from './stack-roles';
export * from './trust-requirements';
export * from './role-usage';
