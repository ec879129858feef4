import { coversAction } from './action-match';
import type { PolicyDocument, PolicyStatement } from './policy-statement';

/** The characters STS accepts in an `ExternalId` (2 to 1224 of them). */
export const EXTERNAL_ID_CHARACTERS = /^[\w+=,.@:/-]+$/;
/** An MFA device STS accepts as `SerialNumber`: a virtual device's ARN or a hardware token's serial, 9 to 256 characters. */
export const MFA_SERIAL_NUMBER = /^[\w+=/:,.@-]{9,256}$/;

/** What a role's trust policy asks of whoever assumes it. */
export interface TrustRequirements {
  /** An MFA code is needed (`aws:MultiFactorAuthPresent` or `aws:MultiFactorAuthAge`). */
  readonly mfa: boolean;
  /** How old the MFA sign-in may be, in seconds. @default no limit */
  readonly mfaMaxAgeSeconds?: number;
  /** The external id to send (`sts:ExternalId`). @default none */
  readonly externalId?: string;
  /** The session must be named after the caller's IAM user name (`sts:RoleSessionName` = `${aws:username}`). */
  readonly sessionNameMustMatchUser: boolean;
}

/**
 * Reads what a trust policy's conditions ask for. A requirement holds when every
 * statement that allows sts:AssumeRole carries it, since any one of them may grant the call.
 */
export function trustRequirements(policy: PolicyDocument): TrustRequirements {
  // Asked once per user for each role by verify's matrix: 50,000 times for 1,000 users and 50 roles.
  let requirements = known.get(policy);
  if (!requirements) known.set(policy, (requirements = readRequirements(policy)));
  return requirements;
}

const known = new WeakMap<PolicyDocument, TrustRequirements>();

function readRequirements(policy: PolicyDocument): TrustRequirements {
  const found = policy.statements
    .filter((statement) => statement.effect === 'Allow' && coversAction(statement, 'sts:AssumeRole'))
    .map(requirementsOfStatement);
  if (found.length === 0) return { mfa: false, sessionNameMustMatchUser: false };
  const all = <K extends keyof TrustRequirements>(key: K) =>
    found.every((requirements) => requirements[key] !== undefined && requirements[key] !== false);
  const first = found[0];
  return {
    mfa: all('mfa'),
    ...(all('mfaMaxAgeSeconds') && { mfaMaxAgeSeconds: first.mfaMaxAgeSeconds }),
    ...(all('externalId') && { externalId: first.externalId }),
    sessionNameMustMatchUser: all('sessionNameMustMatchUser'),
  };
}

function requirementsOfStatement(statement: PolicyStatement): TrustRequirements {
  // IAM condition operators and keys ignore case; compare them lowercased.
  const conditions = new Map<string, string[]>();
  for (const [operator, byKey] of Object.entries(statement.conditions ?? {})) {
    for (const [key, value] of Object.entries(byKey)) {
      conditions.set(`${operator.toLowerCase()} ${key.toLowerCase()}`, [value].flat());
    }
  }
  const value = (operators: readonly string[], key: string) =>
    operators.map((operator) => conditions.get(`${operator} ${key}`)).find((values) => values !== undefined);
  const mfaPresent = value(['bool', 'boolifexists'], 'aws:multifactorauthpresent')?.includes('true') ?? false;
  const mfaAge = value(['numericlessthan', 'numericlessthanequals'], 'aws:multifactorauthage');
  const externalId = value(['stringequals'], 'sts:externalid');
  const sessionName = value(['stringlike', 'stringequals'], 'sts:rolesessionname');
  return {
    mfa: mfaPresent || mfaAge !== undefined,
    ...(mfaAge && { mfaMaxAgeSeconds: Number(mfaAge[0]) }),
    ...(externalId && { externalId: externalId[0] }),
    sessionNameMustMatchUser: sessionName?.includes('${aws:username}') ?? false,
  };
}
