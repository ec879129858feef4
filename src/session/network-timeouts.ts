import { UserError } from '../user-error';

/** How long an AWS endpoint may take: to accept the connection, and to answer a request once connected. */
export interface NetworkTimeouts {
  readonly connectSeconds: number;
  readonly readSeconds: number;
}

/**
 * 5 s to connect, 15 s to answer: STS and S3 answer in well under a second,
 * while the SDK's own default is to wait forever. The SDK tries each request
 * three times, so an endpoint that never answers fails after about 45 s.
 */
export const DEFAULT_NETWORK_TIMEOUTS: NetworkTimeouts = { connectSeconds: 5, readSeconds: 15 };

/** Timeouts as typed on the command line (`--connect-timeout`, `--read-timeout`), in seconds. */
export interface TimeoutOptions {
  /** @default CROSS_ACCOUNT_CONNECT_TIMEOUT, else 5 */
  readonly connectTimeout?: string;
  /** @default CROSS_ACCOUNT_READ_TIMEOUT, else 15 */
  readonly readTimeout?: string;
}

/** The timeouts to use: each option, else its environment variable, else the default; anything but seconds is refused. */
export function networkTimeouts(options: TimeoutOptions = {}, env: NodeJS.ProcessEnv = process.env): NetworkTimeouts {
  return {
    connectSeconds: secondsSetting(
      options.connectTimeout,
      '--connect-timeout',
      env.CROSS_ACCOUNT_CONNECT_TIMEOUT,
      'CROSS_ACCOUNT_CONNECT_TIMEOUT',
      DEFAULT_NETWORK_TIMEOUTS.connectSeconds,
    ),
    readSeconds: secondsSetting(
      options.readTimeout,
      '--read-timeout',
      env.CROSS_ACCOUNT_READ_TIMEOUT,
      'CROSS_ACCOUNT_READ_TIMEOUT',
      DEFAULT_NETWORK_TIMEOUTS.readSeconds,
    ),
  };
}

/**
 * Seconds as typed: the option, else its environment variable, else `fallback`;
 * anything but a number from 0.1 to 3600 is a {@link UserError} naming where it came from.
 */
export function secondsSetting(
  option: string | undefined,
  optionName: string,
  variable: string | undefined,
  variableName: string,
  fallback: number,
): number;
export function secondsSetting(
  option: string | undefined,
  optionName: string,
  variable: string | undefined,
  variableName: string,
  fallback: number | undefined,
): number | undefined;
export function secondsSetting(
  option: string | undefined,
  optionName: string,
  variable: string | undefined,
  variableName: string,
  fallback: number | undefined,
): number | undefined {
  const [text, name] = option !== undefined ? [option, optionName] : [variable, variableName];
  if (text === undefined || text === '') return fallback;
  const value = /^\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : NaN;
  if (!(value >= 0.1 && value <= 3600)) {
    throw new UserError(`${name} must be a number of seconds from 0.1 to 3600 (e.g. 10 or 0.5), got "${text}"`);
  }
  return value;
}
