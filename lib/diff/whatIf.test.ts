import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../analyses/analyses';
import type { Snapshot } from '../model';
import { loadDemoSnapshot } from '../sources';
import { parseDeletions, whatIf } from './whatIf';

let demo: Snapshot;
beforeAll(async () => {
  demo = await loadDemoSnapshot();
});

const fix8443 = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: payments-api-from-checkout, namespace: payments}
spec:
  podSelector: {matchLabels: {app: payments-api}}
  ingress:
    - from:
        - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: shop-backend}}
          podSelector: {matchLabels: {app: checkout}}
      ports: [{port: 8080}, {port: 8443}]
`;

describe('whatIf (demo cluster)', () => {
  it('replacing a policy shows the changed ports of the on-call story: checkout reaches payments-api on 8443 too', () => {
    const r = whatIf(analyze(demo), { files: [{ name: 'fix.yaml', text: fix8443 }], deletions: '' });
    expect(r.replaced).toEqual([{ kind: 'NetworkPolicy', namespace: 'payments', name: 'payments-api-from-checkout' }]);
    expect(r.created).toEqual([]);
    expect(r.diff.connections).toEqual([
      { change: 'changed', src: 'shop-backend/checkout[Deployment]', dst: 'payments/payments-api[Deployment]', before: 'TCP 8080', after: 'TCP 8080,8443', opened: 'TCP 8443', exposure: 'cross-namespace' },
    ]);
    expect(r.warnings).toEqual([]);
    // The partners' LoadBalancer (8443 only) was a Service no client could use; checkout now can (demo/README.md).
    expect(r.diff.findings?.introduced).toEqual([]);
    expect(r.diff.findings?.resolved.map((f) => f.id)).toEqual(['PER-EXP-BROKEN-SERVICE:payments/payments-api-partners']);
  });
  it('deleting the default deny of payments opens it; deleting a missing object is a warning', () => {
    const r = whatIf(analyze(demo), { files: [], deletions: '# remove the deny\nNetworkPolicy/payments/default-deny-all\nnetpol/payments/nope\n' });
    expect(r.deleted).toEqual([{ kind: 'NetworkPolicy', namespace: 'payments', name: 'default-deny-all' }]);
    expect(r.diff.connections.some((c) => c.change === 'added' && c.dst === 'payments/payments-worker[Deployment]' && c.exposure === 'from-outside')).toBe(true);
    expect(r.warnings.map((w) => w.code)).toEqual(['what-if-deletion-missing']);
    // payments loses its default deny of ingress; allow-dns-egress (podSelector {}, DNS only) still denies the rest of egress.
    expect(r.diff.findings?.introduced.map((f) => f.id)).toEqual(['PER-NET-NO-DEFAULT-DENY-INGRESS:payments']);
  });
  it('deleting the BaselineAdminNetworkPolicy reopens ci to other namespaces; the ANP guardrails still close kube-system', () => {
    const r = whatIf(analyze(demo), { files: [], deletions: 'banp/default\n' });
    expect(r.deleted).toEqual([{ kind: 'BaselineAdminNetworkPolicy', name: 'default' }]);
    const added = r.diff.connections.filter((c) => c.change === 'added');
    expect(added.some((c) => c.dst.startsWith('ci/') && c.src.startsWith('monitoring/'))).toBe(true);
    expect(added.filter((c) => c.dst.startsWith('kube-system/'))).toEqual([]);
  });
  it('a new RoleBinding shows who gains NetworkPolicy rights, and nothing changes in connectivity', () => {
    const rb = `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: contractors-netpol, namespace: payments}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: networkpolicy-admin}
subjects: [{kind: User, name: mallory@contractor.example}]
`;
    const r = whatIf(analyze(demo), { files: [{ name: 'rb.yaml', text: rb }], deletions: '' });
    expect(r.created).toEqual([{ kind: 'RoleBinding', namespace: 'payments', name: 'contractors-netpol' }]);
    expect(r.diff.connections).toEqual([]);
    expect(r.diff.access.map((a) => `${a.change} ${a.subject} ${a.capability} ${a.namespace}`)).toEqual(['gained User:mallory@contractor.example change NetworkPolicies payments']);
  });
  it('workloads in the pasted YAML are ignored with a warning, never added', () => {
    const dep = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x, namespace: payments}\nspec: {selector: {matchLabels: {a: b}}, template: {metadata: {labels: {a: b}}, spec: {containers: [{name: c, image: i}]}}}\n';
    const r = whatIf(analyze(demo), { files: [{ name: 'd.yaml', text: dep }], deletions: '' });
    expect(r.diff.connections).toEqual([]);
    expect(r.warnings.map((w) => w.code)).toEqual(['what-if-kind-ignored']);
  });
});

describe('parseDeletions', () => {
  it('reads Kind/ns/name and Kind/name for cluster-scoped kinds, with kubectl short names', () => {
    expect(parseDeletions('netpol/a/b\nClusterRoleBinding/x\n\n  rolebinding/ns/rb  # why').refs).toEqual([
      { kind: 'NetworkPolicy', namespace: 'a', name: 'b' },
      { kind: 'ClusterRoleBinding', name: 'x' },
      { kind: 'RoleBinding', namespace: 'ns', name: 'rb' },
    ]);
    expect(parseDeletions('Pod/a/b\nNetworkPolicy/b\nClusterRole/a/b').warnings.map((w) => w.message)).toEqual([
      'deletion line 1 "Pod/a/b": the kind must be NetworkPolicy, AdminNetworkPolicy, BaselineAdminNetworkPolicy, Role, ClusterRole, RoleBinding or ClusterRoleBinding; it was ignored.',
      'deletion line 2 "NetworkPolicy/b": write NetworkPolicy/namespace/name; it was ignored.',
      'deletion line 3 "ClusterRole/a/b": write ClusterRole/name; it was ignored.',
    ]);
  });

  it('reports every line it ignores, including kinds that are names of Object.prototype (constructor/a/b)', () => {
    const text = ['constructor/a/b', '__proto__/a/b', 'toString/x', 'hasOwnProperty/a/b', 'valueOf'].join('\n');
    const r = parseDeletions(text);
    expect(r.refs).toEqual([]);
    expect(r.warnings.map((w) => w.message.split(':')[0])).toEqual(['deletion line 1 "constructor/a/b"', 'deletion line 2 "__proto__/a/b"', 'deletion line 3 "toString/x"', 'deletion line 4 "hasOwnProperty/a/b"', 'deletion line 5 "valueOf"']);
  });
});
