import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { md, pki } from 'node-forge';

/** A self-signed TLS certificate and its key, PEM-encoded. */
export interface ThrowawayCertificate {
  readonly cert: string;
  readonly key: string;
}

/**
 * A certificate for 127.0.0.1 and localhost, valid for one day, made in memory
 * for one test run: a client trusts it by being told to (Go reads
 * `SSL_CERT_FILE`), never through the system store. Node's crypto makes the key
 * but cannot issue an X.509 certificate, so node-forge (pure JavaScript, no
 * install script, no openssl binary) builds and signs it.
 */
export function throwawayCertificate(): ThrowawayCertificate {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyPem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const certificate = pki.createCertificate();
  certificate.publicKey = pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  // A positive serial: the first byte's high bit cleared.
  certificate.serialNumber = `0${randomBytes(15).toString('hex')}`;
  certificate.validity.notBefore = new Date(Date.now() - 60_000);
  certificate.validity.notAfter = new Date(Date.now() + 24 * 3600_000);
  const subject = [{ name: 'commonName', value: '127.0.0.1' }];
  certificate.setSubject(subject);
  certificate.setIssuer(subject);
  certificate.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: [
        { type: 7, ip: '127.0.0.1' },
        { type: 2, value: 'localhost' },
      ],
    },
  ]);
  certificate.sign(pki.privateKeyFromPem(keyPem), md.sha256.create());
  return { cert: pki.certificateToPem(certificate), key: keyPem };
}
