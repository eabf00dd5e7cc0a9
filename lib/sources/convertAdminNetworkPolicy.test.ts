import { describe, expect, it } from 'vitest';
import { snapshotOf } from './testing';

/** An AdminNetworkPolicy (or BaselineAdminNetworkPolicy) with the given spec (YAML, indented under `spec:`). */
function doc(kind: 'AdminNetworkPolicy' | 'BaselineAdminNetworkPolicy', spec: string, name = kind === 'AdminNetworkPolicy' ? 'guard' : 'default', apiVersion = 'policy.networking.k8s.io/v1alpha1'): string {
  return `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: ${name}\nspec:\n${spec.replace(/^/gm, '  ')}\n`;
}

const SUBJECT = 'subject:\n  namespaces: {}';

function dropped(yaml: string) {
  const s = snapshotOf(yaml);
  expect(s.adminNetworkPolicies).toEqual([]);
  expect(s.baselineAdminNetworkPolicies).toEqual([]);
  const errors = s.warnings.filter((w) => w.severity === 'error');
  expect(errors).toHaveLength(1);
  return errors[0];
}

describe('AdminNetworkPolicy conversion', () => {
  it('reads priority, subject, rules in order, peers and the three port forms (protocol defaults to TCP)', () => {
    const s = snapshotOf(
      doc(
        'AdminNetworkPolicy',
        `priority: 10\nsubject:\n  pods:\n    namespaceSelector: {matchLabels: {team: a}}\n    podSelector: {matchLabels: {app: web}}\ningress:\n- name: deny-x\n  action: Deny\n  from:\n  - namespaces: {matchLabels: {team: x}}\n  ports:\n  - portNumber: {port: 80}\n  - portRange: {protocol: UDP, start: 1000, end: 2000}\n  - namedPort: http\negress:\n- action: Pass\n  to:\n  - networks: [10.1.2.3/8, "fd00::/8"]\n  - nodes: {matchLabels: {role: infra}}`,
      ),
    );
    expect(s.adminNetworkPolicies).toHaveLength(1);
    const [p] = s.adminNetworkPolicies;
    expect(p.priority).toBe(10);
    expect(p.subject).toEqual({ kind: 'pods', namespaceSelector: { matchLabels: { team: 'a' }, matchExpressions: [] }, podSelector: { matchLabels: { app: 'web' }, matchExpressions: [] } });
    expect(p.ingress[0]).toMatchObject({ name: 'deny-x', action: 'Deny', peers: [{ kind: 'namespaces' }] });
    expect(p.ingress[0].ports).toEqual([
      { kind: 'portNumber', protocol: 'TCP', port: 80 },
      { kind: 'portRange', protocol: 'UDP', start: 1000, end: 2000 },
      { kind: 'namedPort', name: 'http' },
    ]);
    expect(p.egress[0].ports).toBeUndefined();
    expect(p.egress[0].peers).toEqual([{ kind: 'networks', cidrs: ['10.0.0.0/8', 'fd00::/8'] }, { kind: 'nodes', nodeSelector: { matchLabels: { role: 'infra' }, matchExpressions: [] } }]);
    expect(s.warnings.map((w) => w.code)).toContain('admin-nodes-peer');
  });
  it('is cluster-scoped and read only from policy.networking.k8s.io', () => {
    const s = snapshotOf(doc('AdminNetworkPolicy', `priority: 1\n${SUBJECT}`, 'x', 'example.com/v1'));
    expect(s.adminNetworkPolicies).toEqual([]);
    expect(s.warnings.map((w) => w.code)).toContain('unused-kind');
  });
  it('drops a policy without priority, or with one outside 0-1000', () => {
    expect(dropped(doc('AdminNetworkPolicy', SUBJECT)).message).toContain('spec.priority is required');
    expect(dropped(doc('AdminNetworkPolicy', `priority: 1001\n${SUBJECT}`)).message).toContain('between 0 and 1000');
  });
  it('drops a subject or peer that sets two fields, or none', () => {
    expect(dropped(doc('AdminNetworkPolicy', `priority: 1\nsubject:\n  namespaces: {}\n  pods: {namespaceSelector: {}, podSelector: {}}`)).message).toContain('exactly one of namespaces, pods');
    expect(dropped(doc('AdminNetworkPolicy', `priority: 1\n${SUBJECT}\ningress:\n- action: Allow\n  from:\n  - {}`)).message).toContain('exactly one of');
  });
  it('drops unsupported fields (structural pruning would widen the selector), e.g. the older sameLabels', () => {
    expect(dropped(doc('AdminNetworkPolicy', `priority: 1\n${SUBJECT}\ningress:\n- action: Allow\n  from:\n  - namespaces:\n      sameLabels: [team]`)).message).toContain('unsupported field "sameLabels"');
  });
  it('drops networks and nodes in ingress peers, bad CIDRs and a Pass in the baseline', () => {
    expect(dropped(doc('AdminNetworkPolicy', `priority: 1\n${SUBJECT}\ningress:\n- action: Allow\n  from:\n  - networks: [10.0.0.0/8]`)).message).toContain('unsupported field "networks"');
    expect(dropped(doc('AdminNetworkPolicy', `priority: 1\n${SUBJECT}\negress:\n- action: Allow\n  to:\n  - networks: [10.0.0.0]`)).message).toContain('is not a valid CIDR');
    expect(dropped(doc('BaselineAdminNetworkPolicy', `${SUBJECT}\ningress:\n- action: Pass\n  from:\n  - namespaces: {}`)).message).toContain('is not one of Allow, Deny');
  });
  it('drops a rule without peers and a port range whose start is not below its end', () => {
    expect(dropped(doc('AdminNetworkPolicy', `priority: 1\n${SUBJECT}\ningress:\n- action: Deny\n  from: []`)).message).toContain('must list 1 to 100 peers');
    expect(dropped(doc('AdminNetworkPolicy', `priority: 1\n${SUBJECT}\ningress:\n- action: Deny\n  from: [{namespaces: {}}]\n  ports: [{portRange: {start: 90, end: 80}}]`)).message).toContain('must be less than end');
  });
  it('reads an omitted selector of a pods peer as {} with a warning (the Go type holds it by value)', () => {
    const s = snapshotOf(doc('AdminNetworkPolicy', `priority: 1\n${SUBJECT}\ningress:\n- action: Deny\n  from:\n  - pods:\n      namespaceSelector: {matchLabels: {a: b}}`));
    expect(s.adminNetworkPolicies[0].ingress[0].peers[0]).toEqual({ kind: 'pods', namespaceSelector: { matchLabels: { a: 'b' }, matchExpressions: [] }, podSelector: { matchLabels: {}, matchExpressions: [] } });
    expect(s.warnings.map((w) => w.code)).toEqual(['admin-selector-defaulted']);
  });
  it('keeps the first of two objects with the same name', () => {
    const s = snapshotOf(`${doc('AdminNetworkPolicy', `priority: 1\n${SUBJECT}`)}---\n${doc('AdminNetworkPolicy', `priority: 2\n${SUBJECT}`)}`);
    expect(s.adminNetworkPolicies.map((p) => p.priority)).toEqual([1]);
    expect(s.warnings.map((w) => w.code)).toContain('duplicate-object');
  });
});

describe('BaselineAdminNetworkPolicy conversion', () => {
  it('reads the singleton default', () => {
    const s = snapshotOf(doc('BaselineAdminNetworkPolicy', `${SUBJECT}\negress:\n- action: Deny\n  to:\n  - networks: [0.0.0.0/0]`));
    expect(s.baselineAdminNetworkPolicies).toHaveLength(1);
    expect(s.baselineAdminNetworkPolicies[0].egress[0].action).toBe('Deny');
  });
  it('drops one not named default (the API server accepts only that name)', () => {
    expect(dropped(doc('BaselineAdminNetworkPolicy', SUBJECT, 'other')).message).toContain('must be named "default"');
  });
});
