import { describe, expect, it } from 'vitest';
import { EMPTY_CONFIG } from '@/lib/config/index';
import { applyRuleConfig, rbacFindings } from '@/lib/findings/index';
import { buildRbacIndex, describePath } from '@/lib/rbac/index';
import { loadDemoSnapshot } from '@/lib/sources/index';
import { networkPolicyEditors } from '@/lib/rbac/index';
import { EVIDENCE_HEAD, evidenceRecords } from './matrixExport';
import { buildMatrixView, cellPaths, matrixQuery, networkPolicyNames, parseMatrixParams } from './matrixModel';

const snapshot = await loadDemoSnapshot();
const index = buildRbacIndex(snapshot, EMPTY_CONFIG);
const findings = rbacFindings(index, snapshot.networkPolicies);

describe('buildMatrixView (demo cluster)', () => {
  const p = parseMatrixParams({ mode: 'verbs', ns: 'shop-backend' }, 'default');
  const view = buildMatrixView(index, { findings }, p);
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
    const accepted = buildMatrixView(index, { findings: reported }, p);
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
    const users = buildMatrixView(index, { findings }, { ...p, kinds: ['User'], text: 'ALICE' });
    expect(users.rows.map((r) => r.key)).toEqual(['User:alice@acme.example']);
    expect(users.total).toBe(view.total);
  });

  it('subjects × namespaces for one verb: bob (wildcard ClusterRole) may patch NetworkPolicies everywhere', () => {
    const byNs = buildMatrixView(index, { findings }, parseMatrixParams({}, ''));
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
    const v = buildMatrixView(index, { findings }, { ...p, resource: 'clusterroles' });
    expect(v.notes.join(' ')).toContain('cluster-scoped');
  });

  it('separation of duties through built-in grants is marked as Findings rates it: low for system:masters, not red like bob', () => {
    // Findings: PER-RBAC-SOD-WORKLOAD-NETPOL for Group:system:masters is low (built-in), for bob high.
    expect(findings.find((f) => f.id === 'PER-RBAC-SOD-WORKLOAD-NETPOL:Group:system:masters:*')?.severity).toBe('low');
    expect(row('Group:system:masters')?.cells).toBe('aaalllll');
    expect(row('User:bob@acme.example')?.cells).toBe('aaasssss');
  });

  it('the shape switch keeps the namespace and the verb: to one verb × every namespace and back, still shop-backend', () => {
    const byNs = parseMatrixParams(new URLSearchParams(matrixQuery(p, { mode: 'namespaces', verb: 'delete' }).slice(1)), 'ci');
    expect(byNs).toMatchObject({ mode: 'namespaces', namespace: 'shop-backend', verb: 'delete' });
    expect(parseMatrixParams(new URLSearchParams(matrixQuery(byNs, { mode: 'verbs' }).slice(1)), 'ci')).toMatchObject({ mode: 'verbs', namespace: 'shop-backend', verb: 'delete' });
  });

  it('the URL round-trips', () => {
    const q = matrixQuery({ ...p, kinds: ['User', 'Group'], text: 'a', focus: 'User:x', col: 'patch' });
    expect(parseMatrixParams(new URLSearchParams(q.slice(1)), 'other')).toEqual({ ...p, kinds: ['User', 'Group'], text: 'a', focus: 'User:x', col: 'patch' });
  });
});

