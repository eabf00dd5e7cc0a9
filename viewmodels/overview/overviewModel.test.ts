import { describe, expect, it } from 'vitest';
import type { Snapshot } from '@/lib/model/index';
import { ns, pod, policy, sel, snapshot } from '@/lib/netpol/testing';
import { countSnapshot, namespaceNames, namespaceRows } from './overviewModel';

describe('countSnapshot', () => {
  it('splits pods into live and template, and counts not-running among live pods only', () => {
    const s = snapshot({
      pods: [pod('a/run'), pod('a/pending', { phase: 'Pending' }), pod('a/done', { phase: 'Succeeded' }), pod('b/tmpl', { fromTemplate: true, phase: 'Pending' })],
    });
    expect(countSnapshot(s).pods).toEqual({ total: 4, live: 3, template: 1, notRunning: 2 });
  });

  it('counts warnings per severity and RBAC objects together', () => {
    const s: Snapshot = {
      ...snapshot({}),
      warnings: [
        { code: 'x', severity: 'error', message: 'm' },
        { code: 'y', severity: 'warning', message: 'm' },
        { code: 'z', severity: 'warning', message: 'm' },
      ],
      serviceAccounts: [{ namespace: 'a', name: 'sa', labels: {} }],
      clusterRoles: [{ name: 'view', labels: {}, rules: [] }],
    };
    const c = countSnapshot(s);
    expect(c.warnings).toEqual({ error: 1, warning: 2, info: 0 });
    expect(c.rbac.total).toBe(2);
  });
});

describe('namespaceRows', () => {
  it('a namespace only implied by its pods is listed, marked undeclared', () => {
    const s = { ...snapshot({ pods: [pod('b/p')] }), namespaces: [ns('a')] };
    expect(namespaceNames(s)).toEqual(['a', 'b']);
    expect(namespaceRows(s).map((r) => [r.name, r.declared, r.pods])).toEqual([
      ['a', true, 0],
      ['b', false, 1],
    ]);
  });

  it('only a policy with an empty podSelector selects all pods, and only for the types it lists', () => {
    const s = snapshot({
      policies: [
        policy('a/deny-in'),
        policy('a/web-only', { podSelector: sel({ app: 'web' }), types: ['Ingress', 'Egress'] }),
        policy('a/deny-out', { types: ['Egress'] }),
        policy('b/expr', { podSelector: sel({}, [{ key: 'x', operator: 'Exists', values: [] }]) }),
      ],
    });
    const [a, b] = namespaceRows(s);
    expect(a).toMatchObject({ name: 'a', policies: 3, allPodsIngress: ['deny-in'], allPodsEgress: ['deny-out'] });
    expect(b).toMatchObject({ name: 'b', policies: 1, allPodsIngress: [], allPodsEgress: [] });
  });
});
