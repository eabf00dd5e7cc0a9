import { describe, expect, it } from 'vitest';
import { EMPTY_CONFIG } from '@/lib/config/index';
import { rbacFindings } from '@/lib/findings/index';
import { buildRbacIndex } from '@/lib/rbac/index';
import { loadDemoSnapshot } from '@/lib/sources/index';
import { cellPaths, parseMatrixParams } from '@/viewmodels/access/matrixModel';
import { objectHref, sodMatrixHref } from './findingLinks';

const snapshot = await loadDemoSnapshot();
const index = buildRbacIndex(snapshot, EMPTY_CONFIG);
const findings = rbacFindings(index, snapshot.networkPolicies);
const allowed = (p: Parameters<typeof cellPaths>[1], s: string, c: string) => cellPaths(index, p, s, c).paths.length > 0;

describe('sodMatrixHref', () => {
  it("alice's separation-of-duties finding leads to her allowed NetworkPolicy cell in shop-backend", () => {
    const f = findings.find((x) => x.id === 'PER-RBAC-SOD-WORKLOAD-NETPOL:User:alice@acme.example:shop-backend')!;
    const href = sodMatrixHref(f, allowed)!;
    const params = parseMatrixParams(new URL(href, 'http://x').searchParams, '');
    expect(params).toMatchObject({ mode: 'verbs', namespace: 'shop-backend', resource: 'networkpolicies.networking.k8s.io', focus: 'User:alice@acme.example', col: 'create' });
    expect(allowed(params, params.focus, params.col)).toBe(true);
  });

  it("a cluster-wide finding (bob) leads to the verb × namespaces matrix on bob's row", () => {
    const f = findings.find((x) => x.id === 'PER-RBAC-SOD-WORKLOAD-NETPOL:User:bob@acme.example:*')!;
    const params = parseMatrixParams(new URL(sodMatrixHref(f, allowed)!, 'http://x').searchParams, '');
    expect(params).toMatchObject({ mode: 'namespaces', verb: 'create', focus: 'User:bob@acme.example' });
  });

  it('other rules have no matrix link; NetworkPolicies and subjects have pages', () => {
    expect(sodMatrixHref(findings.find((x) => x.ruleId === 'PER-RBAC-WILDCARD')!, allowed)).toBeUndefined();
    expect(objectHref({ kind: 'NetworkPolicy', namespace: 'payments', name: 'default-deny-all' })).toBe('/policies/payments/default-deny-all');
    expect(objectHref({ kind: 'Namespace', name: 'ci' })).toBe('/policies?ns=ci');
    expect(objectHref({ kind: 'Pod', namespace: 'shop', name: 'web-1' })).toBe('/explain?from=shop%2Fweb-1');
    expect(objectHref({ kind: 'ClusterRole', name: 'edit' })).toBeUndefined();
  });
});
