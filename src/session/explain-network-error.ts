import { UserError } from '../user-error';
import { describeSite, requestSiteOf, type RequestSite } from './aws-client-config';

/** Error names AWS services throttle with (S3 says SlowDown). */
const THROTTLING = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
]);

interface SdkErrorFields {
  readonly code?: string;
  readonly $metadata?: { readonly httpStatusCode?: number; readonly attempts?: number };
}

/**
 * One line for a request that failed on the way rather than being refused by
 * AWS: the connection refused or reset, no answer in time, a gateway's page
 * instead of AWS's answer, a body the SDK cannot read, throttling, STS off in
 * the region. Each names the endpoint and what to do; undefined for anything else.
 */
export function explainNetworkError(error: unknown): UserError | undefined {
  if (!(error instanceof Error)) return undefined;
  const site = requestSiteOf(error);
  const { $metadata } = error as Error & SdkErrorFields;
  const code = (error as Error & SdkErrorFields).code ?? site?.transportError?.code;
  const name = site?.transportError?.code ? (site.transportError.name ?? error.name) : error.name;
  const where = describeSite(site, 'AWS');
  const operation = site?.operation ?? 'the request';
  const variable = site ? `AWS_ENDPOINT_URL_${site.service.toUpperCase()}` : 'AWS_ENDPOINT_URL';
  const tries = attempts($metadata?.attempts);
  const status = $metadata?.httpStatusCode;

  if (code === 'ECONNREFUSED') {
    return new UserError(
      `${where} refused the connection for ${operation} (ECONNREFUSED): check ${variable} and your network, proxy or VPN, then retry`,
    );
  }
  if (code === 'ECONNRESET' || code === 'EPIPE') {
    return new UserError(
      `${where} closed the connection during ${operation} without answering (${code}): a proxy, VPN or firewall may be cutting it; retry, and check ${variable}`,
    );
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new UserError(
      `${where}: its host name does not resolve (${code}): check the region, ${variable} and your DNS`,
    );
  }
  if (name === 'TimeoutError') return timedOut(error, where, operation, tries, site);
  if (THROTTLING.has(error.name)) {
    return new UserError(
      `${where} throttled ${operation} on all ${tries} (${error.name}: ${firstLine(error.message)}): wait a minute and retry`,
    );
  }
  if (error.name === 'RegionDisabledException') {
    return new UserError(
      `${where} is not activated in this region for the account (RegionDisabledException): an administrator can activate it under IAM > Account settings, or set AWS_REGION to a region where it is`,
    );
  }
  if ((error.name === 'Unknown' || error.name === 'UnknownError') && status !== undefined) {
    return new UserError(
      status >= 500
        ? `${where} answered ${operation} with HTTP ${status} and no AWS error (a proxy or gateway in between?): retry later, and check ${variable} and your proxy`
        : `${where} answered ${operation} with HTTP ${status} and no AWS error: check that ${variable} points at ${site?.service ?? 'AWS'}`,
    );
  }
  if (/Deserialization error/.test(error.message)) {
    return new UserError(
      `${where} answered ${operation} with a body the AWS SDK cannot read (HTTP ${status ?? '?'}): check that ${variable} points at ${site?.service ?? 'AWS'}`,
    );
  }
  return undefined;
}

function timedOut(error: Error, where: string, operation: string, tries: string, site?: RequestSite): UserError {
  if (/establish a connection/.test(error.message)) {
    return new UserError(
      `${where} did not accept a connection for ${operation} within ${site?.timeouts.connectSeconds ?? '?'} s (${tries}): check your network, proxy or VPN, or allow more time with --connect-timeout or CROSS_ACCOUNT_CONNECT_TIMEOUT (seconds)`,
    );
  }
  return new UserError(
    `${where} did not answer ${operation} within ${site?.timeouts.readSeconds ?? '?'} s (${tries}): check your network, or allow more time with --read-timeout or CROSS_ACCOUNT_READ_TIMEOUT (seconds)`,
  );
}

function attempts(count: number | undefined): string {
  return count === undefined || count === 1 ? '1 attempt' : `${count} attempts`;
}

function firstLine(text: string): string {
  return text.split('\n')[0];
}
