import { join } from 'node:path';
import { consoleUrl } from '../src/cli/console-url-command';
import { UserError } from '../src/user-error';
import { synthesizeDefaultWithRoleKeys } from './support/synthesized-outdir';
import { PROJECT_ROOT } from './support/project';

describe('cross-account console-url', () => {
  const config = join(PROJECT_ROOT, 'config/default.yaml');

  it("prints tutorial 004's switch-role link for the current settings", () => {
    expect(consoleUrl({ config }, 'S3ProductionAccessRole')).toBe(
      'https://signin.aws.amazon.com/switchrole?roleName=S3ProductionAccessRole&account=999999999999&displayName=prod-S3ProductionAccessRole',
    );
  });

  it('gives none, with the reason, for a role that requires an external id', () => {
    const outdir = synthesizeDefaultWithRoleKeys('externalId: a-shared-secret-id');
    expect(() => consoleUrl({ config: 'default-with-role-keys.yaml', outdir }, 'S3ProductionAccessRole')).toThrow(
      new UserError(
        "no switch-role URL for S3ProductionAccessRole: it requires an external id, which the console's switch-role page cannot send; sign in with `cross-account console --role S3ProductionAccessRole` (federation)",
      ),
    );
  });
});
