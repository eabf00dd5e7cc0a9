import { describe, expect, it } from 'vitest';
import { ns, pod, snapshot } from '../netpol/testing';
import { countSnapshot } from './counts';
import type { Snapshot } from './snapshot';

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

describe('countSnapshot namespaces', () => {
  it('counts declared Namespace objects and those other objects only imply', () => {
    const s: Snapshot = { ...snapshot({}), namespaces: [ns('a'), ns('b'), { ...ns('c'), declared: false }] };
    expect(countSnapshot(s).namespaces).toEqual({ total: 3, declared: 2, implied: 1 });
  });
});