describe('the editors shape (the Policies page\'s definitions and counts)', () => {
  const objectNames = networkPolicyNames(snapshot.networkPolicies);
  const p = parseMatrixParams({ mode: 'editors' }, 'ci');
  const view = buildMatrixView(index, { findings, objectNames }, p);
  const cols = view.columns.map((c) => c.key);
  const cell = (subject: string, ns: string) => view.rows.find((r) => r.key === subject)?.cells[cols.indexOf(ns)];
  const perPolicy = networkPolicyEditors(index, snapshot.networkPolicies);

  it('each namespace column counts the direct and indirect editors each of its policies has on the Policies page', () => {
    for (const e of perPolicy) {
      const col = view.columns.find((c) => c.key === e.policy.namespace)!;
      expect(col.editors, e.policy.name).toEqual({ direct: e.direct.length, indirect: e.indirect.length });
    }
    // And the cells say the same: as many direct (✓) and indirect (↗) cells in the column as it counts.
    for (const [i, c] of view.columns.entries()) {
      const codes = view.rows.map((r) => r.cells[i]);
      expect(codes.filter((x) => x === 'i').length).toBe(c.editors!.indirect);
      expect(codes.filter((x) => x !== '.' && x !== 'i').length).toBe(c.editors!.direct);
    }
  });

  it('alice edits shop-backend\'s policies directly (breaking separation of duties); dave is one impersonation away everywhere', () => {
    expect(cell('User:alice@acme.example', 'shop-backend')).toBe('s');
    expect(cell('User:alice@acme.example', 'payments')).toBe('.');
    expect(cell('User:dave@acme.example', 'payments')).toBe('i');
    expect(cell('Group:security-team', 'payments')).toBe('a');
  });

  it('direct only: the indirect editors leave, the direct ones stay', () => {
    const direct = buildMatrixView(index, { findings, objectNames }, { ...p, indirect: false });
    expect(direct.rows.some((r) => r.cells.includes('i'))).toBe(false);
    expect(direct.rows.find((r) => r.key === 'User:dave@acme.example')).toBeUndefined();
    expect(direct.columns.find((c) => c.key === 'shop-backend')?.editors).toEqual({ direct: 6, indirect: 0 });
  });

  it('a cell holds the verbs and paths of a direct editor, the steps of an indirect one', () => {
    const alice = cellPaths(index, p, 'User:alice@acme.example', 'shop-backend', { objectNames });
    expect(alice.verbs).toEqual(['create', 'update', 'patch', 'delete']);
    expect(alice.paths.map(describePath)).toEqual([expect.stringContaining('RoleBinding/shop-backend/shop-developers → Role/shop-backend/shop-developer rule #2')]);
    const dave = cellPaths(index, p, 'User:dave@acme.example', 'payments', { objectNames });
    expect(dave.steps?.map((st) => st.text)).toContain('can impersonate Group:security-team, who can edit it');
  });
});

describe('the evidence export: one record per allowed cell and grant path', () => {
  const csvOf = (p: ReturnType<typeof parseMatrixParams>) => [...evidenceRecords(index, { findings }, p, buildMatrixView(index, { findings }, p))].map((r) => Object.fromEntries(EVIDENCE_HEAD.map((h, i) => [h, r[i]])));

  it('names the binding, the role and the rule behind each cell', () => {
    const records = csvOf({ ...parseMatrixParams({ mode: 'verbs', ns: 'shop-backend' }, ''), kinds: ['User'], text: 'alice' });
    expect(records.map((r) => r.verbs)).toEqual(['get', 'list', 'watch', 'create', 'update', 'patch', 'delete']);
    expect(records.find((r) => r.verbs === 'patch')).toEqual({
      'subject kind': 'User',
      subject: 'User:alice@acme.example',
      namespace: 'shop-backend',
      verbs: 'patch',
      access: 'allowed (breaks separation of duties)',
      how: '',
      binding: 'RoleBinding/shop-backend/shop-developers',
      role: 'Role/shop-backend/shop-developer',
      rule: '#2: verbs [get, list, watch, create, update, patch, delete] apiGroups [networking.k8s.io] resources [networkpolicies]',
      'bound to': 'User:alice@acme.example',
    });
  });

  it('the superuser group has no binding to name and says why; its cells are rated low', () => {
    const masters = csvOf({ ...parseMatrixParams({ mode: 'verbs', ns: 'payments' }, ''), kinds: ['Group'], text: 'system:masters' }).filter((r) => r.verbs === 'patch');
    expect(masters.map((r) => [r.binding, r.how, r.access])).toEqual([
      ['', "member of system:masters: the API server's superuser group bypasses RBAC", 'allowed (breaks separation of duties; rated low: built-in grants)'],
      ['ClusterRoleBinding/cluster-admin', '', 'allowed (breaks separation of duties; rated low: built-in grants)'],
    ]);
  });
});
