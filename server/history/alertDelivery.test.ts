import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertsConfig } from '@/lib/config/historyConfig';
import { stateOf } from '@/lib/history/delta';
import { HistoryStore } from '@/lib/store/historyStore';
import { MEMORY, openPgliteDb } from '@/lib/store/pgliteDb';
import { AlertDeliverer, backoff } from './alertDelivery';

/** A webhook receiver on loopback that can be taken down and brought back on the same port. */
class Receiver {
  readonly received: { id: string; body: unknown }[] = [];
  private server: http.Server | undefined;
  port = 0;
  async up(): Promise<void> {
    this.server = http.createServer((req, res) => {
      let text = '';
      req.on('data', (c: Buffer) => (text += c.toString()));
      req.on('end', () => {
        this.received.push({ id: String(req.headers['x-perimeter-delivery']), body: JSON.parse(text) });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => this.server!.listen(this.port, '127.0.0.1', () => r()));
    this.port = (this.server.address() as AddressInfo).port;
  }
  async down(): Promise<void> {
    await new Promise<void>((r) => this.server?.close(() => r()));
    this.server?.closeAllConnections();
  }
}

let store: HistoryStore;
const receiver = new Receiver();
beforeAll(async () => {
  store = await HistoryStore.open(await openPgliteDb(MEMORY));
  await receiver.up();
}, 60_000);
afterAll(async () => {
  await receiver.down();
  await store?.close();
});

const EFFECTS = { connections: { added: 0, removed: 0, changed: 0, items: [], omitted: 0 }, access: [], escalation: [], findings: { opened: [], closed: [] }, defaultDenies: [], skipped: [] };
const config = (): AlertsConfig => ({ webhooks: [{ name: 'hook', url: `http://127.0.0.1:${receiver.port}/alerts`, format: 'slack', headers: { authorization: 'Bearer h' } }], rules: [], maxAttempts: 50 });
const until = async (what: string, cond: () => boolean | Promise<boolean>, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('AlertDeliverer against a local receiver', { timeout: 60_000 }, () => {
  it('backs off exponentially up to the cap', () => {
    expect([1, 2, 3, 4, 10].map((n) => backoff(n, 1000, 5000))).toEqual([1000, 2000, 4000, 5000, 5000]);
  });

  it('an alert arrives once; while the receiver is down it is retried with backoff, every failure recorded; a restarted deliverer never sends it again', async () => {
    const cluster = await store.clusterId('ctx', 's');
    await store.record(cluster, { version: 1, at: new Date().toISOString(), kind: 'baseline', unreadable: [], changes: [] }, stateOf([]));
    await store.record(cluster, { version: 2, at: new Date().toISOString(), kind: 'change', unreadable: [], changes: [] });
    await receiver.down();
    await store.saveEffects(cluster, 2, { effects: EFFECTS, tags: [], contentHash: 'h', alerts: [{ rule: 'default-deny-removed', target: 'hook', dedupeKey: 'once', title: 't', payload: { format: 'slack', body: { text: 'payments lost its default deny' } } }] });
    const first = new AlertDeliverer({ store: async () => store, config, pollMs: 20, initialBackoffMs: 50, maxBackoffMs: 200 });
    first.start();
    const [delivery] = await store.deliveries(cluster);
    await until('three failed attempts', async () => (await store.attempts(delivery.id)).length >= 3);
    expect((await store.deliveries(cluster))[0]).toMatchObject({ state: 'pending', lastError: expect.stringContaining('ECONNREFUSED') });
    await receiver.up();
    await until('delivered', async () => (await store.deliveries(cluster))[0].state === 'delivered');
    first.stop();
    expect(receiver.received).toEqual([{ id: String(delivery.id), body: { text: 'payments lost its default deny' } }]);
    const attempts = await store.attempts(delivery.id);
    expect(attempts.at(-1)).toMatchObject({ status: 204 });
    expect(attempts.slice(0, -1).every((a) => a.error?.includes('ECONNREFUSED'))).toBe(true);
    // The same effects saved again (a recomputation) do not create a second alert.
    await store.saveEffects(cluster, 2, { effects: EFFECTS, tags: [], contentHash: 'h', alerts: [{ rule: 'default-deny-removed', target: 'hook', dedupeKey: 'once', title: 't', payload: {} }] });
    // A new deliverer (a restarted server) finds nothing due.
    const second = new AlertDeliverer({ store: async () => store, config, pollMs: 20 });
    second.start();
    await new Promise((r) => setTimeout(r, 300));
    second.stop();
    expect(receiver.received).toHaveLength(1);
  });
});
