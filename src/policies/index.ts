export * from './policy-statement';
export * from './mfa-condition';
export * from './trust-policy';
export * from './bucket-access-policy';
export * from './assume-role-policy';
export * from './revoke-sessions-policy';
