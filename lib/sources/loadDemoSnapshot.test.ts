import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Labels, Snapshot, Subject } from '../model';
import { demoDir, loadDemoSnapshot } from './loadDemoSnapshot';

let s: Snapshot;
beforeAll(async () => {
  s = await loadDemoSnapshot();
});

const readme = () => readFileSync(path.join(demoDir(), 'README.md'), 'utf8');
const matches = (sel: Labels, labels: Labels) => Object.entries(sel).every(([k, v]) => labels[k] === v);
const policy = (ns: string, name: string) => {
  const p = s.networkPolicies.find((x) => x.namespace === ns && x.name === name);
  if (!p) throw new Error(`no policy ${ns}/${name}`);
  return p;
};
const subjectsOf = (kind: 'RoleBinding' | 'ClusterRoleBinding', name: string, ns?: string): readonly Subject[] => {
  const b = kind === 'RoleBinding' ? s.roleBindings.find((x) => x.name === name && x.namespace === ns) : s.clusterRoleBindings.find((x) => x.name === name);
  if (!b) throw new Error(`no ${kind} ${name}`);
  return b.subjects;
};

describe('the demo cluster', () => {
  it('loads without warnings, its Services, Ingresses and Gateway API objects included', () => {
    expect(s.source).toEqual({ kind: 'demo' });
    expect(s.warnings.map((w) => [w.severity, w.message])).toEqual([]);
    expect([s.services.length, s.ingresses.length, s.ingressClasses.length, s.gatewayClasses.length, s.gateways.length, s.gatewayRoutes.length]).toEqual([13, 2, 1, 1, 1, 1]);
  });

  it('has 6-8 declared namespaces and 30-60 pods, with the counts the README states', () => {
    expect(s.namespaces.length).toBeGreaterThanOrEqual(6);
    expect(s.namespaces.length).toBeLessThanOrEqual(8);
    expect(s.namespaces.every((n) => n.declared)).toBe(true);
    expect(s.pods.length).toBeGreaterThanOrEqual(30);
    expect(s.pods.length).toBeLessThanOrEqual(60);
    const counts = `${s.namespaces.length} namespaces, ${s.pods.length} pods (${s.pods.filter((p) => !p.fromTemplate).length} live + ${s.pods.filter((p) => p.fromTemplate).length} from a template), ${s.workloads.length} workloads, ${s.networkPolicies.length} NetworkPolicies, ${s.adminNetworkPolicies.length} AdminNetworkPolicies,\n${s.baselineAdminNetworkPolicies.length} BaselineAdminNetworkPolicy, ${s.serviceAccounts.length} ServiceAccounts,\n${s.roles.length} Roles, ${s.clusterRoles.length} ClusterRoles, ${s.roleBindings.length} RoleBindings, ${s.clusterRoleBindings.length} ClusterRoleBindings.`;
    expect(readme()).toContain(counts);
    const entry = `${s.services.length} Services (two LoadBalancers, one NodePort), ${s.ingresses.length} Ingresses, ${s.ingressClasses.length} IngressClass, ${s.gatewayClasses.length} GatewayClass, ${s.gateways.length} Gateway, ${s.gatewayRoutes.length} HTTPRoute.`;
    expect(readme()).toContain(entry);
    expect([s.services.filter((x) => x.type === 'LoadBalancer').length, s.services.filter((x) => x.type === 'NodePort').length]).toEqual([2, 1]);
  });

  it('names origins demo/<file>', () => {
    expect(s.pods[0].origin?.file).toMatch(/^demo\/[a-z-]+\.yaml$/);
  });

  it('resolves live pods through their ReplicaSets to Deployments: no ReplicaSet is a workload', () => {
    expect(s.workloads.filter((w) => w.kind === 'ReplicaSet')).toEqual([]);
    expect(s.workloads.every((w) => w.declared)).toBe(true);
    expect(s.pods.filter((p) => p.workload.name === 'checkout').map((p) => p.owner?.kind)).toEqual(['ReplicaSet', 'ReplicaSet']);
  });

  it('has one Pending pod without IP, hostNetwork DaemonSet pods, and one representative pod for the CronJob', () => {
    expect(s.pods.filter((p) => p.phase !== 'Running').map((p) => [p.workload.name, p.phase, p.podIPs])).toEqual([['grafana', 'Pending', []]]);
    const exporters = s.pods.filter((p) => p.workload.name === 'node-exporter');
    expect(exporters.map((p) => [p.hostNetwork, p.podIPs[0] === p.hostIP])).toEqual([
      [true, true],
      [true, true],
      [true, true],
    ]);
    expect(s.pods.filter((p) => p.fromTemplate).map((p) => [p.name, `${p.workload.namespace}/${p.workload.name}[${p.workload.kind}]`])).toEqual([['nightly-e2e-template', 'ci/nightly-e2e[CronJob]']]);
  });

  it('makes the on-call story true: payments admits only TCP 8080 from checkout, which itself may send 8080 and 8443', () => {
    const ingress = policy('payments', 'payments-api-from-checkout');
    expect(ingress.ingress).toEqual([
      {
        ports: [{ protocol: 'TCP', port: 8080 }],
        peers: [{ kind: 'pods', namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'shop-backend' }, matchExpressions: [] }, podSelector: { matchLabels: { app: 'checkout' }, matchExpressions: [] } }],
      },
    ]);
    expect(policy('shop-backend', 'checkout-to-payments').egress[0].ports.map((p) => p.port)).toEqual([8080, 8443]);
    expect(policy('payments', 'default-deny-all').policyTypes).toEqual(['Ingress', 'Egress']);
    expect(readme()).toContain('checkout (shop-backend) cannot reach payments-api on TCP 8443');
  });

  it('holds the admin tiers the README lists: a kube-system guardrail, a Pass into PCI namespaces, a baseline for ci', () => {
    expect(s.adminNetworkPolicies.map((p) => [p.name, p.priority, p.ingress.map((r) => `${r.action}:${r.name}`)])).toEqual([
      ['cluster-guardrails', 10, ['Allow:allow-cluster-dns', 'Allow:allow-monitoring', 'Allow:allow-kube-system', 'Deny:deny-everything-else']],
      ['pci-isolation', 20, ['Pass:pass-pci-internal', 'Pass:pass-shop-to-payments-team', 'Pass:pass-monitoring', 'Deny:deny-other-namespaces']],
    ]);
    expect(s.baselineAdminNetworkPolicies.map((p) => [p.name, p.subject, p.ingress.map((r) => r.action)])).toEqual([
      ['default', { kind: 'namespaces', namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ci' }, matchExpressions: [] } }, ['Allow', 'Deny']],
    ]);
  });

  it('has a policy whose typo selector selects no pod', () => {
    const p = policy('payments', 'payments-api-to-fraud-scorer');
    expect(p.podSelector.matchLabels).toEqual({ app: 'paymnets-api' });
    expect(s.pods.filter((pod) => pod.namespace === 'payments' && matches(p.podSelector.matchLabels, pod.labels))).toEqual([]);
  });

  it('leaves kube-system and ci without any policy and exercises ipBlock except, endPort, named ports, ingress: [{}] and defaulted policyTypes', () => {
    const withPolicies = new Set(s.networkPolicies.map((p) => p.namespace));
    expect(s.namespaces.map((n) => n.name).filter((n) => !withPolicies.has(n)).sort()).toEqual(['ci', 'kube-system']);
    expect(policy('payments', 'payments-api-to-psp').egress[0].peers).toEqual([{ kind: 'ipBlock', cidr: '203.0.113.0/24', except: ['203.0.113.128/25'] }]);
    expect(policy('shop-backend', 'allow-metrics-scrape').ingress[0].ports).toEqual([{ protocol: 'TCP', port: 9000, endPort: 9100 }]);
    expect(policy('shop-frontend', 'storefront-from-ingress').ingress[0].ports).toEqual([{ protocol: 'TCP', port: 'http' }]);
    expect(policy('monitoring', 'grafana-open').ingress).toEqual([{ ports: [], peers: [] }]);
    expect(policy('ingress-nginx', 'ingress-nginx-egress')).toMatchObject({ policyTypes: ['Ingress', 'Egress'], policyTypesDeclared: false });
    expect(policy('shop-db', 'postgres-from-backend').ingress[0].peers).toHaveLength(2);
    const dns = policy('shop-frontend', 'allow-dns-egress').egress[0];
    expect(dns.ports).toEqual([
      { protocol: 'UDP', port: 53 },
      { protocol: 'TCP', port: 53 },
    ]);
  });

  it('keeps upstream admin/edit/view as rules: null with an aggregationRule', () => {
    for (const name of ['admin', 'edit', 'view']) {
      const r = s.clusterRoles.find((c) => c.name === name);
      expect(r?.rules).toEqual([]);
      expect(r?.aggregationRule?.clusterRoleSelectors).toHaveLength(1);
    }
    expect(readFileSync(path.join(demoDir(), 'rbac-bootstrap.yaml'), 'utf8')).toContain('Licensed under the Apache License, Version 2.0');
  });

  it('holds every planted RBAC fact the README lists, with its exact subjects', () => {
    expect(subjectsOf('RoleBinding', 'shop-developers', 'shop-backend')).toEqual([
      { kind: 'Group', name: 'shop-devs' },
      { kind: 'User', name: 'alice@acme.example' },
    ]);
    expect(subjectsOf('RoleBinding', 'gitlab-runner-edit', 'shop-backend')).toEqual([{ kind: 'ServiceAccount', name: 'gitlab-runner', namespace: 'ci' }]);
    expect(s.clusterRoles.find((c) => c.name === 'legacy-ops-full-access')?.rules).toEqual([{ verbs: ['*'], apiGroups: ['*'], resources: ['*'], resourceNames: [], nonResourceURLs: [] }]);
    expect(subjectsOf('ClusterRoleBinding', 'legacy-ops-full-access')).toEqual([{ kind: 'User', name: 'bob@acme.example' }]);
    expect(subjectsOf('ClusterRoleBinding', 'all-users-view')).toEqual([{ kind: 'Group', name: 'system:authenticated' }]);
    expect(subjectsOf('RoleBinding', 'payments-auditors', 'payments')).toEqual([{ kind: 'User', name: 'carol@acme.example' }]);
    expect(s.clusterRoles.some((c) => c.name === 'payments-audit-reader')).toBe(false);
    expect(s.clusterRoles.find((c) => c.name === 'support-impersonator')?.rules[0].verbs).toEqual(['impersonate']);
    expect(subjectsOf('ClusterRoleBinding', 'support-impersonation')).toEqual([{ kind: 'User', name: 'dave@acme.example' }]);
    expect(subjectsOf('ClusterRoleBinding', 'security-team-networkpolicy-admin')).toEqual([{ kind: 'Group', name: 'security-team' }]);
    expect(subjectsOf('RoleBinding', 'payments-deployers', 'payments')).toEqual([{ kind: 'Group', name: 'payments-devs' }]);
    expect(subjectsOf('RoleBinding', 'ingress-nginx', 'ingress-nginx')).toEqual([{ kind: 'ServiceAccount', name: 'ingress-nginx', namespace: 'ingress-nginx' }]);
    const text = readme();
    for (const name of ['shop-devs', 'alice@acme.example', 'ci/gitlab-runner', 'bob@acme.example', 'system:authenticated', 'carol@acme.example', 'payments-audit-reader', 'dave@acme.example', 'security-team', 'payments-devs']) {
      expect(text).toContain(`\`${name}\``);
    }
  });

  it('gives every workload a ServiceAccount object of the name it runs as', () => {
    const sas = new Set(s.serviceAccounts.map((a) => `${a.namespace}/${a.name}`));
    expect(s.pods.filter((p) => !sas.has(`${p.namespace}/${p.serviceAccountName}`)).map((p) => p.name)).toEqual([]);
  });
});
