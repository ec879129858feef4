export * from './settings-schema';
export * from './settings-error';
export * from './load-settings';
export * from './expectations-schema';
