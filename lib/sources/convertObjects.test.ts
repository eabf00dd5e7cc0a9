import { describe, expect, it } from 'vitest';
import { convertObjects } from './convertObjects';
import { listItemsAsRaw } from './raw';
import { snapshotOf } from './testing';

const pod = (name: string, body = '') => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n${body}`;

describe('convertObjects', () => {
  it('counts objects of unused kinds in one warning per kind', () => {
    const eps = (n: string) => `apiVersion: v1\nkind: Endpoints\nmetadata:\n  name: ${n}\n`;
    const s = snapshotOf([eps('a'), eps('b'), eps('c'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n'].join('---\n'));
    expect(s.warnings.map((w) => [w.code, w.severity, w.message])).toEqual([
      ['unused-kind', 'info', 'skipped 3 objects of kind Endpoints (not used by Perimeter)'],
      ['unused-kind', 'info', 'skipped 1 object of kind ConfigMap (not used by Perimeter)'],
    ]);
  });

  it('skips an object of a used kind name from another API group, such as a Calico NetworkPolicy', () => {
    const calico = 'apiVersion: projectcalico.org/v3\nkind: NetworkPolicy\nmetadata: {name: c, namespace: n}\nspec: {selector: all()}\n';
    const legacy = 'apiVersion: extensions/v1beta1\nkind: NetworkPolicy\nmetadata: {name: old, namespace: n}\nspec: {podSelector: {}}\n';
    const s = snapshotOf(`${calico}---\n${legacy}`);
    expect(s.networkPolicies.map((p) => p.name)).toEqual(['old']);
    expect(s.warnings.map((w) => w.message)).toEqual(['skipped 1 object of kind NetworkPolicy (projectcalico.org/v3) (not used by Perimeter)']);
  });

  it('warns about an object without a name and loads the rest', () => {
    const s = snapshotOf(`apiVersion: v1\nkind: Pod\nmetadata: {}\n---\n${pod('ok')}`);
    expect(s.pods.map((p) => p.name)).toEqual(['ok']);
    expect(s.warnings).toEqual([expect.objectContaining({ code: 'missing-name', severity: 'error', message: 't.yaml#0 (line 1): Pod has no metadata.name; skipped' })]);
  });

  it('says when an object has only a generateName', () => {
    const s = snapshotOf('apiVersion: batch/v1\nkind: Job\nmetadata:\n  generateName: migrate-\n');
    expect(s.warnings.map((w) => w.message)).toEqual(['t.yaml#0 (line 1): Job has only metadata.generateName "migrate-"; skipped']);
  });

  it('warns about a raw object without a kind (a live source may pass one)', () => {
    const c = convertObjects([{ object: { metadata: { name: 'x' } }, origin: { file: 'cluster:Pod' } }]);
    expect(c.warnings).toEqual([expect.objectContaining({ code: 'missing-kind', message: 'cluster:Pod: object has no kind; skipped' })]);
  });

  it('puts namespaced objects without a namespace in default', () => {
    const s = snapshotOf(pod('p'));
    expect(s.pods[0].namespace).toBe('default');
  });

  it('reads ServiceAccounts with their namespace and labels', () => {
    const s = snapshotOf('apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: bot, namespace: ci, labels: {team: platform}}\n');
    expect(s.serviceAccounts).toEqual([{ namespace: 'ci', name: 'bot', labels: { team: 'platform' }, origin: { file: 't.yaml', documentIndex: 0, line: 1 } }]);
  });

  it('labels every namespace with kubernetes.io/metadata.name', () => {
    const s = snapshotOf('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels: {team: a}\n');
    expect(s.namespaces).toEqual([expect.objectContaining({ name: 'shop', declared: true, labels: { team: 'a', 'kubernetes.io/metadata.name': 'shop' } })]);
  });

  it('takes a pod phase from status.phase, else Running for a manifest pod', () => {
    const s = snapshotOf(`${pod('a', 'status:\n  phase: Pending\n')}---\n${pod('b')}`);
    expect(s.pods.map((p) => [p.name, p.phase])).toEqual([
      ['a', 'Pending'],
      ['b', 'Running'],
    ]);
  });

  it('reads podIPs, falling back to podIP', () => {
    const s = snapshotOf(
      `${pod('a', 'status:\n  podIP: 10.0.0.1\n  podIPs: [{ip: 10.0.0.1}, {ip: "fd00::1"}]\n  hostIP: 192.168.1.1\n')}---\n${pod('b', 'status:\n  podIP: 10.0.0.2\n')}---\n${pod('c')}`,
    );
    expect(s.pods.map((p) => p.podIPs)).toEqual([['10.0.0.1', 'fd00::1'], ['10.0.0.2'], []]);
    expect(s.pods[0].hostIP).toBe('192.168.1.1');
  });

  it('reads hostNetwork and the service account (default, deprecated serviceAccount, serviceAccountName)', () => {
    const s = snapshotOf(
      [pod('a', 'spec:\n  hostNetwork: true\n'), pod('b', 'spec:\n  serviceAccount: old\n'), pod('c', 'spec:\n  serviceAccount: old\n  serviceAccountName: new\n')].join('---\n'),
    );
    expect(s.pods.map((p) => [p.hostNetwork, p.serviceAccountName])).toEqual([
      [true, 'default'],
      [false, 'old'],
      [false, 'new'],
    ]);
  });

  it('collects ports of containers and initContainers (marked init or sidecar), protocol defaulting to TCP, with hostPorts', () => {
    const body =
      'spec:\n  initContainers:\n  - name: i\n    ports: [{name: probe, containerPort: 81}]\n  - name: proxy\n    restartPolicy: Always\n    ports: [{name: envoy, containerPort: 15001}]\n' +
      '  containers:\n  - name: c\n    ports: [{name: http, containerPort: 80, hostPort: 8080, hostIP: 0.0.0.0}, {containerPort: 53, protocol: UDP}]\n';
    const s = snapshotOf(pod('a', body));
    expect(s.pods[0].containerPorts).toEqual([
      { name: 'http', containerPort: 80, protocol: 'TCP', hostPort: 8080, hostIP: '0.0.0.0' },
      { containerPort: 53, protocol: 'UDP' },
      { name: 'probe', containerPort: 81, protocol: 'TCP', container: 'init' },
      { name: 'envoy', containerPort: 15001, protocol: 'TCP', container: 'sidecar' },
    ]);
  });

  it('the ports of a hostNetwork pod default to host ports (SetDefaults_Pod), those of a pod template do not', () => {
    const template = 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: ds}\nspec:\n  template:\n    spec: {hostNetwork: true, containers: [{name: c, ports: [{containerPort: 9100}]}]}\n';
    const s = snapshotOf(`${pod('node-exporter', 'spec:\n  hostNetwork: true\n  containers: [{name: c, ports: [{containerPort: 9100}]}]\n')}---\n${template}`);
    expect(s.pods.map((p) => [p.name, p.containerPorts[0].hostPort])).toEqual([
      ['node-exporter', 9100],
      ['ds-template', undefined],
    ]);
  });

  it('warns about an invalid container port and keeps the others', () => {
    const s = snapshotOf(pod('a', 'spec:\n  containers:\n  - name: c\n    ports: [{name: udps, containerport: 3535}, {containerPort: 80}]\n'));
    expect(s.pods[0].containerPorts).toEqual([{ containerPort: 80, protocol: 'TCP' }]);
    expect(s.warnings.map((w) => [w.code, w.message])).toEqual([['invalid-container-port', 't.yaml#0 (line 1): Pod default/a: port "udps" has no containerPort; that port is ignored']]);
    const bad = snapshotOf(pod('b', 'spec:\n  containers:\n  - name: c\n    ports: [{containerPort: 70000}, {containerPort: 80, protocol: ICMP}]\n'));
    expect(bad.warnings.map((w) => w.message)).toEqual([
      't.yaml#0 (line 1): Pod default/b: port of container "c" has containerPort 70000, not a number between 1 and 65535; that port is ignored',
      't.yaml#0 (line 1): Pod default/b: port of container "c" has protocol "ICMP", not TCP, UDP or SCTP; that port is ignored',
    ]);
  });

  it('takes the ownerReference with controller: true', () => {
    const body = 'metadata:\n  name: a\n  ownerReferences:\n  - {kind: Other, name: x}\n  - {apiVersion: apps/v1, kind: ReplicaSet, name: rs-1, controller: true, uid: u1}\n';
    const s = snapshotOf(`apiVersion: v1\nkind: Pod\n${body}`);
    expect(s.pods[0].owner).toEqual({ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs-1', uid: 'u1' });
    expect(s.pods[0].workload).toEqual({ namespace: 'default', kind: 'ReplicaSet', name: 'rs-1' });
  });
});

describe('listItemsAsRaw', () => {
  it('gives list items from the API their kind and a cluster origin, ready for convertObjects', () => {
    const raw = listItemsAsRaw('Pod', [{ metadata: { name: 'a', namespace: 'n' } }, 'junk', { kind: 'Pod', metadata: { name: 'b' } }]);
    expect(raw.map((r) => [r.object.kind, r.origin])).toEqual([
      ['Pod', { file: 'cluster:Pod', itemIndex: 0 }],
      ['Pod', { file: 'cluster:Pod', itemIndex: 2 }],
    ]);
    expect(convertObjects(raw).pods.map((p) => `${p.namespace}/${p.name}`)).toEqual(['n/a', 'default/b']);
  });
});
