export * from './synthesized-stack';
export * from './stack-roles';
export * from './role-usage';
export * from './stack-principals';
export * from './stack-state';
export * from './deploy-permissions';
export * from './settings-record';
export * from './existing-resources';
