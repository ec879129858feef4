import fs, { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listRoleUsages } from '../src/access';
import { loadCurrentStack } from '../src/cli/current-stack';
import { synthesizeFileToOutdir } from './support/synthesized-outdir';
import { PROJECT_ROOT } from './support/synthesize';
import { tempFolder } from './support/temp-folder';

describe('loadCurrentStack', () => {
  it('synthesizes the settings CROSS_ACCOUNT_CONFIG names, leaving no temp folder behind', () => {
    // The folders it makes, by name: counting the shared temp folder races with other processes that synthesize.
    const made = jest.spyOn(fs, 'mkdtempSync');
    try {
      const stack = loadCurrentStack(undefined, {
        CROSS_ACCOUNT_CONFIG: join(PROJECT_ROOT, 'config/examples/originating-to-destination.yaml'),
      });
      expect(listRoleUsages(stack).map((role) => role.arn)).toEqual(['arn:aws:iam::999999999999:role/UpdateData']);
      const folders = made.mock.results.map((result) => String(result.value));
      expect(folders).toEqual([expect.stringContaining(join(tmpdir(), 'cross-account-synth-'))]);
      expect(folders.filter((folder) => existsSync(folder))).toEqual([]);
    } finally {
      made.mockRestore();
    }
  });

  it('reads an existing cdktf.out given as --outdir instead of synthesizing', () => {
    const outdir = synthesizeFileToOutdir('config/examples/acc-to-prod-s3.yaml');
    const stack = loadCurrentStack(outdir, { CROSS_ACCOUNT_CONFIG: '/no/such/settings.yaml' });
    expect(listRoleUsages(stack).map((role) => role.profileName)).toEqual(['prod-s3']);
  });

  it('says to synthesize first when --outdir holds no stack', () => {
    const empty = tempFolder('empty-out-');
    expect(existsSync(join(empty, 'manifest.json'))).toBe(false);
    expect(() => loadCurrentStack(empty)).toThrow(`no synthesized stack in ${empty}: run \`npm run synth\` first`);
  });
});
