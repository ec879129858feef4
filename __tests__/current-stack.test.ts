import fs, { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listRoleUsages } from '../src/access';
import { loadCurrentStack } from '../src/cli/current-stack';
import { synthesizeFileToOutdir } from './support/synthesized-outdir';
import { PROJECT_ROOT } from './support/project';
import { tempFolder } from './support/temp-folder';

describe('loadCurrentStack', () => {
  it('synthesizes the settings file it is given, leaving no temp folder behind', () => {
    // The folders it makes, by name: counting the shared temp folder races with other processes that synthesize.
    const made = jest.spyOn(fs, 'mkdtempSync');
    try {
      const { stack } = loadCurrentStack({
        config: join(PROJECT_ROOT, 'config/examples/originating-to-destination.yaml'),
      });
      expect(listRoleUsages(stack).map((role) => role.arn)).toEqual(['arn:aws:iam::999999999999:role/UpdateData']);
      const folders = made.mock.results.map((result) => String(result.value));
      expect(folders).toEqual([expect.stringContaining(join(tmpdir(), 'cross-account-synth-'))]);
      expect(folders.filter((folder) => existsSync(folder))).toEqual([]);
    } finally {
      made.mockRestore();
    }
  });

  it('reads an existing cdktf.out given as --outdir instead of synthesizing, and says whose stack it is', () => {
    const outdir = synthesizeFileToOutdir('config/examples/acc-to-prod-s3.yaml');
    const notices: string[] = [];
    const current = loadCurrentStack({ config: 'config/no-such-settings.yaml', outdir }, {}, (line) =>
      notices.push(line),
    );
    expect(listRoleUsages(current.stack).map((role) => role.profileName)).toEqual(['prod-s3']);
    expect(current.description).toBe(`the stack in ${outdir} (synthesized from config/examples/acc-to-prod-s3.yaml)`);
    expect(notices).toEqual([
      `${outdir} holds the stack of config/examples/acc-to-prod-s3.yaml, not of config/no-such-settings.yaml (--config): its roles and expectations are used`,
    ]);
  });

  it('says to synthesize first when --outdir holds no stack', () => {
    const empty = tempFolder('empty-out-');
    expect(existsSync(join(empty, 'manifest.json'))).toBe(false);
    expect(() => loadCurrentStack({ config: 'config/default.yaml', outdir: empty })).toThrow(
      `no synthesized stack in ${empty}: run \`npm run synth\` first`,
    );
  });
});
