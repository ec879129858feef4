import type { TrustRequirements } from '../policies';
import { UserError } from '../user-error';
import { describeSite, requestSiteOf } from './aws-client-config';
import { explainNetworkError } from './explain-network-error';

/** What was being done when an AWS call failed, to name the likely cause. */
export interface AwsErrorContext {
  /** The role being assumed. @default none (not an AssumeRole) */
  readonly roleName?: string;
  /** What its trust policy asks for. @default nothing */
  readonly requirements?: TrustRequirements;
}

const EXPIRED = new Set(['ExpiredToken', 'ExpiredTokenException', 'RequestExpired', 'TokenRefreshRequired']);

/**
 * The one-line explanation of an AWS error a user will meet (no credentials,
 * AccessDenied on AssumeRole, an expired token, an unknown access key, the
 * network failures of {@link explainNetworkError}, any other answer of an AWS
 * service), or undefined for an error that is not AWS's (a bug).
 */
export function explainAwsError(error: unknown, context: AwsErrorContext = {}): UserError | undefined {
  if (error instanceof UserError) return error;
  if (!(error instanceof Error)) return undefined;
  const message = error.message.split('\n')[0];
  if (error.name === 'CredentialsProviderError') {
    return new UserError(
      `no AWS credentials (${message}): set AWS_PROFILE or pass --profile, or run \`aws configure\` or \`aws sso login\``,
    );
  }
  if (EXPIRED.has(error.name)) {
    return new UserError(
      `your AWS session token has expired (${error.name}): sign in again (\`aws sso login\`, or fresh keys) and retry`,
    );
  }
  if (error.name === 'InvalidClientTokenId' || error.name === 'SignatureDoesNotMatch') {
    return new UserError(`AWS does not accept your access key (${error.name}): check the keys of your profile`);
  }
  if (error.name === 'AccessDenied' && context.roleName) {
    return new UserError(
      `AccessDenied on AssumeRole of ${context.roleName}: ${likelyCauses(message, context).join('; or ')}`,
    );
  }
  const network = explainNetworkError(error);
  if (network) return network;
  const site = requestSiteOf(error);
  if (site || '$metadata' in error) {
    return new UserError(
      `${describeSite(site, 'AWS')} answered ${site?.operation ?? 'a request'} with ${error.name}: ${message}`,
    );
  }
  return undefined;
}

function likelyCauses(message: string, context: AwsErrorContext): string[] {
  const requirements = context.requirements;
  if (/MultiFactorAuthentication/i.test(message)) return ['the MFA code is wrong or was already used'];
  const causes = ['you are not in a group that allows the role, or you are in one that denies it (a deny wins)'];
  if (requirements?.mfa) causes.push('the role requires MFA and the code or device (--serial-number) was not accepted');
  if (requirements?.externalId) causes.push('the external id does not match the one the role expects');
  if (requirements?.sessionNameMustMatchUser) causes.push('the session name is not your IAM user name');
  return causes;
}
