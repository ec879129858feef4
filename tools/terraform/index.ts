export * from './provider-mirror';
export * from './offline-stack';
export * from './offline-plan';
export * from './terraform-runner';
export * from './offline-state';
