export * from './provider-mirror';
export * from './offline-stack';
export * from './offline-plan';
export type { PlannedResource, SavedPlanJson } from './plan-json';
export * from './terraform-runner';
export * from './offline-state';
