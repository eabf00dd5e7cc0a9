// The store's behaviour, run on PGlite by `npm test` (historyStore.test.ts) and on a real PostgreSQL 15 by
// `npm run test:postgres` (test/postgres): one schema, the same queries, the same answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditWrite } from '../history/auditEvents';
import { stateOf } from '../history/delta';
import type { RecordedChange } from '../history/types';
import { toStoredObject, type StoredObject } from '../sources/storedObject';
import type { Db } from './db';
import { HistoryStore, type NewVersion } from './historyStore';
import { migrate, MIGRATIONS } from './migrations';

const np = (name: string, spec: Record<string, unknown>, rv = '1'): StoredObject =>
  toStoredObject('NetworkPolicy', 'networking.k8s.io/v1', { metadata: { name, namespace: 'shop', resourceVersion: rv }, spec });
const ns = (name: string, labels: Record<string, string> = {}): StoredObject => toStoredObject('Namespace', 'v1', { metadata: { name, labels } });

const change = (before: StoredObject | undefined, after: StoredObject | undefined, observedAt: string, extra: Partial<RecordedChange> = {}): RecordedChange => {
  const o = (after ?? before)!;
  return {
    kind: o.kind,
    namespace: o.namespace,
    name: o.name,
    op: before && after ? 'modified' : after ? 'added' : 'removed',
    via: 'watch',
    observedAt,
    ...(after?.resourceVersion ? { resourceVersion: after.resourceVersion } : {}),
    ...(before ? { before } : {}),
    ...(after ? { after } : {}),
    ...extra,
  };
};

const audit = (id: string, user: string, verb: string, name: string, at: string, rv?: string): AuditWrite => ({
  auditId: id,
  at,
  verb,
  user,
  groups: ['system:authenticated'],
  kind: 'NetworkPolicy',
  resource: 'networkpolicies',
  apiGroup: 'networking.k8s.io',
  namespace: 'shop',
  name,
  ...(rv ? { resourceVersion: rv } : {}),
  responseCode: 200,
  event: { auditID: id },
});

/** Records versions 1..n: a baseline of two namespaces, then one NetworkPolicy edit per version. */
async function recordSeries(store: HistoryStore, cluster: number, n: number, checkpointEvery: number, start = Date.parse('2026-03-01T00:00:00Z')): Promise<Map<number, string>> {
  const expected = new Map<number, string>();
  let state = stateOf([ns('shop'), ns('db')]);
  await store.record(cluster, { version: 1, at: new Date(start).toISOString(), kind: 'baseline', unreadable: [], changes: [] }, state);
  expected.set(1, JSON.stringify([...state.keys()].sort()));
  for (let v = 2; v <= n; v++) {
    const at = new Date(start + v * 1000).toISOString();
    const before = state.get('NetworkPolicy/shop/p');
    const after = v % 5 === 0 ? undefined : np('p', { podSelector: {}, ingress: [{ ports: [{ port: 1000 + v }] }] }, String(100 + v));
    const changes = before || after ? [change(before, after, at)] : [];
    const next = new Map(state);
    if (after) next.set('NetworkPolicy/shop/p', after);
    else next.delete('NetworkPolicy/shop/p');
    state = next;
    const version: NewVersion = { version: v, at, kind: 'change', liveVersion: v, unreadable: [], changes };
    await store.record(cluster, version, v % checkpointEvery === 0 ? state : undefined);
    expected.set(v, JSON.stringify([...state.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, o]) => [k, o.body])));
  }
  return expected;
}

const stateText = (s: Map<string, StoredObject>) => JSON.stringify([...s.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, o]) => [k, o.body]));

