import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../model';
import { clusterManifests } from '../synthetic/clusterManifests';
import { generateCluster } from '../synthetic/generateCluster';
import { assembleSnapshot } from './assembleSnapshot';
import { convertObjects } from './convertObjects';
import { demoDir } from './loadDemoSnapshot';
import { parseManifestText } from './parseManifestText';
import { lastManagedWrite, snapshotFromStoredObjects, storedKey, toStoredObject } from './storedObject';
import type { RawMap } from './types';

/** The model without origins (a stored object comes from `cluster:<Kind>`, a manifest from its file). */
const strip = (s: Snapshot) => JSON.parse(JSON.stringify({ ...s, warnings: s.warnings.map((w) => w.code) }, (k, v: unknown) => (k === 'origin' ? undefined : v))) as unknown;

async function demoRaw(): Promise<RawMap[]> {
  const files = (await readdir(demoDir())).filter((f) => f.endsWith('.yaml')).sort();
  const out: RawMap[] = [];
  for (const f of files) out.push(...parseManifestText(f, await readFile(path.join(demoDir(), f), 'utf8')).objects.map((o) => o.object));
  return out;
}

function viaStore(raw: readonly RawMap[]): Snapshot {
  const stored = raw.map((o) => toStoredObject(String(o.kind), String(o.apiVersion), o));
  return snapshotFromStoredObjects(stored, { source: { kind: 'demo' }, version: 1, readAt: 'x' });
}

function direct(raw: readonly RawMap[]): Snapshot {
  return assembleSnapshot(convertObjects(raw.map((object) => ({ object, origin: { file: 'x' } }))), { kind: 'demo' }, { version: 1, readAt: 'x' });
}

describe('stored objects', () => {
  it('the demo rebuilt from its stored form is the demo snapshot (the projection keeps every field the model reads)', async () => {
    const raw = await demoRaw();
    expect(strip(viaStore(raw))).toEqual(strip(direct(raw)));
  });

  it('so is a generated cluster with live pods, ReplicaSets, IPs and RBAC', () => {
    const raw = Object.values(clusterManifests(generateCluster({ pods: 400, seed: 3 }))).flat() as RawMap[];
    expect(strip(viaStore(raw))).toEqual(strip(direct(raw)));
  });

  it('a pod keeps labels, IPs, phase and ports but not images, env or conditions; resourceVersion is kept beside the body', () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'a', uid: 'u1', resourceVersion: '42', labels: { app: 'x' }, annotations: { big: 'y' }, managedFields: [{ manager: 'kubelet', operation: 'Update', time: '2026-01-01T00:00:00Z' }] },
      spec: { containers: [{ name: 'c', image: 'nginx', env: [{ name: 'A', value: 'b' }], ports: [{ containerPort: 80 }] }], nodeName: 'n1' },
      status: { phase: 'Running', podIP: '10.0.0.1', conditions: [{ type: 'Ready' }] },
    };
    const s = toStoredObject('Pod', 'v1', pod);
    expect(s).toEqual({
      kind: 'Pod',
      apiVersion: 'v1',
      namespace: 'a',
      name: 'p',
      uid: 'u1',
      resourceVersion: '42',
      body: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'a', uid: 'u1', labels: { app: 'x' } }, spec: { nodeName: 'n1', containers: [{ name: 'c', ports: [{ containerPort: 80 }] }] }, status: { phase: 'Running', podIP: '10.0.0.1' } },
    });
    expect(storedKey(s)).toBe('Pod/a/p');
  });

  it('a NetworkPolicy keeps its whole spec; a cluster-scoped kind has namespace ""', () => {
    const np = { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'd', namespace: 'a', generation: 3 }, spec: { podSelector: {}, policyTypes: ['Ingress'] } };
    expect(toStoredObject('NetworkPolicy', 'networking.k8s.io/v1', np).body).toEqual({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'd', namespace: 'a' }, spec: { podSelector: {}, policyTypes: ['Ingress'] } });
    expect(toStoredObject('ClusterRole', 'rbac.authorization.k8s.io/v1', { metadata: { name: 'r', namespace: 'ignored' }, rules: [] }).namespace).toBe('');
  });

  it('lastManagedWrite is the newest managedFields entry', () => {
    const raw = { metadata: { managedFields: [{ manager: 'kubectl-client-side-apply', operation: 'Update', time: '2026-01-01T00:00:00Z' }, { manager: 'kubectl-edit', operation: 'Update', time: '2026-01-02T00:00:00Z' }, { manager: 'x' }] } };
    expect(lastManagedWrite(raw)).toEqual({ manager: 'kubectl-edit', operation: 'Update', time: '2026-01-02T00:00:00Z' });
    expect(lastManagedWrite({ metadata: {} })).toBeUndefined();
  });
});
