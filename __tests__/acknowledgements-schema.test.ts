import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSettings } from '../src/config';
import { problemLinesOf } from './support/settings-error';
import { PROJECT_ROOT } from './support/project';

const defaultYaml = readFileSync(join(PROJECT_ROOT, 'config/default.yaml'), 'utf8');

/** The lines of the SettingsError for the default settings with an `acknowledge` list added. */
function problemsOf(acknowledge: string): string[] {
  return problemLinesOf(`${defaultYaml}acknowledge:\n${acknowledge}`);
}

describe('acknowledgements of review findings in the settings', () => {
  it('are read with one or several findings and principals and a reason, and default to none', () => {
    const settings = parseSettings(
      `${defaultYaml}acknowledge:
  - { finding: every-bucket, principal: S3ProductionAccessRole, reason: "reads reports from every bucket, by design" }
  - finding: [bucket-delete, bucket-policy-change]
    principal: [John, Sri]
    reason: "  they run the buckets  "
`,
      'ok.yaml',
      {},
    );
    expect(settings.acknowledge).toEqual([
      {
        finding: 'every-bucket',
        principal: 'S3ProductionAccessRole',
        reason: 'reads reports from every bucket, by design',
      },
      {
        finding: ['bucket-delete', 'bucket-policy-change'],
        principal: ['John', 'Sri'],
        reason: 'they run the buckets',
      },
    ]);
    expect(parseSettings(defaultYaml, 'none.yaml', {}).acknowledge).toEqual([]);
  });

  it('need a reason and a finding that verify raises, each said by key path', () => {
    expect(
      problemsOf(
        [
          '  - { finding: admin-access, principal: John }',
          '  - { finding: admin-access, principal: John, reason: "   " }',
          '  - { finding: admin, principal: John, reason: break glass }',
          '  - { finding: [], principal: [John, Sri], reason: x, until: 2027 }',
        ].join('\n'),
      ),
    ).toEqual([
      'bad.yaml: acknowledge[0].reason: is required (expected string)',
      'bad.yaml: acknowledge[1].reason: must say why the finding is acceptable',
      'bad.yaml: acknowledge[2].finding: "admin" is not a review finding (findings: admin-access, bucket-policy-change, bucket-delete, every-bucket, privilege-escalation, self-removable-deny, reaches-denied-role)',
      'bad.yaml: acknowledge[3].finding: must name at least one finding',
      'bad.yaml: acknowledge[3].until: unknown key',
    ]);
  });

  it('name users or roles of the settings', () => {
    expect(problemsOf('  - { finding: admin-access, principal: [John, Jon], reason: break glass }')).toEqual([
      'bad.yaml: acknowledge[0].principal[1]: "Jon": no user or role of that name is defined (users: John, Sri; roles: S3ProductionAccessRole)',
    ]);
  });
});
