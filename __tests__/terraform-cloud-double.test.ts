import { connect } from 'node:net';
import { request } from 'node:https';
import { startTerraformCloud } from '../tools/loopback/terraform-cloud';
import { throwawayCertificate } from '../tools/loopback/throwaway-certificate';

const certificate = throwawayCertificate();

/** One HTTPS GET to the double, trusting its certificate only: the status, or the connection error's code. */
function get(hostname: string, path: string, token?: string): Promise<number | string> {
  return new Promise((resolve) => {
    const req = request(
      `https://${hostname}${path}`,
      { ca: certificate.cert, headers: token ? { authorization: `Bearer ${token}` } : {}, timeout: 5000 },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    req.end();
  });
}

/**
 * Whether a TCP connection (no HTTP request, which would restart the idle timer) is refused: nothing listens. A
 * connection reset while the double is closing is not that yet.
 */
function refused(hostname: string): Promise<boolean> {
  const [host, port] = hostname.split(':');
  return new Promise((resolve) => {
    const socket = connect(Number(port), host);
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

describe('the Terraform Cloud test double', () => {
  it('answers on 127.0.0.1 only with a token, for its one organization', async () => {
    const double = await startTerraformCloud({ organization: 'acme', token: 't', certificate });
    try {
      expect(double.hostname).toMatch(/^127\.0\.0\.1:\d+$/);
      expect(await get(double.hostname, '/.well-known/terraform.json')).toBe(200);
      expect(await get(double.hostname, '/api/v2/organizations/acme/entitlement-set')).toBe(401);
      expect(await get(double.hostname, '/api/v2/organizations/acme/entitlement-set', 't')).toBe(200);
      expect(await get(double.hostname, '/api/v2/organizations/other/entitlement-set', 't')).toBe(404);
      expect(await get(double.hostname, '/api/v2/runs/run-1', 't')).toBe(404);
      expect(double.requests.at(-1)).toBe('GET /api/v2/runs/run-1 (unknown)');
    } finally {
      await double.close();
    }
  });

  it('closes itself when nobody has asked anything for its idle timeout', async () => {
    const double = await startTerraformCloud({ organization: 'acme', token: 't', certificate, idleTimeoutMs: 1500 });
    expect(await get(double.hostname, '/.well-known/terraform.json')).toBe(200);
    // Polled rather than one fixed wait: on a loaded machine the timer may fire late, but it must fire. The
    // timeout leaves room for the first request to arrive on a busy machine before the double gives up.
    // The refusal is the verdict: a request after it could reach another test's server that took the freed port.
    const deadline = Date.now() + 20_000;
    let closed = false;
    while (!(closed = await refused(double.hostname)) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(closed).toBe(true);
  });
});
