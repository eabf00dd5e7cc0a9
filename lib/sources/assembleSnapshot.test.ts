import { describe, expect, it } from 'vitest';
import { assembleSnapshot } from './assembleSnapshot';
import { convertObjects } from './convertObjects';
import { snapshotOf } from './testing';

const owner = (kind: string, name: string, apiVersion = 'apps/v1') =>
  `  ownerReferences:\n  - {apiVersion: ${apiVersion}, kind: ${kind}, name: ${name}, controller: true}\n`;
const pod = (name: string, ownerRef = '', ns = 'shop') => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  namespace: ${ns}\n  labels: {app: x}\n${ownerRef}status:\n  phase: Running\n  podIP: 10.0.0.9\n`;
const TEMPLATE = 'metadata:\n      labels: {app: web}\n    spec:\n      serviceAccountName: web-sa\n      hostNetwork: true\n      containers:\n      - name: c\n        ports: [{name: http, containerPort: 8080}]';
const ctrl = (kind: string, name: string, ownerRef = '', apiVersion = 'apps/v1') =>
  `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: ${name}\n  namespace: shop\n  labels: {tier: ${kind.toLowerCase()}}\n${ownerRef}spec:\n  replicas: 2\n  template:\n    ${TEMPLATE}\n`;
const cronJob = (name: string) =>
  `apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: ${name}\n  namespace: shop\nspec:\n  schedule: "0 * * * *"\n  jobTemplate:\n    spec:\n      template:\n        ${TEMPLATE.replace(/\n/g, '\n    ')}\n`;
const ref = (w: { namespace: string; name: string; kind: string }) => `${w.namespace}/${w.name}[${w.kind}]`;

describe('assembleSnapshot: workloads', () => {
  it('follows a pod through its ReplicaSet to the Deployment when both are present', () => {
    const s = snapshotOf([ctrl('Deployment', 'web'), ctrl('ReplicaSet', 'web-5d8f', owner('Deployment', 'web')), pod('web-5d8f-abcde', owner('ReplicaSet', 'web-5d8f'))].join('---\n'));
    expect(s.pods.map((p) => [p.name, ref(p.workload), p.fromTemplate])).toEqual([['web-5d8f-abcde', 'shop/web[Deployment]', false]]);
    expect(s.workloads).toEqual([
      expect.objectContaining({ namespace: 'shop', kind: 'Deployment', name: 'web', declared: true, podNames: ['web-5d8f-abcde'], labels: { tier: 'deployment' }, templateLabels: { app: 'web' }, replicas: 2, serviceAccountName: 'web-sa' }),
    ]);
  });

  it('names the ReplicaSet as the workload when no ReplicaSet object is present (as the connlist golden files do)', () => {
    const s = snapshotOf(pod('redis-cart-78746d49dc-kjhsd', owner('ReplicaSet', 'redis-cart-78746d49dc'), 'default'));
    expect(s.workloads.map(ref)).toEqual(['default/redis-cart-78746d49dc[ReplicaSet]']);
    expect(s.workloads[0].declared).toBe(false);
  });

  it('follows a Job to its CronJob', () => {
    const s = snapshotOf([cronJob('nightly'), ctrl('Job', 'nightly-123', owner('CronJob', 'nightly', 'batch/v1'), 'batch/v1'), pod('nightly-123-x', owner('Job', 'nightly-123', 'batch/v1'))].join('---\n'));
    expect(s.pods.map((p) => ref(p.workload))).toEqual(['shop/nightly[CronJob]']);
    expect(s.workloads.map(ref)).toEqual(['shop/nightly[CronJob]']);
  });

  it('makes a bare pod its own workload of kind Pod', () => {
    const s = snapshotOf(pod('debug'));
    expect(s.workloads).toEqual([expect.objectContaining({ kind: 'Pod', name: 'debug', podNames: ['debug'], declared: true, labels: { app: 'x' } })]);
  });

  it('makes a static pod owned by a Node its own workload', () => {
    const s = snapshotOf(pod('etcd-node-1', owner('Node', 'node-1', 'v1'), 'kube-system'));
    expect(s.pods[0].workload).toEqual({ namespace: 'kube-system', kind: 'Pod', name: 'etcd-node-1' });
  });

  it.each([
    ['Deployment', ctrl('Deployment', 'web')],
    ['StatefulSet', ctrl('StatefulSet', 'web')],
    ['DaemonSet', ctrl('DaemonSet', 'web')],
    ['ReplicaSet', ctrl('ReplicaSet', 'web')],
    ['ReplicationController', ctrl('ReplicationController', 'web', '', 'v1')],
    ['Job', ctrl('Job', 'web', '', 'batch/v1')],
    ['CronJob', cronJob('web')],
  ])('gives a %s without live pods one representative pod from its template', (kind, yaml) => {
    const s = snapshotOf(yaml);
    expect(s.warnings).toEqual([]);
    expect(s.pods).toEqual([
      expect.objectContaining({
        namespace: 'shop',
        name: 'web-template',
        labels: { app: 'web' },
        phase: 'Running',
        podIPs: [],
        hostNetwork: true,
        serviceAccountName: 'web-sa',
        containerPorts: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
        fromTemplate: true,
        workload: { namespace: 'shop', kind, name: 'web' },
      }),
    ]);
    expect(s.workloads).toEqual([expect.objectContaining({ kind, name: 'web', podNames: ['web-template'], declared: true })]);
  });

  it('gives a Deployment with an owned ReplicaSet but no pods exactly one representative pod, from the Deployment', () => {
    const s = snapshotOf([ctrl('Deployment', 'web'), ctrl('ReplicaSet', 'web-5d8f', owner('Deployment', 'web'))].join('---\n'));
    expect(s.pods.map((p) => [p.name, ref(p.workload)])).toEqual([['web-template', 'shop/web[Deployment]']]);
  });

  it('gives a ReplicaSet whose Deployment is absent a representative pod named after the ReplicaSet, in the Deployment workload', () => {
    const s = snapshotOf(ctrl('ReplicaSet', 'web-5d8f', owner('Deployment', 'web')));
    expect(s.pods.map((p) => [p.name, ref(p.workload), p.fromTemplate])).toEqual([['web-5d8f-template', 'shop/web[Deployment]', true]]);
    expect(s.workloads[0].declared).toBe(false);
  });

  it('gives no representative pod to a controller that has live pods', () => {
    const s = snapshotOf([ctrl('StatefulSet', 'db'), pod('db-0', owner('StatefulSet', 'db'))].join('---\n'));
    expect(s.pods.map((p) => p.name)).toEqual(['db-0']);
    expect(s.pods.some((p) => p.fromTemplate)).toBe(false);
  });

  it('warns about a controller without a pod template and makes no pod for it', () => {
    const s = snapshotOf('apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: empty, namespace: shop}\nspec: {}\n');
    expect(s.pods).toEqual([]);
    expect(s.warnings[0]).toMatchObject({ code: 'missing-pod-template', message: 't.yaml#0 (line 1): Deployment shop/empty has no pod template; no representative pod can be made for it' });
  });

  it('does not loop on an ownerReference cycle', () => {
    const s = snapshotOf([ctrl('ReplicaSet', 'a', owner('ReplicaSet', 'b')), ctrl('ReplicaSet', 'b', owner('ReplicaSet', 'a')), pod('p', owner('ReplicaSet', 'a'))].join('---\n'));
    expect(s.pods.map((p) => p.name)).toEqual(['p']);
  });
});

describe('assembleSnapshot: namespaces, duplicates, metadata', () => {
  it('creates an undeclared namespace, with its name label, for objects in a namespace nobody declares', () => {
    const s = snapshotOf(`apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\n${pod('p', '', 'b')}`);
    expect(s.namespaces).toEqual([
      expect.objectContaining({ name: 'a', declared: true }),
      { name: 'b', labels: { 'kubernetes.io/metadata.name': 'b' }, declared: false },
    ]);
  });

  it('reads an identical copy once and notes it, naming both locations', () => {
    const s = snapshotOf(`${pod('p')}---\n${pod('p')}`);
    expect(s.pods).toHaveLength(1);
    expect(s.pods[0].origin?.documentIndex).toBe(0);
    expect(s.warnings).toEqual([
      expect.objectContaining({ code: 'duplicate-object', severity: 'info', message: 'Pod shop/p at t.yaml#1 (line 11) duplicates the one at t.yaml#0 (line 1) (identical); it is read once' }),
    ]);
  });

  it('a copy that differs is an input error: which one a cluster gets depends on the tool (kubectl apply keeps the last, Helm and kustomize refuse)', () => {
    const s = snapshotOf(`${pod('p')}---\n${pod('p').replace('app: x', 'app: y')}`);
    expect(s.pods.map((p) => p.labels)).toEqual([{ app: 'x' }]);
    expect(s.warnings).toEqual([expect.objectContaining({ code: 'duplicate-object', severity: 'error', message: expect.stringContaining('duplicates the one at t.yaml#0 (line 1) and differs from it') })]);
  });

  it('does not call objects of different kinds with the same name duplicates', () => {
    const s = snapshotOf([ctrl('Deployment', 'web'), ctrl('StatefulSet', 'web')].join('---\n'));
    expect(s.warnings).toEqual([]);
    expect(s.workloads).toHaveLength(2);
  });

  it('stamps version 1, an ISO readAt, no unreadable kinds, and the given source and warnings', () => {
    const before = Date.now();
    const s = assembleSnapshot(convertObjects([]), { kind: 'demo' }, { warnings: [{ code: 'x', severity: 'info', message: 'm' }] });
    expect(s.version).toBe(1);
    expect(Date.parse(s.readAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(s.readAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(s.unreadable).toEqual([]);
    expect(s.source).toEqual({ kind: 'demo' });
    expect(s.warnings.map((w) => w.code)).toEqual(['x']);
    expect(assembleSnapshot(convertObjects([]), { kind: 'demo' }, { version: 7, readAt: '2026-01-01T00:00:00.000Z' })).toMatchObject({ version: 7, readAt: '2026-01-01T00:00:00.000Z' });
  });
});

describe('assembleSnapshot: ownerReferences without kind', () => {
  it('groups pods whose controller reference has a name but no kind as ns/<owner>[Pod], as netpol-analyzer does', () => {
    const noKind = '  ownerReferences:\n  - {name: internal-security, controller: true}\n';
    const s = snapshotOf([pod('pod-1', noKind, 'default'), pod('pod-2', noKind, 'default')].join('---\n'));
    expect(s.workloads).toEqual([expect.objectContaining({ namespace: 'default', kind: 'Pod', name: 'internal-security', podNames: ['pod-1', 'pod-2'], declared: false })]);
    expect(s.warnings.map((w) => [w.code, w.severity])).toEqual([
      ['owner-without-kind', 'info'],
      ['owner-without-kind', 'info'],
    ]);
  });
});
