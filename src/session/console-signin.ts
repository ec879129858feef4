import { PARTITION_HOSTS, type Partition } from '../policies/arn';
import { UserError } from '../user-error';
import type { TemporaryCredentials } from './credential-formats';

/** Names the federation endpoint to use instead of AWS's, as `AWS_ENDPOINT_URL_STS` does for STS (tests, a proxy). */
export const FEDERATION_ENDPOINT_VARIABLE = 'CROSS_ACCOUNT_FEDERATION_ENDPOINT';

/** The console session AWS accepts in `SessionDuration`: 15 minutes to 12 hours. */
export const CONSOLE_SESSION_SECONDS = { min: 900, max: 43200 } as const;

/** The federation endpoint of a partition (`https://signin.aws.amazon.com/federation`), or the one the environment names. */
export function federationEndpoint(partition: Partition, env: NodeJS.ProcessEnv = process.env): string {
  return env[FEDERATION_ENDPOINT_VARIABLE] || `https://${PARTITION_HOSTS[partition].signin}/federation`;
}

/**
 * Where the console opens: the console home in the role's region, a path on
 * the partition's console host (`s3/buckets/productionapp`), or an https URL as given.
 */
export function consoleDestination(partition: Partition, region: string, destination?: string): string {
  const host = PARTITION_HOSTS[partition].console;
  if (destination === undefined) return `https://${host}/console/home?region=${encodeURIComponent(region)}`;
  if (/^[a-z][a-z0-9+.-]*:/i.test(destination)) {
    if (!destination.startsWith('https://')) {
      throw new UserError(`--destination must be an https URL or a path on ${host}, got "${destination}"`);
    }
    return destination;
  }
  return `https://${host}/${destination.replace(/^\/+/, '')}`;
}

/** Props of {@link consoleSigninUrl}. */
export interface ConsoleSigninProps {
  /** The role's temporary credentials (AssumeRole's). */
  readonly credentials: TemporaryCredentials;
  /** The federation endpoint (see {@link federationEndpoint}). */
  readonly endpoint: string;
  /** The console URL to open once signed in. */
  readonly destination: string;
  /** Console session length in seconds (`SessionDuration`). @default AWS's: one hour */
  readonly sessionDuration?: number;
  /** How long the federation endpoint may take to connect and answer, in seconds (`--connect-timeout` plus `--read-timeout`). */
  readonly timeoutSeconds: number;
}

/**
 * A console URL that opens signed in as the role, as AWS documents for a custom
 * identity broker (and as Granted's `assume -c` and aws-vault's `login` do):
 * the role's credentials are exchanged for a sign-in token at the federation
 * endpoint (`Action=getSigninToken`), which goes into the login URL with the
 * destination. The URL signs in whoever opens it for 15 minutes: treat it as a secret.
 */
export async function consoleSigninUrl(props: ConsoleSigninProps): Promise<string> {
  const token = await getSigninToken(props);
  const login = new URL(props.endpoint);
  login.search = new URLSearchParams({
    Action: 'login',
    Destination: props.destination,
    SigninToken: token,
  }).toString();
  return login.toString();
}

async function getSigninToken(props: ConsoleSigninProps): Promise<string> {
  const { credentials, endpoint } = props;
  if (!credentials.sessionToken)
    throw new UserError('the console sign-in needs temporary credentials with a session token');
  const request = new URL(endpoint);
  request.search = new URLSearchParams({
    Action: 'getSigninToken',
    ...(props.sessionDuration !== undefined && { SessionDuration: String(props.sessionDuration) }),
    Session: JSON.stringify({
      sessionId: credentials.accessKeyId,
      sessionKey: credentials.secretAccessKey,
      sessionToken: credentials.sessionToken,
    }),
  }).toString();
  const { timeoutSeconds } = props;
  // The request URL carries the role's secret key: messages name the endpoint only.
  let response: Response;
  try {
    response = await fetch(request, { signal: AbortSignal.timeout(timeoutSeconds * 1000), redirect: 'error' });
  } catch (error) {
    throw unreachable(endpoint, error, timeoutSeconds);
  }
  const body = await response.text().catch(() => '');
  if (response.status !== 200) {
    throw new UserError(
      `the federation endpoint ${endpoint} refused the role's credentials (HTTP ${response.status}): they may have expired, or --duration is longer than the session may last (one hour when the credentials you start from are themselves a role's)`,
    );
  }
  const token = parseToken(body);
  if (!token) {
    throw new UserError(
      `the federation endpoint ${endpoint} answered without a SigninToken: check ${FEDERATION_ENDPOINT_VARIABLE}`,
    );
  }
  return token;
}

function parseToken(body: string): string | undefined {
  try {
    const token = (JSON.parse(body) as { SigninToken?: unknown }).SigninToken;
    return typeof token === 'string' && token !== '' ? token : undefined;
  } catch {
    return undefined;
  }
}

function unreachable(endpoint: string, error: unknown, timeoutSeconds: number): UserError {
  const name = (error as Error).name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new UserError(`the federation endpoint ${endpoint} did not answer within ${timeoutSeconds} s: retry later`);
  }
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const reason = cause?.code ?? cause?.message ?? (error as Error).message;
  return new UserError(
    `could not reach the federation endpoint ${endpoint} (${reason}): check your network, or ${FEDERATION_ENDPOINT_VARIABLE}`,
  );
}
