import { readSynthesizedStack } from '../src/access';
import { formatSummary } from '../src/cli/summary-command';
import { STACK_NAME } from '../src/stack';
import { join } from 'node:path';
import { loadSettings } from '../src/config';
import { PROJECT_ROOT } from './support/project';
import { synthesizeFileToOutdir, synthesizeToOutdir } from './support/synthesized-outdir';

describe('the synth summary', () => {
  // As `npm run synth` does: the real app writes cdktf.out (with construct paths), the summary reads it back.
  const summary = formatSummary(readSynthesizedStack(synthesizeFileToOutdir('config/default.yaml'), STACK_NAME));

  it('lists what will be created in each account, under its pinned id', () => {
    const [dev, prod] = summary.trimEnd().split('\n\n');
    expect(prod).not.toMatch(/terraform_data/);
    expect(dev.split('\n')[0]).toBe('dev (111111111111): 8 to create');
    expect(dev).toMatch(/aws_iam_user +identity\/user-John\/user \(John\)/);
    expect(dev).toMatch(/aws_iam_group_policy +identity\/group-Testers\/assume-roles \(AssumeCrossAccountRoles\)/);
    expect(prod.split('\n')[0]).toBe('prod (999999999999): 3 to create');
    expect(prod).toMatch(/aws_iam_role +role-S3ProductionAccessRole\/role \(S3ProductionAccessRole\)/);
    expect(prod).not.toMatch(/aws_iam_user/);
  });

  it('ends with where the state goes and which settings file owns it', () => {
    expect(summary.trimEnd().split('\n').at(-1)).toBe(
      'state: terraform.cross-account-config-default.tfstate (local file in the project root), owned by config/default.yaml',
    );
  });

  it('names the Terraform Cloud workspace when the state goes there', () => {
    const outdir = synthesizeToOutdir(
      loadSettings(join(PROJECT_ROOT, 'config/default.yaml'), {
        TF_CLOUD_ORGANIZATION: 'acme',
        TF_CLOUD_PROJECT: 'iam',
      }),
    );
    expect(formatSummary(readSynthesizedStack(outdir, STACK_NAME)).trimEnd().split('\n').at(-1)).toBe(
      'state: Terraform Cloud app.terraform.io, organization acme, project iam, workspace cross-account-config-default, owned by config/default.yaml',
    );
  });
});
