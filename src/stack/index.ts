export * from './cross-account-stack';
export * from './account-providers';
export * from './target-account-role';
export * from './identity-account';
export * from './shared-bucket';
export * from './access-outputs';
export * from './state-backend';
export * from './settings-file-owner';
