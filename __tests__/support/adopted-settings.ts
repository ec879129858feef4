import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';
import { PROJECT_ROOT } from './project';

/**
 * A project settings file told as if its people already existed: every group
 * and user marked `existing: reference`, and each user's groups turned into
 * existing memberships. Edited as a YAML document, so it is still a settings file.
 */
export function adoptedSettingsYaml(file: string): string {
  const document = parseDocument(readFileSync(join(PROJECT_ROOT, file), 'utf8'));
  for (const key of ['groups', 'users']) {
    for (const item of ((document.get(key) as YAMLSeq | undefined)?.items ?? []) as YAMLMap[]) {
      item.set('existing', 'reference');
      const groups = item.get('groups') as YAMLSeq | undefined;
      if (key === 'users' && groups) {
        item.set('existingMemberships', groups);
        item.delete('groups');
      }
    }
  }
  return document.toString();
}
