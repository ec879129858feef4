import { DEFAULT_PROFILE, defaultProfileName, roleOutputName } from './derived-settings';
import type { ReferenceView } from './reference-view';
import type { SettingsProblem } from './settings-error';

/**
 * Names two settings would share where only one can exist, each reported at the
 * second key and naming the first: a role's AWS CLI profile that is the profile
 * it is assumed from (the profile would assume itself: botocore stops with
 * InfiniteLoopConfigError), two roles with one profile (`profiles` would write
 * one over the other), and two roles with one Terraform output name (one output
 * would replace the other). A role whose name repeats an earlier one is skipped:
 * that is reported already.
 */
export function findNameCollisions(settings: ReferenceView): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  const sourceProfile = settings.sourceProfile;
  const sourceKey = sourceProfile === DEFAULT_PROFILE ? 'sourceProfile, by default' : 'sourceProfile';
  const names = new Set<string>();
  const profiles = new Map<string, { readonly role: string; readonly index: number }>();
  const outputs = new Map<string, { readonly role: string; readonly index: number }>();

  settings.roles.forEach((role, i) => {
    if (role.name === undefined || names.has(role.name.toLowerCase())) return;
    names.add(role.name.toLowerCase());
    const profile = defaultProfileName(role);
    const profilePath = role.profileName === undefined ? `roles[${i}].name` : `roles[${i}].profileName`;
    if (profile !== undefined) {
      const owner = profiles.get(profile);
      if (profile === sourceProfile) {
        problems.push({
          path: profilePath,
          message: `"${profile}" is also the profile the role is assumed from (${sourceKey}): the profile would assume itself, which the AWS CLI refuses; ${role.profileName === undefined ? 'set a profileName' : 'choose another profileName'}`,
        });
      } else if (owner) {
        problems.push({
          path: profilePath,
          message: `"${profile}" is already the profile of role "${owner.role}" (roles[${owner.index}]): one profile can assume one role`,
        });
      } else {
        profiles.set(profile, { role: role.name, index: i });
      }
    }
    const output = roleOutputName(role.name);
    const other = outputs.get(output);
    if (other) {
      problems.push({
        path: `roles[${i}].name`,
        message: `"${role.name}" has the same Terraform output name (${output}) as role "${other.role}" (roles[${other.index}]): rename one`,
      });
    } else {
      outputs.set(output, { role: role.name, index: i });
    }
  });
  return problems;
}
