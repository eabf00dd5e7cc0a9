import { clusterStatus, loadClusterSnapshot, subscribeCluster } from '@/server/clusterStore';
import { configuredSource } from '@/server/sourceConfig';

/** What the browser is told: a snapshot version (with its context, so a context switch also counts) or a status. */
export type LiveEvent =
  | { readonly type: 'snapshot'; readonly version: number; readonly context: string; readonly readAt: string }
  | { readonly type: 'status'; readonly state: 'connecting' | 'live' | 'reconnecting' | 'failed'; readonly since?: string; readonly message?: string };

const HEARTBEAT_MS = 15_000;

/**
 * GET /api/events: server-sent events for the live cluster source. Sends the current version and status at once,
 * then every new snapshot version and status change; a comment every 15 s keeps proxies from closing the stream.
 * For static sources (demo, files) it sends one `static` event and closes: nothing will change.
 */
export async function GET(request: Request): Promise<Response> {
  const encoder = new TextEncoder();
  const frame = (e: LiveEvent | { type: 'static' }) => encoder.encode(`event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`);
  if (configuredSource().kind !== 'cluster') {
    return new Response(frame({ type: 'static' }), { headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-store' } });
  }
  const first = await loadClusterSnapshot();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (e: LiveEvent) => {
        try {
          controller.enqueue(frame(e));
        } catch {
          cleanup(); // the client went away between the change and this write
        }
      };
      const sendSnapshot = async () => {
        const r = await loadClusterSnapshot();
        if (r.ok) send({ type: 'snapshot', version: r.snapshot.version, context: r.snapshot.source.kind === 'cluster' ? r.snapshot.source.context : '', readAt: r.snapshot.readAt });
      };
      const sendStatus = (status = clusterStatus()) => {
        if (status) send({ type: 'status', ...status });
      };
      if (first.ok) void sendSnapshot();
      else send({ type: 'status', state: 'failed', message: first.failure.cause });
      sendStatus();
      // The change carries its status: during a context switch the store has no current source until start() returns.
      const unsubscribe = subscribeCluster((c) => (c.type === 'snapshot' ? void sendSnapshot() : sendStatus(c.status)));
      const heartbeat = setInterval(() => {
        try {
          controller.enqueue(encoder.encode(': keep-alive\n\n'));
        } catch {
          cleanup();
        }
      }, HEARTBEAT_MS);
      cleanup = () => {
        unsubscribe();
        clearInterval(heartbeat);
      };
      request.signal.addEventListener('abort', () => {
        cleanup();
        try {
          controller.close();
        } catch {
          // already closed
        }
      });
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-store, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' },
  });
}
