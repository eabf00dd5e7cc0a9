// The one module that talks to a cluster: HTTPS GETs authenticated by @kubernetes/client-node's KubeConfig
// (client certificates, tokens, exec plugins, in-cluster service account: whatever client-node supports).
import http from 'node:http';
import https from 'node:https';
import { createInterface } from 'node:readline';
import type { KubeConfig } from '@kubernetes/client-node';

/** A GET's answer. */
export interface TransportResponse {
  readonly status: number;
  readonly body: string;
}

/** A running watch: `done` settles when the stream ends (status 200 and no error) or fails. */
export interface WatchHandle {
  readonly done: Promise<{ readonly status: number; readonly body?: string }>;
  abort(): void;
}

/**
 * How the cluster source reaches the API server. GET only, by construction: there is no other method to call.
 * Tests give a fake; `kubeConfigTransport` is the real one.
 */
export interface KubeTransport {
  /** The API server URL, shown to users (never credentials). */
  readonly server: string;
  get(pathAndQuery: string): Promise<TransportResponse>;
  /** Streams a watch: one JSON event per line. */
  watch(pathAndQuery: string, onLine: (line: string) => void): WatchHandle;
}

/** A list that gets no answer for this long has failed. */
const REQUEST_TIMEOUT_MS = 60_000;
/**
 * A watch silent for longer than the source's timeoutSeconds (300 s) plus a margin is dead: the API server would have
 * closed it. TCP keep-alive notices a vanished peer sooner.
 */
const WATCH_IDLE_MS = 330_000;

/** The real transport for the KubeConfig's current context. */
export function kubeConfigTransport(kc: KubeConfig): KubeTransport {
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new Error(`context "${kc.getCurrentContext()}" names no cluster`);
  const server = cluster.server.replace(/\/+$/, '');

  async function open(pathAndQuery: string): Promise<{ req: http.ClientRequest; res: Promise<http.IncomingMessage> }> {
    const url = new URL(server + pathAndQuery);
    const opts: https.RequestOptions = { method: 'GET', headers: { accept: 'application/json' } };
    // Adds the user's credentials (and runs exec plugins / refreshes tokens) plus the cluster CA, per request.
    await kc.applyToHTTPSOptions(opts);
    const lib = url.protocol === 'http:' ? http : https;
    const req = lib.request(url, opts);
    const res = new Promise<http.IncomingMessage>((resolve, reject) => {
      req.on('response', resolve);
      req.on('error', reject);
    });
    req.end();
    return { req, res };
  }

  const readAll = (res: http.IncomingMessage) =>
    new Promise<string>((resolve, reject) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      res.on('error', reject);
    });

  return {
    server,
    async get(pathAndQuery) {
      const { req, res } = await open(pathAndQuery);
      req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error(`GET ${pathAndQuery}: no answer in ${REQUEST_TIMEOUT_MS / 1000} s`)));
      const r = await res;
      return { status: r.statusCode ?? 0, body: await readAll(r) };
    },
    watch(pathAndQuery, onLine) {
      let request: http.ClientRequest | undefined;
      let aborted = false;
      const done = (async () => {
        const { req, res } = await open(pathAndQuery);
        request = req;
        if (aborted) req.destroy();
        if (req.socket) req.socket.setKeepAlive(true, 30_000);
        else req.on('socket', (socket) => socket.setKeepAlive(true, 30_000));
        req.setTimeout(WATCH_IDLE_MS, () => req.destroy(new Error(`watch silent for ${WATCH_IDLE_MS / 1000} s`)));
        const r = await res;
        if (r.statusCode !== 200) return { status: r.statusCode ?? 0, body: await readAll(r) };
        const lines = createInterface({ input: r, crlfDelay: Infinity });
        lines.on('line', (l) => {
          if (l.trim() !== '') onLine(l);
        });
        await new Promise<void>((resolve, reject) => {
          // readline re-emits its input's errors; every emitter needs a listener or an aborted watch crashes the process.
          lines.on('error', (e) => (aborted ? resolve() : reject(e)));
          r.on('end', resolve);
          r.on('close', resolve);
          r.on('error', (e) => (aborted ? resolve() : reject(e)));
          req.on('error', (e) => (aborted ? resolve() : reject(e)));
        });
        return { status: 200 };
      })();
      return {
        done,
        abort() {
          aborted = true;
          request?.destroy();
        },
      };
    },
  };
}
