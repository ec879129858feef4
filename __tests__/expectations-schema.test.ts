import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSettings } from '../src/config';
import { problemLinesOf } from './support/settings-error';
import { PROJECT_ROOT } from './support/project';

const defaultYaml = readFileSync(join(PROJECT_ROOT, 'config/default.yaml'), 'utf8').replace(
  /\nexpectations:[\s\S]*$/,
  '\n',
);

/** The lines of the SettingsError for the default settings with `expectations` replaced. */
function problemsOf(expectations: string): string[] {
  return problemLinesOf(`${defaultYaml}expectations:\n${expectations}`);
}

describe('expectations in the settings', () => {
  it('are read with their context, and default to none', () => {
    const settings = parseSettings(
      `${defaultYaml}expectations:\n  - { principal: John, can: [sts:AssumeRole], on: S3ProductionAccessRole, context: { "aws:MultiFactorAuthPresent": "true" } }\n`,
      'ok.yaml',
      {},
    );
    expect(settings.expectations).toEqual([
      {
        principal: 'John',
        can: ['sts:AssumeRole'],
        on: 'S3ProductionAccessRole',
        context: { 'aws:MultiFactorAuthPresent': 'true' },
      },
    ]);
    expect(parseSettings(defaultYaml, 'none.yaml', {}).expectations).toEqual([]);
  });

  it('name the principal and the role they refer to, by key path', () => {
    expect(problemsOf('  - { principal: Jon, can: sts:AssumeRole, on: S3ProductionAcessRole }\n')).toEqual([
      'bad.yaml: expectations[0].principal: "Jon": no user or role of that name is defined (users: John, Sri; roles: S3ProductionAccessRole)',
      'bad.yaml: expectations[0].on: "S3ProductionAcessRole": must be a role name (roles: S3ProductionAccessRole), an ARN, or "*" for an action that takes no resource',
    ]);
  });

  it('take exactly one of can and cannot, known keys only, and actions without wildcards', () => {
    expect(
      problemsOf(
        [
          '  - { principal: John, can: sts:AssumeRole, cannot: sts:AssumeRole, on: S3ProductionAccessRole }',
          '  - { principal: John, on: S3ProductionAccessRole }',
          '  - { principal: John, can: "s3:*", on: S3ProductionAccessRole, when: now }',
        ].join('\n'),
      ),
    ).toEqual([
      'bad.yaml: expectations[0]: give exactly one of `can` or `cannot`',
      'bad.yaml: expectations[1]: give exactly one of `can` or `cannot`',
      'bad.yaml: expectations[2].can: must be one IAM action such as s3:GetObject (no wildcards)',
      'bad.yaml: expectations[2].when: unknown key',
    ]);
  });

  it('accept "*" as what an action that takes no resource is on', () => {
    const settings = parseSettings(
      `${defaultYaml}expectations:\n  - { principal: S3ProductionAccessRole, can: s3:ListAllMyBuckets, on: "*" }\n`,
      'ok.yaml',
      {},
    );
    expect(settings.expectations.map((expectation) => expectation.on)).toEqual(['*']);
    expect(problemsOf('  - { principal: John, cannot: s3:ListAllMyBuckets, on: "arn:*" }\n')).toEqual([
      'bad.yaml: expectations[0].on: "arn:*": must be a role name (roles: S3ProductionAccessRole), an ARN, or "*" for an action that takes no resource',
    ]);
  });
});
