import { describe, expect, it } from 'vitest';
import { analyzeEntryPoints } from '../exposure';
import { analyzeConnectivity } from '../netpol/connectivity';
import { connlistTxt } from '../report/connlist';
import { snapshotFromTexts } from '../sources';
import { clusterManifests } from './clusterManifests';
import { generateCluster } from './generateCluster';

describe('generateCluster', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    expect(generateCluster({ pods: 500, seed: 7 })).toEqual(generateCluster({ pods: 500, seed: 7 }));
    expect(generateCluster({ pods: 500, seed: 7 }).workloads).not.toEqual(generateCluster({ pods: 500, seed: 8 }).workloads);
  });
  it('has the requested scale: pods, namespaces, policies and RBAC objects', () => {
    const s = generateCluster({ pods: 10_000 });
    expect(s.pods).toHaveLength(10_000);
    expect(s.namespaces.filter((n) => n.name.startsWith('tenant-'))).toHaveLength(200);
    expect(s.networkPolicies).toHaveLength(1_600);
    expect(s.roles.length + s.clusterRoles.length).toBe(2_000);
    expect(s.roleBindings.length + s.clusterRoleBindings.length).toBe(5_000);
    const subjects = new Set([...s.roleBindings, ...s.clusterRoleBindings].flatMap((b) => b.subjects.map((x) => `${x.kind}/${x.namespace ?? ''}/${x.name}`)));
    expect(subjects.size).toBe(10_000);
    expect(new Set([...subjects].map((x) => x.split('/')[0]))).toEqual(new Set(['User', 'Group', 'ServiceAccount']));
  });
  it('has 2,000 Services, 300 Ingresses and 100 HTTPRoutes per 10,000 pods, each routing to pods of the snapshot', () => {
    const s = generateCluster({ pods: 10_000 });
    expect([s.services.length, s.ingresses.length, s.gatewayRoutes.length]).toEqual([2_000, 300, 100]);
    expect(s.services.filter((x) => x.type === 'LoadBalancer').length).toBe(100);
    const workloads = new Set(s.workloads.map((w) => `${w.namespace}/${w.name}`));
    expect(s.services.every((x) => workloads.has(`${x.namespace}/${x.name}`))).toBe(true);
    const services = new Set(s.services.map((x) => `${x.namespace}/${x.name}`));
    expect(s.ingresses.every((i) => i.rules[0].paths[0].backend.kind === 'service' && services.has(`${i.namespace}/${i.rules[0].paths[0].backend.service}`))).toBe(true);
  });
  it('pods are live with unique IPs and owned by their Deployment', () => {
    const s = generateCluster({ pods: 300 });
    expect(new Set(s.pods.map((p) => p.podIPs[0])).size).toBe(300);
    expect(s.pods.every((p) => p.phase === 'Running' && p.workload.kind === 'Deployment' && p.owner?.kind === 'ReplicaSet')).toBe(true);
    const names = new Set(s.workloads.map((w) => `${w.namespace}/${w.name}`));
    expect(s.pods.every((p) => names.has(`${p.namespace}/${p.workload.name}`))).toBe(true);
  });
  it('manifests hold one Deployment and ReplicaSet per workload and every pod and policy', () => {
    const s = generateCluster({ pods: 300 });
    const m = clusterManifests(s);
    expect(m['deployments.json']).toHaveLength(s.workloads.length);
    expect(m['replicasets.json']).toHaveLength(s.workloads.length);
    expect(m['pods.json']).toHaveLength(300);
    expect(m['networkpolicies.json']).toHaveLength(s.networkPolicies.length);
  });
  it('manifests read back through the loader give the same connectivity as the generated snapshot', () => {
    const s = generateCluster({ pods: 400, seed: 3 });
    const files = Object.entries(clusterManifests(s)).map(([name, items]) => ({ name, text: JSON.stringify({ apiVersion: 'v1', kind: 'List', items }) }));
    const loaded = snapshotFromTexts(files, { kind: 'files', paths: [] });
    const lines = (snap: typeof s) => [...connlistTxt(analyzeConnectivity(snap))].join('');
    expect(loaded.pods).toHaveLength(400);
    expect(lines(loaded)).toBe(lines(s));
  });
  it('manifests read back give the same entry objects and entry points (Services, Ingresses, the Gateway and its HTTPRoutes)', () => {
    const s = generateCluster({ pods: 2_000, seed: 3 });
    const files = Object.entries(clusterManifests(s)).map(([name, items]) => ({ name, text: JSON.stringify({ apiVersion: 'v1', kind: 'List', items }) }));
    const loaded = snapshotFromTexts(files, { kind: 'files', paths: [] });
    const strip = (xs: readonly object[]) => xs.map((x) => Object.fromEntries(Object.entries(x).filter(([k]) => k !== 'origin' && k !== 'uid')));
    expect(s.services.length).toBeGreaterThan(0);
    expect(s.gatewayRoutes.length).toBeGreaterThan(0);
    for (const k of ['services', 'ingresses', 'ingressClasses', 'gatewayClasses', 'gateways', 'gatewayRoutes'] as const) expect(strip(loaded[k]), k).toEqual(strip(s[k]));
    const entries = (snap: typeof s) => analyzeEntryPoints(snap, analyzeConnectivity(snap)).entries.map((a) => `${a.entry.id} ${a.verdict} ${a.paths.length}`);
    expect(entries(loaded)).toEqual(entries(s));
  });
});

