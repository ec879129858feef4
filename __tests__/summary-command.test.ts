import { readSynthesizedStack } from '../src/access';
import { formatSummary } from '../src/cli/summary-command';
import { STACK_NAME } from '../src/stack';
import { synthesizeFileToOutdir } from './support/synthesized-outdir';

describe('the synth summary', () => {
  // As `npm run synth` does: the real app writes cdktf.out (with construct paths), the summary reads it back.
  const summary = formatSummary(readSynthesizedStack(synthesizeFileToOutdir('config/default.yaml'), STACK_NAME));

  it('lists what will be created in each account, under its pinned id', () => {
    const [dev, prod] = summary.trimEnd().split('\n\n');
    expect(dev.split('\n')[0]).toBe('dev (111111111111): 8 to create');
    expect(dev).toMatch(/aws_iam_user +identity\/user-John\/user \(John\)/);
    expect(dev).toMatch(/aws_iam_group_policy +identity\/group-Testers\/assume-roles \(AssumeCrossAccountRoles\)/);
    expect(prod.split('\n')[0]).toBe('prod (999999999999): 3 to create');
    expect(prod).toMatch(/aws_iam_role +role-S3ProductionAccessRole\/role \(S3ProductionAccessRole\)/);
    expect(prod).not.toMatch(/aws_iam_user/);
  });
});
