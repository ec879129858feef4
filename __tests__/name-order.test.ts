import { deployPermissionsByAccount, listResources, listStackRoles, readStackPrincipals } from '../src/access';
import { compareNames } from '../src/name-order';
import { synthesizeYaml } from './support/synthesize';

// Names that order differently by code unit ('Z' < 'a') and by any locale's collation ('alpha' before 'Zulu').
const SETTINGS = `
region: us-east-1
identityAccount: ident
accounts:
  ident: { id: "111111111111" }
  Zprod: { id: "222222222222" }
  prod: { id: "333333333333" }
buckets:
  - { name: zulu-bucket, account: prod }
  - { name: alpha-bucket, account: Zprod }
roles:
  - { name: alpha-role, account: prod, bucketAccess: [{ bucket: zulu-bucket, access: read-only }] }
  - { name: Zulu-role, account: Zprod, bucketAccess: [{ bucket: alpha-bucket, access: read-only }] }
groups:
  - { name: Readers, allowAssume: [alpha-role, Zulu-role] }
users:
  - { name: amy, groups: [Readers] }
  - { name: Zed, groups: [Readers] }
`;

describe('name order', () => {
  const { json } = synthesizeYaml(SETTINGS);

  it('lists roles, users and resources by code unit, as Terraform orders addresses, not by the machine locale', async () => {
    expect(listStackRoles(json).map((role) => role.name)).toEqual(['Zulu-role', 'alpha-role']);
    expect((await readStackPrincipals(json)).users.map((user) => user.name)).toEqual(['Zed', 'amy']);
    const roleAddresses = listResources(json)
      .filter((resource) => resource.type === 'aws_iam_role')
      .map((resource) => resource.name);
    expect(roleAddresses).toEqual([...roleAddresses].sort());
    expect(deployPermissionsByAccount(json).map((account) => account.account)).toEqual(['Zprod', 'ident', 'prod']);
  });

  it('compares by code unit', () => {
    expect(['b', 'a', 'B', '_', 'a'].sort(compareNames)).toEqual(['B', '_', 'a', 'a', 'b']);
    expect(compareNames('same', 'same')).toBe(0);
  });
});
