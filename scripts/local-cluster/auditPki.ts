// Certificates for an audit webhook receiver on loopback: a CA, a serving certificate for 127.0.0.1 and a client
// certificate for kube-apiserver (CN perimeter-audit-client), so the webhook can be authenticated by either side's cert.
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface AuditPki {
  readonly ca: string;
  readonly serverCert: string;
  readonly serverKey: string;
  readonly clientCert: string;
  readonly clientKey: string;
  /** Files of the above in `dir`, for servers that read paths. */
  readonly files: { readonly ca: string; readonly serverCert: string; readonly serverKey: string };
}

export const AUDIT_CLIENT_CN = 'perimeter-audit-client';

export async function makeAuditPki(dir: string): Promise<AuditPki> {
  const ssl = (args: string[]) => run('openssl', args, { cwd: dir });
  await ssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'audit-ca.key', '-out', 'audit-ca.crt', '-days', '2', '-subj', '/CN=perimeter-audit-ca']);
  const sign = async (name: string, subj: string, ext: string) => {
    await ssl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', subj]);
    await writeFile(path.join(dir, `${name}.ext`), ext);
    await ssl(['x509', '-req', '-in', `${name}.csr`, '-CA', 'audit-ca.crt', '-CAkey', 'audit-ca.key', '-CAcreateserial', '-out', `${name}.crt`, '-days', '2', '-extfile', `${name}.ext`]);
  };
  await sign('audit-server', '/CN=perimeter-audit', 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
  await sign('audit-client', `/CN=${AUDIT_CLIENT_CN}`, 'extendedKeyUsage=clientAuth\n');
  const read = (f: string) => readFile(path.join(dir, f), 'utf8');
  return {
    ca: await read('audit-ca.crt'),
    serverCert: await read('audit-server.crt'),
    serverKey: await read('audit-server.key'),
    clientCert: await read('audit-client.crt'),
    clientKey: await read('audit-client.key'),
    files: { ca: path.join(dir, 'audit-ca.crt'), serverCert: path.join(dir, 'audit-server.crt'), serverKey: path.join(dir, 'audit-server.key') },
  };
}
