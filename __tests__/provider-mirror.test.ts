import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AWS_PROVIDER, findProviderMirror, cliConfigText, withoutChecksums } from '../tools/terraform';
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

describe('the lock file of an offline plan', () => {
  const lockFile = (hashes: string) => `# This file is maintained automatically by "terraform init".
# Manual edits may be lost in future updates.

provider "registry.terraform.io/hashicorp/aws" {
  version     = "5.100.0"
  constraints = "5.100.0"
${hashes}}

provider "registry.terraform.io/hashicorp/random" {
  version = "3.6.0"
${hashes}}
`;

  it('keeps the versions init selected and leaves out every checksum, so later commands do not hash the provider', () => {
    const written = lockFile(
      '  hashes = [\n    "h1:edXOJWE4ORX8Fm+dpVpICzMZJat4AX0VRCAy/xkcOc0=",\n    "zh:0ca7366fd32a",\n  ]\n',
    );
    expect(withoutChecksums(written)).toBe(lockFile(''));
  });

  it('refuses a lock file whose checksums it cannot find, rather than leave them to be checked by every command', () => {
    expect(() =>
      withoutChecksums(lockFile('  hashes = ["h1:edXOJWE4ORX8Fm+dpVpICzMZJat4AX0VRCAy/xkcOc0="]\n')),
    ).not.toThrow();
    expect(() => withoutChecksums(lockFile('  hashes = [ # one\n    "h1:x=",\n  ] # end\n'))).toThrow(
      'a lock file whose checksums could not be left out',
    );
  });
});
