import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '@/lib/config';
import { stateOf, type ObjectState } from '@/lib/history/delta';
import type { ObjectChange, VersionRecord } from '@/lib/sources/cluster';
import { demoDir } from '@/lib/sources/loadDemoSnapshot';
import { parseManifestText } from '@/lib/sources/parseManifestText';
import { snapshotFromStoredObjects, storedKey, toStoredObject, type StoredObject } from '@/lib/sources/storedObject';
import { HistoryStore } from '@/lib/store/historyStore';
import { MEMORY, openPgliteDb } from '@/lib/store/pgliteDb';
import { Recorder } from './recorder';

const CONFIG = parseConfig(
  `alerts:
  webhooks: [{name: sec, url: 'http://127.0.0.1:9/hook', format: slack}]
  rules:
    - on: default-deny-removed
    - on: networkpolicy-editor
      namespaces: [payments]
allow:
  - {rule: 'alert:networkpolicy-editor', subject: 'User:trusted@acme.example', reason: 'the platform on-call'}
`,
).config;

let demo: StoredObject[];
let store: HistoryStore;
beforeAll(async () => {
  const files = (await readdir(demoDir())).filter((f) => f.endsWith('.yaml')).sort();
  demo = [];
  for (const f of files) demo.push(...parseManifestText(f, await readFile(path.join(demoDir(), f), 'utf8')).objects.map((o) => toStoredObject(String(o.object.kind), String(o.object.apiVersion), o.object)));
  store = await HistoryStore.open(await openPgliteDb(MEMORY));
}, 60_000);
afterAll(async () => {
  await store?.close();
});

/** A fake live source: versions of an object state, as ClusterSource.onVersion reports them. */
class Live {
  state: ObjectState;
  version = 0;
  constructor(objects: readonly StoredObject[]) {
    this.state = stateOf(objects);
  }
  private snapshot(readAt: string) {
    return snapshotFromStoredObjects(this.state.values(), { source: { kind: 'cluster', context: 'test', server: 'https://k' }, version: this.version, readAt });
  }
  first(): VersionRecord {
    this.version++;
    return { version: this.version, snapshot: this.snapshot(new Date().toISOString()), changes: [], objects: [...this.state.values()] };
  }
  change(edits: { put?: StoredObject[]; remove?: string[] }, via: ObjectChange['via'] = 'watch'): VersionRecord {
    const at = new Date().toISOString();
    const changes: ObjectChange[] = [];
    for (const o of edits.put ?? []) {
      const key = storedKey(o);
      const before = this.state.get(key);
      changes.push({ key, ...(before ? { before } : {}), after: o, observedAt: at, via, lastWrite: { manager: 'kubectl-edit', operation: 'Update', time: at } });
      this.state.set(key, o);
    }
    for (const key of edits.remove ?? []) {
      const before = this.state.get(key);
      if (before) changes.push({ key, before, observedAt: at, via });
      this.state.delete(key);
    }
    this.version++;
    return { version: this.version, snapshot: this.snapshot(at), changes };
  }
}

const binding = (name: string, user: string) =>
  toStoredObject('RoleBinding', 'rbac.authorization.k8s.io/v1', {
    metadata: { name, namespace: 'payments' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'networkpolicy-admin' },
    subjects: [{ kind: 'User', name: user, apiGroup: 'rbac.authorization.k8s.io' }],
  });

let contexts = 0;
function recorder(getStore: () => Promise<HistoryStore> = async () => store, context = `ctx-${++contexts}`) {
  return new Recorder({ store: getStore, context, server: 'https://k', config: () => CONFIG, retryMs: 50 });
}

