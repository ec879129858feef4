import { parseArn, partitionOfRegion } from '../policies/arn';
import type { SettingsProblem } from './settings-error';
import type { ParsedSettings } from './settings-schema';

/**
 * Every ARN written in the settings must be in the partition of `region`: a
 * GovCloud stack cannot attach `arn:aws:iam::aws:policy/…` (AWS refuses it at
 * apply), so it is refused here, naming the partition to write.
 */
export function findPartitionProblems(settings: ParsedSettings): SettingsProblem[] {
  const partition = partitionOfRegion(settings.region);
  const problems: SettingsProblem[] = [];
  const check = (path: string, arn: string | null | undefined) => {
    const found = arn ? parseArn(arn)?.partition : undefined;
    if (found && found !== partition)
      problems.push({
        path,
        message: `"${arn}" is in partition ${found} but region ${settings.region} is in ${partition}: write arn:${partition}:…`,
      });
  };
  for (const [key, account] of Object.entries(settings.accounts))
    check(`accounts.${key}.assumeRoleArn`, account.assumeRoleArn);
  settings.roles.forEach((role, i) => {
    role.managedPolicyArns.forEach((arn, j) => check(`roles[${i}].managedPolicyArns[${j}]`, arn));
    check(`roles[${i}].permissionsBoundaryArn`, role.permissionsBoundaryArn);
  });
  for (const listKey of ['groups', 'users'] as const)
    settings[listKey].forEach((holder, i) =>
      holder.managedPolicyArns.forEach((arn, j) => check(`${listKey}[${i}].managedPolicyArns[${j}]`, arn)),
    );
  return problems;
}
