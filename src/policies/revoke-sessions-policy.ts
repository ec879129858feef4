import type { IdentityPolicy } from './policy-statement';

/** Name AWS's console gives the inline policy of "Revoke active sessions". */
export const REVOKE_SESSIONS_POLICY_NAME = 'AWSRevokeOlderSessions';

/**
 * The console's "Revoke active sessions": deny everything to sessions whose
 * credentials were issued before `issuedBefore` (ISO-8601, normalised to UTC).
 */
export function revokeSessionsPolicy(issuedBefore: string): IdentityPolicy {
  return {
    statements: [
      {
        sid: 'RevokeOlderSessions',
        effect: 'Deny',
        actions: ['*'],
        resources: ['*'],
        conditions: { DateLessThan: { 'aws:TokenIssueTime': toUtcTimestamp(issuedBefore) } },
      },
    ],
  };
}

/** `2026-11-24T13:00:00+01:00` → `2026-11-24T12:00:00Z`, so the condition reads the same whatever zone was written. */
export function toUtcTimestamp(isoTime: string): string {
  return new Date(isoTime).toISOString().replace('.000Z', 'Z');
}
