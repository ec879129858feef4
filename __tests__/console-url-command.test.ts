import { join } from 'node:path';
import { consoleUrl } from '../src/cli/console-url-command';
import { UserError } from '../src/user-error';
import { synthesizeDefaultWithRoleKeys } from './support/synthesized-outdir';
import { PROJECT_ROOT } from './support/synthesize';

describe('cross-account console-url', () => {
  const saved = process.env.CROSS_ACCOUNT_CONFIG;
  afterEach(() => {
    if (saved === undefined) delete process.env.CROSS_ACCOUNT_CONFIG;
    else process.env.CROSS_ACCOUNT_CONFIG = saved;
  });

  it("prints tutorial 004's switch-role link for the current settings", () => {
    process.env.CROSS_ACCOUNT_CONFIG = join(PROJECT_ROOT, 'config/default.yaml');
    expect(consoleUrl('S3ProductionAccessRole')).toBe(
      'https://signin.aws.amazon.com/switchrole?roleName=S3ProductionAccessRole&account=999999999999&displayName=prod-S3ProductionAccessRole',
    );
  });

  it('gives none, with the reason, for a role that requires an external id', () => {
    const outdir = synthesizeDefaultWithRoleKeys('externalId: a-shared-secret-id');
    expect(() => consoleUrl('S3ProductionAccessRole', outdir)).toThrow(
      new UserError(
        "no switch-role URL for S3ProductionAccessRole: it requires an external id, which the console's switch-role page cannot send; sign in with `cross-account console --role S3ProductionAccessRole` (federation)",
      ),
    );
  });
});
