export * from './settings-schema';
export * from './derived-settings';
export * from './settings-error';
export * from './load-settings';
export * from './assume-conflicts';
export * from './expectations-schema';
export * from './settings-file-identity';
export * from './legacy-state';
