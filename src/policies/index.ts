export * from './policy-statement';
export * from './policy-json';
export * from './mfa-condition';
export * from './trust-policy';
export * from './trust-requirements';
export * from './bucket-access-policy';
export * from './assume-role-policy';
export * from './revoke-sessions-policy';
