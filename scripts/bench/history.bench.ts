// History benchmarks on the generated 10,000-pod cluster (self-reporting: p50/p95 need every sample, not a median):
// recording a change set with its effects for a stream of policy edits, binding edits and label changes; bytes per
// change; rebuilding a past version 99 deltas after its checkpoint; listing 100,000 change sets.
import { cpuUsage } from 'node:process';
import { analyze, type Analyses } from '../../lib/analyses';
import { stateOf } from '../../lib/history/delta';
import { computeEffects, effectTags } from '../../lib/history/effects';
import { snapshotContentHash } from '../../lib/report/snapshotHash';
import { snapshotFromStoredObjects, storedKey, toStoredObject, type StoredObject } from '../../lib/sources/storedObject';
import { HistoryStore } from '../../lib/store/historyStore';
import { MEMORY, openPgliteDb } from '../../lib/store/pgliteDb';
import { clusterManifests } from '../../lib/synthetic/clusterManifests';
import { generateCluster } from '../../lib/synthetic/generateCluster';

const CHANGES = Number(process.env.HISTORY_BENCH_CHANGES ?? 30);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const source = { kind: 'cluster' as const, context: 'bench', server: 'https://bench' };

async function main(): Promise<void> {
  const raw = Object.values(clusterManifests(generateCluster())).flat() as Record<string, unknown>[];
  const objects = raw.map((o) => toStoredObject(String(o.kind), String(o.apiVersion), o));
  let state = stateOf(objects);
  const store = await HistoryStore.open(await openPgliteDb(MEMORY));
  const cluster = await store.clusterId('bench', 'https://bench');
  const t0 = performance.now();
  await store.record(cluster, { version: 1, at: new Date().toISOString(), kind: 'baseline', unreadable: [], changes: [] }, state);
  console.log(`baseline: ${objects.length} objects, checkpoint written in ${(performance.now() - t0).toFixed(0)} ms, ${(await store.size(cluster)) / 1e6} MB`);

  const policies = objects.filter((o) => o.kind === 'NetworkPolicy');
  const bindings = objects.filter((o) => o.kind === 'RoleBinding');
  const pods = objects.filter((o) => o.kind === 'Pod');
  const edit = (i: number): StoredObject => {
    const kind = i % 3;
    if (kind === 0) {
      const p = policies[i % policies.length];
      const spec = p.body.spec as Record<string, unknown>;
      return { ...p, body: { ...p.body, spec: { ...spec, ingress: [...((spec.ingress as unknown[]) ?? []), { ports: [{ port: 20000 + i }] }] } } };
    }
    if (kind === 1) {
      const b = bindings[i % bindings.length];
      return { ...b, body: { ...b.body, subjects: [...((b.body.subjects as unknown[]) ?? []), { kind: 'User', name: `bench-${i}@example`, apiGroup: 'rbac.authorization.k8s.io' }] } };
    }
    const p = pods[i % pods.length];
    const meta = p.body.metadata as Record<string, unknown>;
    return { ...p, body: { ...p.body, metadata: { ...meta, labels: { ...(meta.labels as Record<string, string>), 'bench/tier': `t${i}` } } } };
  };

  let base: Analyses = analyze(snapshotFromStoredObjects(state.values(), { source, version: 1, readAt: new Date().toISOString() }));
  // Warm the base's analyses as the recorder's previous version would have them.
  if (process.env.HISTORY_BENCH_EFFECTS !== '0') console.log(`base analyses: ${base.findings.length} findings`);
  const wall: number[] = [];
  const cpu: number[] = [];
  const byKind: Record<string, number[]> = { policy: [], binding: [], label: [] };
  for (let i = 0; i < CHANGES; i++) {
    const after = edit(i);
    const key = storedKey(after);
    const before = state.get(key);
    const next = new Map(state).set(key, after);
    const at = new Date().toISOString();
    const w0 = performance.now();
    const c0 = cpuUsage();
    // What the recorder does per version: one transaction with the delta, then effects, content hash, save.
    await store.record(cluster, { version: i + 2, at, kind: 'change', unreadable: [], changes: [{ kind: after.kind, namespace: after.namespace, name: after.name, op: 'modified', via: 'watch', observedAt: at, ...(before ? { before } : {}), after }] }, (i + 2) % 100 === 0 ? next : undefined);
    // HISTORY_BENCH_EFFECTS=0 times the delta commit alone (the part the watch loop waits for: nothing; it is queued).
    let head = base;
    if (process.env.HISTORY_BENCH_EFFECTS !== '0') {
      head = analyze(snapshotFromStoredObjects(next.values(), { source, version: i + 2, readAt: at }));
      const effects = computeEffects(base, head, new Set([after.kind]));
      await store.saveEffects(cluster, i + 2, { effects, tags: effectTags(effects), contentHash: snapshotContentHash(head.snapshot), alerts: [] });
    }
    const c = cpuUsage(c0);
    const ms = performance.now() - w0;
    wall.push(ms);
    cpu.push((c.user + c.system) / 1000);
    byKind[['policy', 'binding', 'label'][i % 3]].push(ms);
    state = next;
    base = head;
    if (process.env.HISTORY_BENCH_VERBOSE) console.log(`  change ${i + 1}: ${ms.toFixed(0)} ms`);
  }
  const size = await store.size(cluster);
  console.log(`record a change set incl. effects, ${CHANGES} changes (policy edits, binding edits, label changes): p50 ${pct(wall, 50).toFixed(0)} ms, p95 ${pct(wall, 95).toFixed(0)} ms (target < 300 ms), CPU p50 ${pct(cpu, 50).toFixed(0)} ms p95 ${pct(cpu, 95).toFixed(0)} ms`);
  for (const [k, xs] of Object.entries(byKind)) console.log(`  ${k}: p50 ${pct(xs, 50).toFixed(0)} ms, p95 ${pct(xs, 95).toFixed(0)} ms`);
  const rows = await store.db.query<{ n: number }>('select coalesce(sum(bytes), 0)::int as n from versions where cluster_id = $1 and version > 1', [cluster]);
  console.log(`store growth: ${(rows[0].n / CHANGES).toFixed(0)} bytes of changes per change (before + after JSON); ${(size / 1e6).toFixed(2)} MB in all with the checkpoints`);

  // Rebuild the version furthest from a checkpoint: the baseline checkpoint plus every delta after it.
  const far = Math.min(CHANGES + 1, 99);
  const rebuild: number[] = [];
  for (let i = 0; i < 5; i++) {
    const r0 = performance.now();
    const st = await store.stateAt(cluster, far);
    snapshotFromStoredObjects(st.values(), { source, version: far, readAt: 'x' });
    rebuild.push(performance.now() - r0);
  }
  console.log(`rebuild version ${far} (${far - 1} deltas after its checkpoint, ${objects.length} objects): median ${pct(rebuild, 50).toFixed(0)} ms (target < 2 s)`);

  // 100,000 change sets: the History page's first page, a filtered page and a deep keyset page.
  await store.db.query(
    `insert into versions (cluster_id, version, at, kind, changes, bytes, namespaces, kinds, users, tags, effects_state)
     select $1, v, now() - (200000 - v) * interval '1 second', 'change', 1, 500, array['ns-' || (v % 200)], array['NetworkPolicy'], array['user-' || (v % 50)], case when v % 97 = 0 then array['removed-default-deny'] else array['opened-connection'] end, 'done'
     from generate_series(1000, 101000) v`,
    [cluster],
  );
  const timed = async (what: string, f: () => Promise<unknown>) => {
    const xs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const a = performance.now();
      await f();
      xs.push(performance.now() - a);
    }
    console.log(`history list, 100,000 change sets, ${what}: median ${pct(xs, 50).toFixed(0)} ms`);
  };
  await timed('first page of 50 with the total', () => store.list(cluster, {}, { limit: 50 }));
  await timed('filtered by effect removed-default-deny', () => store.list(cluster, { effect: 'removed-default-deny' }, { limit: 50 }));
  await timed('filtered by user substring', () => store.list(cluster, { user: 'user-7' }, { limit: 50 }));
  await timed('a keyset page 50,000 back', () => store.list(cluster, {}, { limit: 50, before: 51000 }));
  await store.close();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