describe('Recorder', { timeout: 60_000 }, () => {
  it('records the first state as a baseline, then one version per change with its effects and alerts', async () => {
    const live = new Live(demo);
    const rec = recorder();
    rec.enqueue(live.first());
    await rec.idle();
    const cluster = rec.cluster!;
    expect((await store.list(cluster)).versions.map((v) => [v.version, v.kind])).toEqual([[1, 'baseline']]);

    rec.enqueue(live.change({ remove: ['NetworkPolicy/payments/default-deny-all'] }));
    rec.enqueue(live.change({ put: [binding('mallory-np', 'mallory@contractor.example'), binding('trusted-np', 'trusted@acme.example')] }));
    await rec.idle();
    const v2 = await store.changeSet(cluster, 2);
    expect(v2).toMatchObject({ kind: 'change', effectsState: 'done', kinds: ['NetworkPolicy'], namespaces: ['payments'] });
    expect(v2?.objects.map((o) => [o.op, o.kind, o.name, o.before ? 'before' : '', o.after ? 'after' : ''])).toEqual([['removed', 'NetworkPolicy', 'default-deny-all', 'before', '']]);
    expect(v2?.tags).toContain('removed-default-deny');
    expect(v2?.tags).toContain('opened-connection');
    expect(v2?.effects?.defaultDenies).toContainEqual({ change: 'removed', namespace: 'payments', direction: 'Ingress' });
    expect(v2?.alerts.map((a) => [a.rule, a.target, a.state])).toEqual([['default-deny-removed', 'sec', 'pending']]);

    const v3 = await store.changeSet(cluster, 3);
    expect(v3?.objects.map((o) => o.who)).toEqual([expect.objectContaining({ user: 'kubectl-edit', source: 'managedFields' }), expect.objectContaining({ user: 'kubectl-edit', source: 'managedFields' })]);
    expect(v3?.effects?.access.filter((a) => a.change === 'gained').map((a) => a.subject).sort()).toEqual(['User:mallory@contractor.example', 'User:trusted@acme.example']);
    // One alert for the rule; the allow-listed editor is left out of it.
    expect(v3?.alerts.map((a) => [a.rule, a.state])).toEqual([['networkpolicy-editor', 'pending']]);
    expect(v3?.alerts[0].title).toContain('User:mallory@contractor.example');
    expect(v3?.alerts[0].title).not.toContain('trusted');
    expect(v3?.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('whenRecorded(n) resolves once live version n is in the store: a reader then sees it (the first one waits for the store to open)', async () => {
    let open!: () => void;
    const opened = new Promise<void>((r) => (open = r));
    // A store that takes its time to open, as a fresh PGlite folder does (initdb: seconds of CPU).
    const rec = recorder(async () => {
      await opened;
      return store;
    });
    const live = new Live(demo);
    rec.enqueue(live.first());
    const first = rec.whenRecorded(1, 30_000);
    let released = false;
    void first.then(() => (released = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(released).toBe(false);
    open();
    await first;
    expect((await store.list(rec.cluster!)).versions.map((v) => v.version)).toEqual([1]);

    rec.enqueue(live.change({ remove: ['NetworkPolicy/payments/default-deny-all'] }));
    await rec.whenRecorded(2, 30_000);
    expect((await store.list(rec.cluster!)).versions.map((v) => v.version)).toEqual([2, 1]);
    // A source version that changed nothing recorded is recorded as soon as it is found equal.
    rec.enqueue(live.change({}));
    await rec.whenRecorded(3, 30_000);
    expect((await store.list(rec.cluster!)).total).toBe(2);
    // Already recorded: at once.
    await rec.whenRecorded(1, 0);
    await rec.idle();
  });

  it('whenRecorded does not hold a reader while the store is unavailable, nor past its timeout', async () => {
    const rec = recorder(async () => {
      throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
    });
    const live = new Live(demo);
    const waiting = rec.whenRecorded(1, 30_000);
    rec.enqueue(live.first());
    await waiting;
    expect(rec.status()).toMatchObject({ state: 'unavailable' });
    rec.stop();

    const never = recorder(() => new Promise<HistoryStore>(() => {}));
    never.enqueue(new Live(demo).first());
    const started = Date.now();
    await never.whenRecorded(1, 100);
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    expect(never.status()).toEqual({ state: 'starting' });
    never.stop();
  });

  it('after a restart, what changed meanwhile is one gap version between the last recorded version and the new one; nothing when nothing changed', async () => {
    const context = `ctx-${++contexts}`;
    const live = new Live(demo);
    const first = recorder(undefined, context);
    first.enqueue(live.first());
    first.enqueue(live.change({ put: [binding('a', 'alice@acme.example')] }));
    await first.idle();
    first.stop();

    // The same cluster, the same objects: a restart records nothing.
    const same = recorder(undefined, context);
    same.enqueue(live.first());
    await same.idle();
    same.stop();
    expect((await store.list(same.cluster!)).total).toBe(2);

    // Changed while down: one gap version.
    live.state.delete('NetworkPolicy/payments/default-deny-all');
    live.state.set('RoleBinding/payments/b', binding('b', 'bob@acme.example'));
    const again = recorder(undefined, context);
    again.enqueue(live.first());
    await again.idle();
    const list = await store.list(again.cluster!);
    expect(list.versions.map((v) => [v.version, v.kind, v.fromVersion, v.gapReason])).toEqual([
      [3, 'gap', 2, 'restart'],
      [2, 'change', undefined, undefined],
      [1, 'baseline', undefined, undefined],
    ]);
    const gap = await store.changeSet(again.cluster!, 3);
    expect(gap?.objects.map((o) => `${o.op} ${o.kind}/${o.namespace}/${o.name} via ${o.via}`).sort()).toEqual(['added RoleBinding/payments/b via restart', 'removed NetworkPolicy/payments/default-deny-all via restart']);
    expect(gap?.tags).toContain('removed-default-deny');
  });

  it('an unavailable store: the status names the cause, changes accumulate, and are recorded as one gap once it is back', async () => {
    let down = false;
    const flaky = async () => {
      if (down) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
      return store;
    };
    const live = new Live(demo);
    const rec = recorder(flaky);
    rec.enqueue(live.first());
    await rec.idle();
    down = true;
    rec.enqueue(live.change({ put: [binding('x', 'x@acme.example')] }));
    rec.enqueue(live.change({ remove: ['NetworkPolicy/payments/default-deny-all'] }));
    rec.enqueue(live.change({ remove: ['RoleBinding/payments/x'] }));
    await rec.idle();
    expect(rec.status()).toMatchObject({ state: 'unavailable', cause: 'connect ECONNREFUSED 127.0.0.1:5432' });
    down = false;
    await new Promise((r) => setTimeout(r, 150));
    await rec.idle();
    expect(rec.status()).toMatchObject({ state: 'recording', version: 2 });
    const v2 = await store.changeSet(rec.cluster!, 2);
    // x was added and removed while the store was down: only the net difference remains.
    expect(v2).toMatchObject({ kind: 'gap', fromVersion: 1, gapReason: 'store-unavailable' });
    expect(v2?.objects.map((o) => `${o.op} ${o.name}`)).toEqual(['removed default-deny-all']);
  });
});