/** The shared suite; `open` gives a fresh, empty database each time. */
export function historyStoreSuite(name: string, open: () => Promise<Db>): void {
  describe(`history store on ${name}`, { timeout: 60_000 }, () => {
    // One database for the file (starting one takes seconds on PGlite); each test records under its own cluster.
    let shared: HistoryStore;
    let clusters = 0;
    beforeAll(async () => {
      shared = await HistoryStore.open(await open());
    }, 60_000);
    afterAll(async () => {
      await shared?.close();
    });
    const fresh = async () => ({ store: shared, cluster: await shared.clusterId(`ctx-${++clusters}`, 'https://k:6443') });

    it('migrations are idempotent: a second start (or two servers at once) applies nothing and changes nothing', async () => {
      expect(await migrate(shared.db)).toEqual([]);
      await Promise.all([migrate(shared.db), migrate(shared.db)]);
      const rows = await shared.db.query<{ version: number }>('select version from perimeter_migrations order by version');
      expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
    });

    it('any past version is rebuilt exactly from the nearest checkpoint plus the deltas after it', async () => {
      const { store, cluster } = await fresh();
      {
        const expected = await recordSeries(store, cluster, 23, 10);
        for (const v of [2, 5, 9, 10, 11, 19, 20, 23]) {
          const s = await store.stateAt(cluster, v);
          if (v === 1) continue;
          expect(stateText(s)).toBe(expected.get(v));
        }
        expect(await store.latest(cluster)).toMatchObject({ version: 23 });
        expect(await store.versionAt(cluster, '2026-03-01T00:00:10.500Z')).toBe(10);
      }
    });

    it('a failed transaction records nothing: the previous version stays the newest', async () => {
      const { store, cluster } = await fresh();
      {
        await recordSeries(store, cluster, 3, 10);
        // Version 3 again: the primary key refuses it, and its object changes are not left behind.
        await expect(store.record(cluster, { version: 3, at: new Date().toISOString(), kind: 'change', unreadable: [], changes: [change(undefined, np('x', {}), new Date().toISOString())] })).rejects.toThrow();
        const rows = await store.db.query<{ n: number }>("select count(*)::int as n from object_changes where name = 'x' and cluster_id = $1", [cluster]);
        expect(rows[0].n).toBe(0);
        expect(await store.latest(cluster)).toMatchObject({ version: 3 });
      }
    });

    it('lists newest first with keyset pages and filters by namespace, kind, user, effect and time', async () => {
      const { store, cluster } = await fresh();
      {
        await recordSeries(store, cluster, 12, 100);
        const first = await store.list(cluster, {}, { limit: 5 });
        expect(first.total).toBe(12);
        expect(first.versions.map((v) => v.version)).toEqual([12, 11, 10, 9, 8]);
        const next = await store.list(cluster, {}, { before: 8, limit: 5 });
        expect(next.versions.map((v) => v.version)).toEqual([7, 6, 5, 4, 3]);
        expect((await store.list(cluster, { namespace: 'shop' })).total).toBe(11);
        expect((await store.list(cluster, { namespace: 'nope' })).total).toBe(0);
        expect((await store.list(cluster, { kind: 'NetworkPolicy' })).total).toBe(11);
        expect((await store.list(cluster, { from: '2026-03-01T00:00:10Z', to: '2026-03-01T00:00:11Z' })).versions.map((v) => v.version)).toEqual([11, 10]);
        await store.saveEffects(cluster, 4, { effects: { connections: { added: 0, removed: 0, changed: 0, items: [], omitted: 0 }, access: [], escalation: [], findings: { opened: [], closed: [] }, defaultDenies: [], skipped: [] }, tags: ['removed-default-deny'], contentHash: 'h4', alerts: [] });
        const tagged = await store.list(cluster, { effect: 'removed-default-deny' });
        expect(tagged.versions.map((v) => [v.version, v.effectsState, v.contentHash])).toEqual([[4, 'done', 'h4']]);
        expect(await store.pendingEffects(cluster, 3)).toEqual([2, 3, 5]);
      }
    });

    it('audit writes are stored once per auditID and attribute changes by resourceVersion, else by time; managedFields stays the fallback', async () => {
      const { store, cluster } = await fresh();
      {
        const t0 = Date.parse('2026-03-02T10:00:00Z');
        const iso = (s: number) => new Date(t0 + s * 1000).toISOString();
        await store.record(cluster, { version: 1, at: iso(0), kind: 'baseline', unreadable: [], changes: [] }, stateOf([ns('shop')]));
        const a = np('a', { podSelector: {} }, '501');
        const b = np('b', { podSelector: {} }, '502');
        await store.record(cluster, { version: 2, at: iso(10), kind: 'change', unreadable: [], changes: [{ ...change(undefined, a, iso(10)), lastWrite: { manager: 'kubectl-client-side-apply', operation: 'Update', time: iso(9) } }, change(undefined, b, iso(10))] });
        await store.record(cluster, { version: 3, at: iso(20), kind: 'change', unreadable: [], changes: [change(a, undefined, iso(20))] });
        const before = await store.changeSet(cluster, 2);
        expect(before?.objects[0].who).toEqual({ user: 'kubectl-client-side-apply', groups: [], source: 'managedFields', at: iso(9) });
        expect(before?.users).toEqual(['kubectl-client-side-apply']);

        // alice created a (exact resourceVersion); bob created b (time only: Metadata-level events have no response object);
        // carol deleted a; a write outside every window matches nothing.
        const writes = [audit('id-1', 'alice', 'create', 'a', iso(9.5), '501'), audit('id-2', 'bob', 'create', 'b', iso(9.8)), audit('id-3', 'carol', 'delete', 'a', iso(19.9)), audit('id-4', 'mallory', 'patch', 'b', iso(500))];
        expect(await store.addAuditWrites(writes, 'webhook')).toEqual({ inserted: 4, duplicates: 0 });
        expect(await store.addAuditWrites(writes.slice(0, 2), 'webhook')).toEqual({ inserted: 0, duplicates: 2 });
        expect(await store.attribute(cluster)).toBe(3);
        expect(await store.attribute(cluster)).toBe(0);
        const v2 = await store.changeSet(cluster, 2);
        expect(v2?.objects.map((o) => [o.name, o.who?.user, o.who?.source, o.who?.match])).toEqual([
          ['a', 'alice', 'audit', 'resourceVersion'],
          ['b', 'bob', 'audit', 'time'],
        ]);
        expect(v2?.users).toEqual(['alice', 'bob']);
        expect((await store.changeSet(cluster, 3))?.objects[0].who).toMatchObject({ user: 'carol', source: 'audit', auditId: 'id-3' });
        expect((await store.list(cluster, { user: 'ALI' })).versions.map((v) => v.version)).toEqual([2]);
      }
    });

    it('alerts are created once per dedupe key; attempts are recorded until delivered or given up', async () => {
      const { store, cluster } = await fresh();
      {
        await recordSeries(store, cluster, 3, 100);
        const effects = { connections: { added: 0, removed: 0, changed: 0, items: [], omitted: 0 }, access: [], escalation: [], findings: { opened: [], closed: [] }, defaultDenies: [], skipped: [] };
        const alert = { rule: 'default-deny-removed', target: 'hook', dedupeKey: 'k1', title: 'shop lost its default deny', payload: { text: 'x' } };
        await store.saveEffects(cluster, 2, { effects, tags: [], contentHash: 'h', alerts: [alert, { ...alert, dedupeKey: 'k2', suppressed: 'allow[0]: accepted' }] });
        await store.saveEffects(cluster, 2, { effects, tags: [], contentHash: 'h', alerts: [alert] });
        const all = await store.deliveries(cluster);
        expect(all.map((d) => [d.state, d.lastError ?? ''])).toEqual([
          ['suppressed', 'allow[0]: accepted'],
          ['pending', ''],
        ]);
        // Deliveries are due from when they are created (now), so the test's clock starts a second from now.
        const t = (s: number) => new Date(Date.now() + (1 + s) * 1000).toISOString();
        const now = t(0);
        const due = (await store.dueDeliveries(now, 20, 500)).filter((d) => all.some((a) => a.id === d.id));
        expect(due.map((d) => d.payload)).toEqual([{ text: 'x' }]);
        const mine = async (at: string) => (await store.dueDeliveries(at, 20, 60_000)).filter((d) => d.id === due[0].id);
        await store.recordAttempt(due[0].id, { ok: false, status: 503, error: 'HTTP 503', retryAt: t(2) }, now);
        expect(await mine(now)).toEqual([]);
        expect((await mine(t(2))).length).toBe(1);
        // Claimed: not handed out again until the lease runs out.
        expect(await mine(t(3))).toEqual([]);
        await store.recordAttempt(due[0].id, { ok: true, status: 200 }, t(2));
        expect(await mine(t(100))).toEqual([]);
        expect((await store.deliveries(cluster)).find((d) => d.id === due[0].id)).toMatchObject({ state: 'delivered', attempts: 2 });
        expect((await store.attempts(due[0].id)).map((a) => a.status)).toEqual([503, 200]);
      }
    });

    it('retention by age and by size drops the oldest versions and keeps every remaining one rebuildable', async () => {
      const { store, cluster } = await fresh();
      {
        const expected = await recordSeries(store, cluster, 30, 10);
        // Versions are 1 s apart from 2026-03-01T00:00:00Z: keep the last 10 seconds' worth.
        const dropped = await store.enforceRetention(cluster, { maxAgeMs: 10_500 }, new Date('2026-03-01T00:00:30Z'));
        expect(dropped).toBe(19);
        expect(await store.oldest(cluster)).toMatchObject({ version: 20 });
        for (const v of [20, 21, 29, 30]) expect(stateText(await store.stateAt(cluster, v))).toBe(expected.get(v));
        const size = await store.size(cluster);
        await store.enforceRetention(cluster, { maxBytes: Math.floor(size / 2) });
        expect(await store.size(cluster)).toBeLessThanOrEqual(Math.floor(size / 2) + 2000);
        const oldest = (await store.oldest(cluster))!.version;
        expect(oldest).toBeGreaterThan(20);
        expect(stateText(await store.stateAt(cluster, oldest))).toBe(expected.get(oldest));
        expect(stateText(await store.stateAt(cluster, 30))).toBe(expected.get(30));
        await expect(store.stateAt(cluster, 5)).rejects.toThrow('older than the retention keeps');
      }
    });
  });
}
