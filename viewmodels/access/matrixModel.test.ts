import { describe, expect, it } from 'vitest';
import { EMPTY_CONFIG } from '@/lib/config/index';
import { applyRuleConfig, rbacFindings } from '@/lib/findings/index';
import { buildRbacIndex, describePath } from '@/lib/rbac/index';
import { loadDemoSnapshot } from '@/lib/sources/index';
import { buildMatrixView, cellPaths, matrixQuery, parseMatrixParams } from './matrixModel';

const snapshot = await loadDemoSnapshot();
const index = buildRbacIndex(snapshot, EMPTY_CONFIG);
const findings = rbacFindings(index, snapshot.networkPolicies);

describe('buildMatrixView (demo cluster)', () => {
  const p = parseMatrixParams({ mode: 'verbs', ns: 'shop-backend' }, 'default');
  const view = buildMatrixView(index, findings, p);
  const row = (key: string) => view.rows.find((r) => r.key === key);

  it('subjects × verbs of NetworkPolicies in shop-backend: alice can change them, and those cells break separation of duties', () => {
    expect(view.columns.map((c) => c.key)).toEqual(['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection']);
    // get list watch are allowed but are no duty; the change verbs her Role grants are marked (it has no deletecollection).
    expect(row('User:alice@acme.example')?.cells).toBe('aaassss.');
    expect(row('ServiceAccount:ci/gitlab-runner')?.cells).toBe('aaasssss');
  });

  it('a separation-of-duties finding the config allow-lists marks its cells accepted, not open (as Findings lists it)', () => {
    const allow = [{ rule: 'PER-RBAC-SOD-WORKLOAD-NETPOL', subject: 'ServiceAccount:ci/gitlab-runner', reason: 'CI deploys both', where: 'allow[0]' }];
    const reported = applyRuleConfig(findings, { rules: new Map(), allow });
    const accepted = buildMatrixView(index, reported, p);
    expect(accepted.rows.find((r) => r.key === 'ServiceAccount:ci/gitlab-runner')?.cells).toBe('aaaxxxxx');
    // Another subject's finding stays open.
    expect(accepted.rows.find((r) => r.key === 'User:alice@acme.example')?.cells).toBe('aaassss.');
  });

  it('the security team edits NetworkPolicies legitimately: allowed, not marked', () => {
    expect(row('Group:security-team')?.cells).toBe('aaaaaaa.');
  });

  it('payments-devs deploy in payments but are not in the shop-backend NetworkPolicy matrix', () => {
    expect(row('Group:payments-devs')).toBeUndefined();
  });

  it('filters subjects by kind and text; total counts the unfiltered rows', () => {
    const users = buildMatrixView(index, findings, { ...p, kinds: ['User'], text: 'ALICE' });
    expect(users.rows.map((r) => r.key)).toEqual(['User:alice@acme.example']);
    expect(users.total).toBe(view.total);
  });

  it('subjects × namespaces for one verb: bob (wildcard ClusterRole) may patch NetworkPolicies everywhere', () => {
    const byNs = buildMatrixView(index, findings, parseMatrixParams({}, ''));
    expect(byNs.columns.map((c) => c.key)).toContain('payments');
    expect(byNs.rows.find((r) => r.key === 'User:bob@acme.example')?.cells).toMatch(/^[as]+$/);
    const alice = byNs.rows.find((r) => r.key === 'User:alice@acme.example')!;
    const cols = byNs.columns.map((c) => c.key);
    expect(alice.cells[cols.indexOf('shop-backend')]).toBe('s');
    expect(alice.cells[cols.indexOf('payments')]).toBe('.');
  });

  it('a cell’s paths are the binding → role → rule that grant it', () => {
    const cell = cellPaths(index, p, 'User:alice@acme.example', 'patch');
    expect(cell.paths.map(describePath)).toEqual([expect.stringContaining('RoleBinding/shop-backend/shop-developers → Role/shop-backend/shop-developer')]);
    expect(cellPaths(index, p, 'Group:payments-devs', 'patch').paths).toEqual([]);
  });

  it('a cluster-scoped resource is asked without namespace, and says so', () => {
    const v = buildMatrixView(index, findings, { ...p, resource: 'clusterroles' });
    expect(v.notes.join(' ')).toContain('cluster-scoped');
  });

  it('the URL round-trips', () => {
    const q = matrixQuery({ ...p, kinds: ['User', 'Group'], text: 'a', focus: 'User:x', col: 'patch' });
    expect(parseMatrixParams(new URLSearchParams(q.slice(1)), 'other')).toEqual({ ...p, kinds: ['User', 'Group'], text: 'a', focus: 'User:x', col: 'patch' });
  });
});
