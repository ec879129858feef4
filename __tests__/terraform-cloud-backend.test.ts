import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toOfflineStack, writeStackJson } from '../tools/terraform';
import { startTerraformCloud, type TerraformCloud } from '../tools/loopback/terraform-cloud';
import { throwawayCertificate } from '../tools/loopback/throwaway-certificate';
import { synthesizeSettingsFile } from './support/synthesize';
import { tempFolder } from './support/temp-folder';
import { describeWithTerraform, ownershipSlice, succeeded, terraformIn } from './support/terraform';

const EXAMPLE = 'config/examples/terraform-cloud.yaml';
const TOKEN = 'loopback-test-token';

const certificate = throwawayCertificate();
const certificateFile = join(tempFolder('tfc-cert-'), 'loopback.pem');
writeFileSync(certificateFile, certificate.cert);
const doubles: TerraformCloud[] = [];
afterAll(() => Promise.all(doubles.map((double) => double.close())));

async function startDouble(executionMode: 'local' | 'remote') {
  const double = await startTerraformCloud({ organization: 'example-org', token: TOKEN, certificate, executionMode });
  doubles.push(double);
  return double;
}

/** Terraform in a fresh folder, trusting the double's certificate and holding its token, the provider from the mirror. */
function terraformFor(double: TerraformCloud) {
  const workDir = tempFolder('tfc-run-');
  const terraform = terraformIn(workDir, {
    cliConfig: `credentials ${JSON.stringify(double.hostname)} {\n  token = ${JSON.stringify(TOKEN)}\n}\n`,
    env: { SSL_CERT_FILE: certificateFile },
    timeoutSeconds: 50,
  });
  return { workDir, terraform };
}

describeWithTerraform(
  'the synthesized cloud block against a Terraform Cloud test double (real terraform, HTTPS on 127.0.0.1)',
  () => {
    it('terraform init accepts the example settings file’s cloud block, creates its project and workspace, and state pushed there comes back', async () => {
      const double = await startDouble('remote');
      const { json } = synthesizeSettingsFile(EXAMPLE, { TF_CLOUD_HOSTNAME: double.hostname });
      expect(json.terraform?.cloud).toEqual({
        hostname: double.hostname,
        organization: 'example-org',
        workspaces: { name: 'cross-account-config-examples-terraform-cloud', project: 'cross-account-access' },
      });
      const { workDir, terraform } = terraformFor(double);
      writeStackJson(workDir, toOfflineStack(json, { keepBackend: true }));

      const init = succeeded(await terraform('init', '-input=false', '-no-color'));
      expect(init).toMatch(/has been successfully initialized/);
      expect(existsSync(join(workDir, '.terraform/providers/registry.terraform.io/hashicorp/aws/5.100.0'))).toBe(true);
      const workspace = double.workspaces.get('cross-account-config-examples-terraform-cloud');
      expect(workspace?.projectId).toBe(double.projects.get('cross-account-access')?.id);
      expect(workspace?.executionMode).toBe('remote');

      // A state with this file's record, written by a local apply elsewhere, pushed into the workspace.
      const local = tempFolder('tfc-local-');
      const slice = ownershipSlice(EXAMPLE, {});
      writeStackJson(local, { ...slice, terraform: { backend: { local: { path: 'terraform.tfstate' } } } });
      const localTerraform = terraformIn(local);
      succeeded(await localTerraform('init', '-input=false', '-no-color'));
      succeeded(await localTerraform('apply', '-auto-approve', '-input=false', '-no-color'));
      // Pushed and pulled through the same cloud block in a folder without the AWS resources: with the aws provider
      // in the folder, terraform state push and pull load or checksum it (about 5 s of CPU), for a state that holds
      // one terraform_data record.
      const { workDir: sliceDir, terraform: sliceTerraform } = terraformFor(double);
      writeStackJson(sliceDir, ownershipSlice(EXAMPLE, { TF_CLOUD_HOSTNAME: double.hostname }));
      succeeded(await sliceTerraform('init', '-input=false', '-no-color'));
      succeeded(await sliceTerraform('state', 'push', '-no-color', join(local, 'terraform.tfstate')));

      const stored = workspace?.stateVersions.at(-1);
      expect(workspace?.locked).toBe(false);
      expect(JSON.parse(stored?.state?.toString('utf8') ?? '{}')).toMatchObject({
        resources: [
          {
            type: 'terraform_data',
            name: 'settings_file',
            instances: [{ attributes: { input: { value: { settings_file: EXAMPLE } } } }],
          },
        ],
      });
      const pulled = JSON.parse(succeeded(await sliceTerraform('state', 'pull'))) as {
        resources: unknown[];
        serial: number;
      };
      expect(pulled).toEqual(JSON.parse(stored!.state!.toString('utf8')));
      expect(double.requests.filter((request) => request.endsWith('(unknown)'))).toEqual([]);
      expect(double.requests).toEqual(
        expect.arrayContaining([
          'GET /.well-known/terraform.json',
          'GET /api/v2/ping',
          'GET /api/v2/organizations/example-org/entitlement-set',
          'POST /api/v2/organizations/example-org/projects',
          'POST /api/v2/organizations/example-org/workspaces',
          `POST /api/v2/workspaces/${workspace?.id}/actions/lock`,
          `POST /api/v2/workspaces/${workspace?.id}/state-versions`,
          `PUT /object-store/${stored?.id}/state`,
          `POST /api/v2/workspaces/${workspace?.id}/actions/unlock`,
        ]),
      );
    });

    it('with local execution, apply stores the record in the workspace, and another settings file aimed at the same workspace is refused', async () => {
      const double = await startDouble('local');
      const env = {
        TF_CLOUD_ORGANIZATION: 'example-org',
        TF_CLOUD_HOSTNAME: double.hostname,
        TF_WORKSPACE: 'shared-iam',
      };
      const { workDir, terraform } = terraformFor(double);
      writeStackJson(workDir, ownershipSlice('config/default.yaml', env));
      succeeded(await terraform('init', '-input=false', '-no-color'));
      succeeded(await terraform('apply', '-auto-approve', '-input=false', '-no-color'));
      const workspace = double.workspaces.get('shared-iam');
      expect(workspace?.stateVersions.at(-1)?.state?.toString('utf8')).toContain(
        '"settings_file": "config/default.yaml"',
      );

      writeStackJson(workDir, ownershipSlice('config/examples/hardened.yaml', env));
      const plan = await terraform('plan', '-input=false', '-no-color');
      expect(plan.code).toBe(1);
      expect(plan.stderr.replace(/\s+/g, ' ')).toContain(
        'This state belongs to the settings file config/default.yaml, not config/examples/hardened.yaml',
      );
      expect(workspace?.locked).toBe(false);
      expect(workspace?.stateVersions).toHaveLength(1);
    });
  },
);
