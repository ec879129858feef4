import { join } from 'node:path';
import { cli, cliOnTerminal } from './support/run-cli';
import { PROJECT_ROOT } from './support/project';

const THREE = join(PROJECT_ROOT, 'config/examples/three-target-accounts.yaml');

const widest = (text: string) => Math.max(...text.split('\n').map((line) => line.length));
const words = (text: string) => text.split(/\s+/).filter(Boolean).join(' ');

describe("verify's table", () => {
  it('fits a 100-column log or pipe: reasons wrap in their column, or go under their row under a heading per role', async () => {
    const { code, stdout } = await cli('verify', '--config', THREE);
    expect(code).toBe(0);
    expect(widest(stdout)).toBeLessThanOrEqual(100);
    expect(stdout).toMatch(
      /^ {2}alice +ProdOperator +ExplicitlyDenied +denied by Developers\/AssumeCrossAccountRoles\n {45}\(DenyAssumeProdOperator\)$/m,
    );
    expect(stdout).toContain(
      [
        '  role ProdAuditor',
        '    PROBE         ACTION                RESOURCE                                    DECISION',
        '    other bucket  s3:ListBucket         arn:aws:s3:::some-other-bucket              Allowed',
        '        because SecurityAudit (BaseSecurityAuditStatement)',
      ].join('\n'),
    );
    expect(stdout).toMatch(
      /^ {4}dangerous +iam:PassRole +arn:aws:iam::333333333333:role\/ +ImplicitlyDenied\n {40}some-other-role$/m,
    );
  });

  it('keeps every reason whole in json and markdown, and readable in the wrapped table', async () => {
    const table = (await cli('verify', '--config', THREE)).stdout;
    const json = JSON.parse((await cli('verify', '--config', THREE, '--format', 'json')).stdout);
    const markdown = (await cli('verify', '--config', THREE, '--format', 'markdown')).stdout;
    const reasons = [...json.assume, ...json.roleActions].map((entry: { because: string }) => entry.because);
    expect(reasons).toContain(
      'Developers/AssumeCrossAccountRoles (AllowAssumeStagingDeployer) + trust policy (TrustIdentityAccount)',
    );
    for (const reason of reasons) {
      expect(markdown).toContain(reason);
      expect(words(table)).toContain(words(reason));
    }
  });

  it.each([100, 120, 160])('honours a %i-column terminal', async (columns) => {
    const { code, stdout } = await cliOnTerminal(columns, 'verify', '--config', THREE);
    expect(code).toBe(0);
    expect(widest(stdout)).toBeLessThanOrEqual(columns);
    expect(widest(stdout)).toBeGreaterThan(columns - 30);
  });

  it('uses a wide terminal for one line per row', async () => {
    const { stdout } = await cliOnTerminal(300, 'verify', '--config', THREE);
    expect(stdout).toMatch(
      /^ {2}alice +ProdOperator +ExplicitlyDenied +denied by Developers\/AssumeCrossAccountRoles \(DenyAssumeProdOperator\)$/m,
    );
  });
});
