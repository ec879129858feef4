import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSynthesizedStack } from '../src/access';
import { buildApp } from '../src/app';
import { formatSummary } from '../src/cli/summary-command';
import { loadSettings } from '../src/config';
import { STACK_NAME } from '../src/stack';
import { PROJECT_ROOT } from './support/synthesize';

describe('the synth summary', () => {
  // As `npm run synth` does: the real app writes cdktf.out (with construct paths), the summary reads it back.
  const outdir = mkdtempSync(join(tmpdir(), 'cdktf-out-'));
  buildApp(loadSettings(join(PROJECT_ROOT, 'config/default.yaml'), {}), outdir).synth();
  const summary = formatSummary(readSynthesizedStack(outdir, STACK_NAME));

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
