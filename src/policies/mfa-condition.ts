import type { Conditions } from './policy-statement';

/** How a role wants its callers signed in. */
export interface MfaRequirement {
  /** Only sessions signed in with MFA. @default false */
  readonly requireMfa?: boolean;
  /** Refuse when the MFA sign-in is this many seconds old or older. @default any age */
  readonly mfaMaxAgeSeconds?: number;
}

/**
 * The MFA conditions, shared by the trust policy and the identity side's allow
 * statements so both ask the same: `Bool aws:MultiFactorAuthPresent "true"` and,
 * with a maximum age, `NumericLessThan aws:MultiFactorAuthAge "<seconds>"`.
 * An absent key (long-term access keys) fails both, so the request is refused.
 */
export function mfaConditions(requirement: MfaRequirement): Conditions {
  if (!requirement.requireMfa) return {};
  return {
    Bool: { 'aws:MultiFactorAuthPresent': 'true' },
    ...(requirement.mfaMaxAgeSeconds !== undefined && {
      NumericLessThan: { 'aws:MultiFactorAuthAge': String(requirement.mfaMaxAgeSeconds) },
    }),
  };
}
