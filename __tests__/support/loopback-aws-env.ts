import {
  AWS_ENVIRONMENT_KEYS,
  loopbackAwsEnvironment,
  type LoopbackEndpoints,
} from '../../tools/loopback/loopback-aws-env';
import { tempFolder } from './temp-folder';

const KEYS = [
  ...AWS_ENVIRONMENT_KEYS,
  'CROSS_ACCOUNT_CONFIG',
  'CROSS_ACCOUNT_CONNECT_TIMEOUT',
  'CROSS_ACCOUNT_READ_TIMEOUT',
  'XDG_CACHE_HOME',
];

/**
 * Points the real SDK clients of this process at loopback endpoints (see
 * {@link loopbackAwsEnvironment}), so no test can reach AWS; the credential cache
 * goes to a fresh folder, so no test reads another's entries or the machine's.
 * Returns the function that restores the environment.
 */
export function useLoopbackAws(endpoints: LoopbackEndpoints): () => void {
  const saved = Object.fromEntries(KEYS.map((key) => [key, process.env[key]]));
  for (const key of KEYS) delete process.env[key];
  Object.assign(process.env, loopbackAwsEnvironment(endpoints), {
    XDG_CACHE_HOME: tempFolder('cross-account-cache-test-'),
  });
  return () => {
    for (const key of KEYS) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
  };
}
