import { describe, expect, it } from 'vitest';
import { analyze } from '../analyses/analyses';
import { ipPeer, pod, podsPeer, policy, port, rule, sel, snapshot } from '../netpol/testing';
import { clusterRole, rb, rbacSnapshot, rule as rbacRule, user } from '../rbac/testing';
import { loadDemoSnapshot } from '../sources';
import { accessDiff, summarizeRights } from './accessDiff';
import { connectivityDiff, exposureLabel } from './connectivityDiff';
import { newExposures, snapshotDiff } from './snapshotDiff';
import { subtractPorts } from './portDiff';
import { portRangeSet, unionPorts, formatPorts } from '../netpol/portSet';

const a = pod('a/web', { labels: { app: 'web' } });
const b = pod('b/client', { labels: { app: 'client' } });
const denyA = policy('a/deny');

describe('connectivityDiff', () => {
  it('an identical snapshot has no change', async () => {
    const s = await loadDemoSnapshot();
    expect(connectivityDiff(analyze(s), analyze(s))).toEqual([]);
  });
  it('allowing a port from another namespace is an added, cross-namespace connection; removing the rule removes it', () => {
    const base = snapshot({ pods: [a, b], policies: [denyA] });
    const head = snapshot({ pods: [a, b], policies: [denyA, policy('a/from-b', { ingress: [rule([podsPeer(undefined, sel({ 'kubernetes.io/metadata.name': 'b' }))], [port('TCP', 8080)])] })] });
    expect(connectivityDiff(analyze(base), analyze(head))).toEqual([{ change: 'added', src: 'b/client[Pod]', dst: 'a/web[Pod]', before: 'No Connections', after: 'TCP 8080', exposure: 'cross-namespace' }]);
    expect(connectivityDiff(analyze(head), analyze(base))).toEqual([{ change: 'removed', src: 'b/client[Pod]', dst: 'a/web[Pod]', before: 'TCP 8080', after: 'No Connections' }]);
  });
  it('a port change is one "changed" line with what was opened and closed', () => {
    const allow = (p: number) => policy('a/from-b', { ingress: [rule([podsPeer(undefined, sel())], [port('TCP', p)])] });
    const d = connectivityDiff(analyze(snapshot({ pods: [a, b], policies: [denyA, allow(80)] })), analyze(snapshot({ pods: [a, b], policies: [denyA, allow(443)] })));
    expect(d).toEqual([{ change: 'changed', src: 'b/client[Pod]', dst: 'a/web[Pod]', before: 'TCP 80', after: 'TCP 443', opened: 'TCP 443', closed: 'TCP 80', exposure: 'cross-namespace' }]);
    // Labelled as a new port on a path that existed, not as a new path (issue 14).
    expect(d.map(exposureLabel)).toEqual(['new port TCP 443 on an existing path across namespaces']);
    const added = connectivityDiff(analyze(snapshot({ pods: [a, b], policies: [denyA] })), analyze(snapshot({ pods: [a, b], policies: [denyA, allow(443)] })));
    expect(added.map(exposureLabel)).toEqual(['new path across namespaces']);
  });
  it('an ipBlock added on one side does not make unrelated external connections look changed (common address cuts)', () => {
    const base = snapshot({ pods: [a, b], policies: [denyA] });
    const head = snapshot({ pods: [a, b], policies: [denyA, policy('a/from-office', { ingress: [rule([ipPeer('203.0.113.0/24')], [port('TCP', 443)])] })] });
    expect(connectivityDiff(analyze(base), analyze(head))).toEqual([{ change: 'added', src: '203.0.113.0-203.0.113.255[External]', dst: 'a/web[Pod]', before: 'No Connections', after: 'TCP 443', exposure: 'from-outside' }]);
  });
  it('AdminNetworkPolicy networks cut external ranges on both sides too: a new ANP egress network is one change, not a renaming', () => {
    const base = snapshot({ pods: [a, b], policies: [] });
    const anp = { name: 'deny-office', labels: {}, priority: 1, subject: { kind: 'namespaces' as const, namespaceSelector: sel() }, ingress: [], egress: [{ name: 'x', action: 'Deny' as const, peers: [{ kind: 'networks' as const, cidrs: ['203.0.113.0/24'] }] }] };
    const head = { ...base, adminNetworkPolicies: [anp] };
    const d = connectivityDiff(analyze(base), analyze(head));
    expect(d.map((c) => `${c.change} ${c.src} => ${c.dst}`)).toEqual(['removed a/web[Pod] => 203.0.113.0-203.0.113.255[External]', 'removed b/client[Pod] => 203.0.113.0-203.0.113.255[External]']);
  });
  it('newExposures lists only added paths into the cluster from outside or across namespaces', () => {
    const base = snapshot({ pods: [a, b], policies: [denyA] });
    const sameNs = snapshot({ pods: [a, b], policies: [policy('a/same-ns', { ingress: [rule([podsPeer(sel())])] })] });
    expect(newExposures(snapshotDiff(analyze(base), analyze(sameNs)))).toEqual([]);
    // Dropping the deny opens web to everything: external and cross-namespace.
    const head = snapshot({ pods: [a, b], policies: [] });
    expect(newExposures(snapshotDiff(analyze(base), analyze(head))).map((c) => c.exposure).sort()).toEqual(['cross-namespace', 'from-outside']);
  });
});

describe('accessDiff', () => {
  const np = rbacRule({ verbs: ['patch'], apiGroups: ['networking.k8s.io'], resources: ['networkpolicies'] });
  it('a new RoleBinding is a gain in its namespace; its removal a loss', () => {
    const base = rbacSnapshot({ clusterRoles: [clusterRole('np', [np])] });
    const head = rbacSnapshot({ clusterRoles: [clusterRole('np', [np])], roleBindings: [rb('shop', 'eve-np', { kind: 'ClusterRole', name: 'np' }, [user('eve')])] });
    const d = accessDiff(analyze(base).rbac, analyze(head).rbac).filter((x) => x.subject === 'User:eve');
    expect(d).toEqual([{ change: 'gained', subject: 'User:eve', namespace: 'shop', capability: 'change NetworkPolicies', rights: ['patch networkpolicies.networking.k8s.io'], via: ['RoleBinding/shop/eve-np → ClusterRole/np rule #1 (bound to User:eve)'] }]);
    expect(accessDiff(analyze(head).rbac, analyze(base).rbac).filter((x) => x.subject === 'User:eve').map((x) => x.change)).toEqual(['lost']);
  });
  it('summarizeRights groups verbs by resource in kubectl order', () => {
    expect(summarizeRights(['delete pods', 'patch networkpolicies.networking.k8s.io', 'create pods'])).toBe('create/delete pods; patch networkpolicies.networking.k8s.io');
  });
});

describe('subtractPorts', () => {
  it('removes ranges and keeps the rest', () => {
    const all = unionPorts(portRangeSet('TCP', 1, 100), portRangeSet('UDP', 53, 53));
    expect(formatPorts(subtractPorts(all, portRangeSet('TCP', 50, 60)))).toBe('TCP 1-49,61-100,UDP 53');
  });
});
