import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoSnapshot, loadManifestFiles } from '@/lib/sources';
import { createSnapshotStore, readSnapshot, type SnapshotLoaders } from './snapshotStore';
import { parseSourceConfig } from './sourceConfig';

const loaders: SnapshotLoaders = {
  demo: loadDemoSnapshot,
  files: loadManifestFiles,
  cluster: async () => ({ ok: false, failure: { context: 'prod', server: 'https://10.0.0.1:6443', cause: 'list pods: connect ECONNREFUSED 10.0.0.1:6443' } }),
};

const POLICY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny-all, namespace: shop}
spec: {podSelector: {}}
`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'perimeter-store-'));
  await writeFile(path.join(dir, 'policy.yaml'), POLICY);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readSnapshot', () => {
  it('an unreachable cluster fails with its context, server and cause instead of falling back to the demo', async () => {
    const r = await readSnapshot({ kind: 'cluster' }, loaders, dir);
    expect(r.ok).toBe(false);
    if (r.ok) throw new Error('expected a failure');
    expect(r.failure.reason).toBe('cluster-unavailable');
    expect(r.failure.message).toBe('Cannot read the cluster of kubeconfig context "prod" at https://10.0.0.1:6443: list pods: connect ECONNREFUSED 10.0.0.1:6443');
    expect(r.failure.hint).toContain('kubectl --context prod get namespaces');
  });

  it('the cluster source is asked on every load (each change is a new version), never cached by the store', async () => {
    let version = 0;
    const demo = await loadDemoSnapshot();
    const store = createSnapshotStore(() => ({ kind: 'cluster' }), { ...loaders, cluster: async () => ({ ok: true, snapshot: { ...demo, version: ++version } }) });
    const a = await store.load();
    const b = await store.load();
    expect(a.ok && b.ok && [a.snapshot.version, b.snapshot.version]).toEqual([1, 2]);
  });

  it('a path that does not exist is a failure naming it and where it was resolved', async () => {
    const r = await readSnapshot({ kind: 'files', paths: ['policy.yaml', 'nope.yaml'] }, loaders, dir);
    if (r.ok) throw new Error('expected a failure');
    expect(r.failure.reason).toBe('path-not-found');
    expect(r.failure.message).toContain(`nope.yaml (resolved to ${path.join(dir, 'nope.yaml')})`);
    expect(r.failure.message).not.toContain('policy.yaml');
  });

  it('existing files are read through the manifest loader, relative to the working directory given', async () => {
    const file = path.join(dir, 'policy.yaml');
    const r = await readSnapshot({ kind: 'files', paths: [file] }, loaders, dir);
    if (!r.ok) throw new Error(r.failure.message);
    expect(r.snapshot.source).toEqual({ kind: 'files', paths: [file] });
    expect(r.snapshot.networkPolicies.map((p) => `${p.namespace}/${p.name}`)).toEqual(['shop/deny-all']);
  });

  it('a loader that throws becomes a load-failed result, not an exception', async () => {
    const failing: SnapshotLoaders = {
      ...loaders,
      files: async () => {
        throw new Error('disk on fire');
      },
    };
    const r = await readSnapshot({ kind: 'files', paths: ['policy.yaml'] }, failing, dir);
    if (r.ok) throw new Error('expected a failure');
    expect(r.failure).toMatchObject({ reason: 'load-failed', message: 'Could not read policy.yaml: disk on fire' });
  });
});

describe('createSnapshotStore', () => {
  it('reads the environment and the source once per process, and shares the result', async () => {
    let envReads = 0;
    const file = path.join(dir, 'policy.yaml');
    const store = createSnapshotStore(() => {
      envReads += 1;
      return parseSourceConfig(file);
    }, loaders);
    const [a, b] = await Promise.all([store.load(), store.load()]);
    expect(a).toBe(b);
    expect(await store.load()).toBe(a);
    expect(envReads).toBe(1);
    expect(a.ok && a.snapshot.networkPolicies.length).toBe(1);
  });
});
