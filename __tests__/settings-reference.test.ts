import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { settingsSchema } from '../src/config';
import { SETTINGS_REFERENCE, staleDocs } from '../tools/docs/generated-docs';
import { renderSettingsReference, settingsSections, UndescribedKeyError } from '../tools/docs/settings-reference';
import { PROJECT_ROOT } from './support/project';
import { tempFolder } from './support/temp-folder';

const keyOf = (path: string) =>
  settingsSections(settingsSchema)
    .flatMap((section) => section.keys)
    .find((key) => key.path === path);

describe('the settings reference (docs/settings.md)', () => {
  it('is checked in as the schema generates it, with every example the docs show', async () => {
    expect(await staleDocs(PROJECT_ROOT)).toEqual([]);
  });

  it('names the file and the command that fixes it when the checked-in reference differs', async () => {
    const copy = tempFolder('docs-check-');
    cpSync(join(PROJECT_ROOT, 'README.md'), join(copy, 'README.md'));
    cpSync(join(PROJECT_ROOT, 'docs'), join(copy, 'docs'), { recursive: true });
    cpSync(join(PROJECT_ROOT, 'config'), join(copy, 'config'), { recursive: true });
    const reference = join(copy, SETTINGS_REFERENCE);
    writeFileSync(reference, readFileSync(reference, 'utf8').replace('`3600`', '`7200`'));
    expect(await staleDocs(copy)).toEqual([
      'docs/settings.md is not what the sources generate: run `npm run docs` and commit the result',
    ]);
  });

  it('gives nested keys their path, type, default, allowed values and description', () => {
    expect(keyOf('roles[].maxSessionDuration')).toEqual({
      path: 'roles[].maxSessionDuration',
      type: 'integer',
      default: '`3600`',
      allowed: '3600 to 43200',
      description: 'Longest session, in seconds.',
    });
    expect(keyOf('accounts.<key>.id')).toMatchObject({
      type: 'string',
      default: 'required',
      allowed: 'matching `^\\d{12}$`',
    });
    expect(keyOf('roles[].bucketAccess[].access')).toMatchObject({ allowed: '`read-only`, `read-write`' });
    expect(keyOf('roles[].profileName')).toMatchObject({ default: 'the role name' });
    expect(keyOf('backend')).toMatchObject({ type: 'object', default: '`{ type: local }`' });
    expect(keyOf('backend.hostname')).toMatchObject({ default: '`TF_CLOUD_HOSTNAME`, else `app.terraform.io`' });
    expect(keyOf('expectations[].can')).toMatchObject({ type: 'string or list of strings', default: 'none' });
    expect(keyOf('acknowledge[].reason')).toMatchObject({ type: 'string', default: 'required' });
  });

  it('has one section per object: the file, each list item, the account map, each backend, an expectation and an acknowledgement', () => {
    expect(settingsSections(settingsSchema).map((section) => section.title)).toEqual([
      'The settings file',
      '`accounts.<key>`',
      '`buckets[]`',
      '`roles[]`',
      '`roles[].bucketAccess[]`',
      '`groups[]`',
      '`groups[].assumePolicy`',
      '`users[]`',
      '`users[].assumePolicy`',
      '`backend` with `type: local`',
      '`backend` with `type: cloud`',
      '`expectations[]`',
      '`acknowledge[]`',
    ]);
  });

  it('follows the schema: a key added with a description shows up, one without a description is refused', () => {
    const schema = z.strictObject({
      retries: z.number().int().min(0).max(5).default(2).describe('How often to retry.'),
    });
    expect(renderSettingsReference(schema, '# Test')).toContain(
      '| `retries` | integer | `2`     | 0 to 5  | How often to retry. |',
    );
    expect(() => settingsSections(z.strictObject({ retries: z.number() }))).toThrow(
      new UndescribedKeyError(
        'settings key retries has no description: add .describe() or .meta({ description }) to it in the schema',
      ),
    );
  });

  it('lists the keys of a nested object, an optional one or one of several shapes, so none goes undocumented', () => {
    const schema = z.strictObject({
      notify: z
        .strictObject({ email: z.string().describe('Where to send it.') })
        .optional()
        .describe('Notifications.'),
      archive: z
        .union([
          z.strictObject({ bucket: z.string().describe('Bucket to archive to.') }),
          z.strictObject({ path: z.string().describe('Folder to archive to.') }),
        ])
        .nullable()
        .default(null)
        .describe('Where old reports go.'),
    });
    expect(settingsSections(schema).map((section) => [section.title, section.keys.map((key) => key.path)])).toEqual([
      ['The settings file', ['notify', 'archive']],
      ['`notify`', ['notify.email']],
      ['`archive`', ['archive.bucket']],
      ['`archive`', ['archive.path']],
    ]);
  });
});
