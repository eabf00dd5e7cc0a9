// Server-only: an HTTPS listener for the audit webhook alone, for client-certificate authentication (the dashboard's
// own server speaks plain HTTP behind a proxy). kube-apiserver presents its client certificate, verified against
// PERIMETER_AUDIT_CLIENT_CA; without a verified certificate the bearer token is still accepted.
import 'server-only';
import { readFileSync } from 'node:fs';
import https from 'node:https';
import type { TLSSocket } from 'node:tls';
import { acceptAuditBody, auditAuth, auditMaxBytes, type AuditAnswer } from './auditReceiver';

export const AUDIT_TLS_ENV = { port: 'PERIMETER_AUDIT_TLS_PORT', host: 'PERIMETER_AUDIT_TLS_HOST', cert: 'PERIMETER_AUDIT_TLS_CERT', key: 'PERIMETER_AUDIT_TLS_KEY', clientCa: 'PERIMETER_AUDIT_CLIENT_CA' } as const;

export interface AuditTlsOptions {
  readonly port: number;
  readonly host: string;
  readonly cert: string;
  readonly key: string;
  /** PEM CA(s) whose client certificates may post; absent: the bearer token only. */
  readonly clientCa?: string;
}

/** The listener's options from the environment, or undefined when PERIMETER_AUDIT_TLS_PORT is not set. */
export function auditTlsOptions(env: Readonly<Record<string, string | undefined>> = process.env): AuditTlsOptions | undefined {
  const port = env[AUDIT_TLS_ENV.port]?.trim();
  if (!port) return undefined;
  const need = (k: string) => {
    const v = env[k]?.trim();
    if (!v) throw new Error(`${AUDIT_TLS_ENV.port} is set: ${k} must name a PEM file too`);
    return readFileSync(v, 'utf8');
  };
  const ca = env[AUDIT_TLS_ENV.clientCa]?.trim();
  return { port: Number(port), host: env[AUDIT_TLS_ENV.host]?.trim() || '127.0.0.1', cert: need(AUDIT_TLS_ENV.cert), key: need(AUDIT_TLS_ENV.key), ...(ca ? { clientCa: readFileSync(ca, 'utf8') } : {}) };
}

function answer(res: import('node:http').ServerResponse, a: AuditAnswer): void {
  res.writeHead(a.status, { 'content-type': 'application/json', ...(a.headers ?? {}) }).end(JSON.stringify(a.body));
}

/** Starts the listener; resolves with it once it listens. */
export async function startAuditTlsListener(o: AuditTlsOptions): Promise<https.Server> {
  const server = https.createServer({ cert: o.cert, key: o.key, ...(o.clientCa ? { ca: o.clientCa, requestCert: true, rejectUnauthorized: false } : {}) }, (req, res) => {
    if (req.url?.split('?')[0] !== '/api/audit') return answer(res, { status: 404, body: { error: 'only POST /api/audit is served here' } });
    if (req.method !== 'POST') return answer(res, { status: 405, body: { error: 'use POST' }, headers: { allow: 'POST' } });
    const socket = req.socket as TLSSocket;
    const byCert = o.clientCa !== undefined && socket.authorized === true;
    if (!byCert) {
      const tokenSet = !!process.env.PERIMETER_AUDIT_TOKEN?.trim();
      const denied = tokenSet ? auditAuth(req.headers.authorization ?? null) : { status: 401, body: { error: `present a client certificate signed by ${AUDIT_TLS_ENV.clientCa}${socket.authorizationError ? ` (${String(socket.authorizationError)})` : ''}` } };
      if (denied) return answer(res, denied);
    }
    const max = auditMaxBytes();
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        over = true;
        req.destroy();
      } else chunks.push(c);
    });
    req.on('close', () => {
      if (over && !res.headersSent) answer(res, { status: 413, body: { error: `the body is larger than ${max} bytes` } });
    });
    req.on('end', () => {
      if (over) return;
      void acceptAuditBody(Buffer.concat(chunks).toString('utf8'), req.headers['content-type'] ?? null).then((a) => answer(res, a));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => resolve());
  });
  return server;
}
