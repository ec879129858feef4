import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { outputBlock } from '../tools/docs/marked-blocks';
import { cli } from './support/run-cli';
import { PROJECT_ROOT } from './support/project';
import { synthesizeFileToOutdir } from './support/synthesized-outdir';

/** Every settings file under config/, examples included. */
const settingsFiles = readdirSync(join(PROJECT_ROOT, 'config'), { recursive: true, encoding: 'utf8' })
  .filter((file) => /\.ya?ml$/.test(file))
  .map((file) => `config/${file}`)
  .sort();

/** What docs/verify.md shows a command printing. */
const documented = (command: string) =>
  outputBlock(readFileSync(join(PROJECT_ROOT, 'docs/verify.md'), 'utf8'), command);

describe('cross-account verify', () => {
  // This is how CI verifies every settings file of the project.
  it.each(settingsFiles)('passes for %s', async (file) => {
    const { code, stderr } = await cli('verify', '--config', join(PROJECT_ROOT, file));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('prints the matrix as a table by default, exactly as docs/verify.md shows it', async () => {
    const { stdout } = await cli('verify', '--config', join(PROJECT_ROOT, 'config/default.yaml'));
    expect(stdout).toBe(documented('npm run -s verify'));
    expect(stdout).toMatch(
      /^ {2}John +S3ProductionAccessRole +Allowed +Developers\/AssumeCrossAccountRoles\n +\(AllowAssumeS3ProductionAccessRole\)/m,
    );
    expect(stdout).toMatch(/^ {2}Sri +S3ProductionAccessRole +ExplicitlyDenied +denied by Testers/m);
    expect(stdout).toContain('Expectations: all 6 hold');
    expect(stdout).toContain('Policy lint: no findings');
  });

  it('fails on a false expectation, saying which, what was decided and why, as docs/verify.md shows it', async () => {
    const { code, stderr } = await cli('verify', '--config', join(__dirname, 'fixtures/false-expectation.yaml'));
    expect(code).toBe(1);
    expect(stderr).toBe(
      documented('npx cross-account verify --config __tests__/fixtures/false-expectation.yaml (stderr)'),
    );
    expect(stderr).toBe(
      'expectations[1]: Sri can sts:AssumeRole on S3ProductionAccessRole: fails, the evaluator decided ExplicitlyDenied: ' +
        'denied by Testers/AssumeCrossAccountRoles (DenyAssumeS3ProductionAccessRole)\n',
    );
  });

  it('reads an existing cdktf.out with --outdir, and writes JSON, Markdown and the Mermaid graph docs/verify.md shows', async () => {
    const outdir = synthesizeFileToOutdir('config/default.yaml');
    const config = join(PROJECT_ROOT, 'config/default.yaml');
    const json = JSON.parse((await cli('verify', '--config', config, '--outdir', outdir, '--format', 'json')).stdout);
    expect(json.passed).toBe(true);
    expect(
      json.assume.map((entry: { principal: string; decision: string }) => [entry.principal, entry.decision]),
    ).toEqual([
      ['John', 'Allowed'],
      ['Sri', 'ExplicitlyDenied'],
    ]);
    const markdown = (await cli('verify', '--config', config, '--format', 'markdown')).stdout;
    expect(markdown).toContain('| John | S3ProductionAccessRole | ✅ Allowed |');
    const mermaid = (await cli('verify', '--config', config, '--format', 'mermaid')).stdout;
    expect(mermaid).toBe(documented('npx cross-account verify --format mermaid'));
    expect(mermaid.split('\n')).toEqual(
      expect.arrayContaining([
        'graph LR',
        '  user_John --> group_Developers',
        '  group_Developers -->|"may assume"| role_S3ProductionAccessRole',
        '  group_Testers -.->|"denied"| role_S3ProductionAccessRole',
        '  role_S3ProductionAccessRole -->|"ListBucket, GetBucketLocation, GetObject, PutObject, DeleteObject"| bucket_productionapp',
      ]),
    );
  });

  it('refuses an unknown format and a missing cdktf.out with one line and exit code 1', async () => {
    const xml = await cli('verify', '--format', 'xml');
    expect([xml.code, xml.stderr.split('\n')[0]]).toEqual([
      1,
      "error: option '--format <format>' argument 'xml' is invalid. Allowed choices are table, json, markdown, mermaid.",
    ]);
    const missing = await cli(
      'verify',
      '--config',
      join(PROJECT_ROOT, 'config/default.yaml'),
      '--outdir',
      '/nonexistent',
    );
    expect([missing.code, missing.stderr]).toEqual([
      1,
      'no synthesized stack in /nonexistent: run `npm run synth` first\n',
    ]);
  });

  describe('review findings', () => {
    const fixture = (name: string) => join(__dirname, 'fixtures/review', `${name}.yaml`);
    const documentedStderr = (name: string) =>
      documented(`npx cross-account verify --config __tests__/fixtures/review/${name}.yaml (stderr)`);

    it('fail verify, one line each naming the finding, the principal, the policy and why, as docs/verify.md shows', async () => {
      const admin = await cli('verify', '--config', fixture('admin-role'));
      expect([admin.code, admin.stderr]).toEqual([
        1,
        'review: admin-access: BreakGlass may do every action on every resource: iam:CreateUser, organizations:LeaveOrganization, ' +
          'ec2:TerminateInstances, s3:DeleteBucket, dynamodb:DeleteTable, lambda:DeleteFunction (actions of unrelated services, ' +
          'all tried), allowed by AdministratorAccess (#1)\n',
      ]);
      expect(admin.stdout).toContain('Review findings: 1 of 1 not acknowledged (each fails verify');
      expect(admin.stdout).toContain('Policy lint: no findings');

      const s3 = await cli('verify', '--config', fixture('s3-full-access'));
      expect(s3.code).toBe(1);
      expect(s3.stderr.split('\n').map((line) => line.split(' may ')[0])).toEqual([
        'review: bucket-policy-change: S3Admin',
        'review: bucket-delete: S3Admin',
        'review: every-bucket: S3Admin',
        '',
      ]);
      expect(s3.stderr).toContain('allowed by AmazonS3FullAccess (#1)');

      const iam = await cli('verify', '--config', fixture('denied-group-with-iam-full-access'));
      expect(iam.stderr).toBe(documentedStderr('denied-group-with-iam-full-access'));
      expect(iam.stderr).toMatch(
        /^review: self-removable-deny: Sri is denied something by a policy it may itself remove or rewrite: .*iam:DeleteGroupPolicy.* on group Testers, allowed by Testers\/IAMFullAccess \(#1\)$/m,
      );

      const chain = await cli('verify', '--config', fixture('role-chaining'));
      expect(chain.stderr).toBe(documentedStderr('role-chaining'));
      expect([chain.code, chain.stderr.split('\n').length]).toEqual([1, 2]);
      expect(chain.stderr).toMatch(
        /^review: reaches-denied-role: Sri .*S3ProductionAccessRole is denied by Testers\/AssumeCrossAccountRoles .*it may assume Tooling .*Tooling's session may assume S3ProductionAccessRole/,
      );
    });

    it('pass once acknowledged, and show the reason in the table, Markdown and JSON', async () => {
      const config = fixture('admin-role-acknowledged');
      const reason = 'break-glass role for incidents; its use pages the security team';
      const table = await cli('verify', '--config', config);
      expect([table.code, table.stderr]).toEqual([0, '']);
      expect(table.stdout).toContain('Review findings: 1, acknowledged');
      // The table fits 100 columns (stdout is a pipe): the row's cells may wrap under it, words kept whole.
      const reviewSection = table.stdout.split('Review findings: 1, acknowledged')[1].split('Policy lint')[0];
      expect(reviewSection).toMatch(/^ {2}admin-access +BreakGlass$/m);
      expect(reviewSection.replace(/\s+/g, ' ')).toContain(`may do every action on every resource`);
      expect(reviewSection.replace(/\s+/g, ' ')).toContain(`acknowledged ${reason}`);
      const markdown = (await cli('verify', '--config', config, '--format', 'markdown')).stdout;
      expect(markdown).toContain('### Review findings: 1, acknowledged');
      expect(markdown).toMatch(
        new RegExp(`^\\| admin-access \\| BreakGlass \\| may do every action .* \\| ${reason} \\|$`, 'm'),
      );
      const json = JSON.parse((await cli('verify', '--config', config, '--format', 'json')).stdout);
      expect(json.passed).toBe(true);
      expect(json.review).toEqual([
        expect.objectContaining({
          finding: 'admin-access',
          principal: 'BreakGlass',
          policies: ['AdministratorAccess'],
          acknowledged: reason,
        }),
      ]);
    });

    it('fail verify for an acknowledgement that matches no finding, so none outlives the access it excused', async () => {
      const { code, stderr } = await cli('verify', '--config', fixture('stale-acknowledgement'));
      expect([code, stderr]).toEqual([
        1,
        'acknowledge[0]: S3ProductionAccessRole has no every-bucket finding: remove it from the acknowledgement\n' +
          'acknowledge[0]: John has no every-bucket finding: remove it from the acknowledgement\n',
      ]);
      expect(stderr).toBe(documentedStderr('stale-acknowledgement'));
    });
  });
});
