import type { AccessDecision, DecidingStatement } from './evaluate-request';

/**
 * A decision's reason in words, naming the deciding policy and statement:
 * `Developers/AssumeCrossAccountRoles (AllowAssumeS3ProductionAccessRole) + trust policy (TrustIdentityAccount)`.
 * `resourcePolicyName` names the resource policy (`trust policy`), `boundaryName` the principal's permissions boundary.
 */
export function describeDecision(
  decision: AccessDecision,
  resourcePolicyName = 'resource policy',
  boundaryName?: string,
): string {
  const boundary = `permissions boundary${boundaryName ? ` ${boundaryName}` : ''}`;
  const named = (reason: DecidingStatement) => {
    const policy =
      reason.policyType === 'resource'
        ? resourcePolicyName
        : reason.policyType === 'boundary'
          ? boundary
          : (reason.policy ?? reason.policyType);
    return reason.statement ? `${policy} (${reason.statement})` : policy;
  };
  const unique = (texts: readonly string[]) => [...new Set(texts)];
  switch (decision.decision) {
    case 'Invalid':
      return decision.invalidReason ?? 'the request cannot be evaluated';
    case 'Allowed':
      return unique(decision.deciding.map(named)).join(' + ');
    case 'ExplicitlyDenied':
      return `denied by ${unique(decision.deciding.map(named)).join(' + ')}`;
    case 'ImplicitlyDenied': {
      const missing = unique(
        decision.deciding.map((reason) =>
          reason.policyType === 'resource'
            ? `the ${resourcePolicyName} does not allow it`
            : reason.policyType === 'identity'
              ? 'no identity policy allows it'
              : reason.policyType === 'boundary'
                ? `the ${boundary} does not allow it`
                : `no ${reason.policyType} policy allows it`,
        ),
      );
      return missing.join(' and ') || 'no policy allows it';
    }
  }
}
