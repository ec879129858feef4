import { join } from 'node:path';
import { startLocalSts, type LocalSts, type LocalStsProps } from '../../tools/loopback/local-sts';
import { useLoopbackAws } from './loopback-aws-env';
import { PROJECT_ROOT } from './project';

/**
 * For the tests of one file: a function that starts a fresh loopback STS, points
 * the SDK (and a fresh credential cache) at it and sets the settings file; each
 * is stopped, and the environment restored, after its test.
 */
export function loopbackStsPerTest(settingsFile: string): (props?: LocalStsProps) => Promise<LocalSts> {
  let running: { readonly sts: LocalSts; readonly restore: () => void } | undefined;
  afterEach(async () => {
    running?.restore();
    await running?.sts.close();
    running = undefined;
  });
  return async (props = {}) => {
    const sts = await startLocalSts(props);
    running = { sts, restore: useLoopbackAws({ sts: sts.endpoint }) };
    process.env.CROSS_ACCOUNT_CONFIG = join(PROJECT_ROOT, settingsFile);
    return sts;
  };
}
