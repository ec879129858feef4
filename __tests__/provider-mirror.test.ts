import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AWS_PROVIDER, findProviderMirror, cliConfigText } from '../tools/terraform';
import { tempFolder } from './support/temp-folder';

function mirrorIn(directory: string): string {
  mkdirSync(join(directory, AWS_PROVIDER.source, AWS_PROVIDER.version), { recursive: true });
  return directory;
}

describe('finding the provider mirror', () => {
  it('takes the folder TF_PROVIDER_MIRROR names', () => {
    const mirror = mirrorIn(tempFolder('mirror-'));
    expect(findProviderMirror({ TF_PROVIDER_MIRROR: mirror })).toEqual({ path: mirror });
  });

  it('says so when TF_PROVIDER_MIRROR names a folder without the provider', () => {
    const empty = tempFolder('mirror-');
    expect(findProviderMirror({ TF_PROVIDER_MIRROR: empty })).toEqual({
      missing: `TF_PROVIDER_MIRROR=${empty} holds no registry.terraform.io/hashicorp/aws/5.100.0`,
    });
  });

  it("discovers a mirror in Terraform's implied plugin folder under HOME", () => {
    const home = tempFolder('home-');
    const plugins = mirrorIn(join(home, '.terraform.d', 'plugins'));
    expect(findProviderMirror({ HOME: home })).toEqual({ path: plugins });
  });

  it('writes a CLI config that installs the aws provider from the mirror', () => {
    expect(cliConfigText('/some/mirror')).toContain('filesystem_mirror {\n    path    = "/some/mirror"');
  });
});
