import { describe, expect, it } from 'vitest';
import { aggregateClusterRoles } from './aggregateClusterRoles';
import { clusterRole, rule, selector } from './testing';

const toView = { 'rbac.authorization.k8s.io/aggregate-to-view': 'true', 'rbac.authorization.k8s.io/aggregate-to-edit': 'true' };
const getPods = rule({ verbs: ['get'], apiGroups: [''], resources: ['pods'] });
const patchNp = rule({ verbs: ['patch'], apiGroups: ['networking.k8s.io'], resources: ['networkpolicies'] });
const createPods = rule({ verbs: ['create'], apiGroups: [''], resources: ['pods'] });

// pkg/controller/clusterroleaggregation: union of matched roles' rules, deduplicated, selector by selector, by name.
describe('aggregateClusterRoles (clusterrole-aggregation controller)', () => {
  const roles = [
    clusterRole('admin', [], { aggregate: [selector({ 'rbac.authorization.k8s.io/aggregate-to-admin': 'true' })] }),
    clusterRole('edit', [], { aggregate: [selector({ 'rbac.authorization.k8s.io/aggregate-to-edit': 'true' })], labels: { 'rbac.authorization.k8s.io/aggregate-to-admin': 'true' } }),
    clusterRole('view', [], { aggregate: [selector({ 'rbac.authorization.k8s.io/aggregate-to-view': 'true' })], labels: { 'rbac.authorization.k8s.io/aggregate-to-edit': 'true' } }),
    clusterRole('system:aggregate-to-view', [getPods], { labels: toView }),
    clusterRole('system:aggregate-to-edit', [patchNp, createPods, getPods], { labels: { 'rbac.authorization.k8s.io/aggregate-to-edit': 'true' } }),
  ];
  it('runs to a fixed point: view feeds edit, edit feeds admin', () => {
    const { rules, warnings } = aggregateClusterRoles(roles);
    expect(rules.get('view')!.map((r) => r.rule)).toEqual([getPods]);
    expect(rules.get('edit')!.map((r) => r.rule)).toEqual([patchNp, createPods, getPods]);
    expect(rules.get('admin')!.map((r) => r.rule)).toEqual([patchNp, createPods, getPods]);
    expect(warnings).toEqual([]);
  });
  it('deduplicates identical rules and traces each to where it is written', () => {
    const { rules } = aggregateClusterRoles(roles);
    // getPods is written in both system:aggregate-to-edit (#2) and system:aggregate-to-view (#0); it is counted once.
    expect(rules.get('edit')!.filter((r) => r.rule === getPods || JSON.stringify(r.rule) === JSON.stringify(getPods))).toHaveLength(1);
    expect(rules.get('admin')![0].aggregatedFrom).toEqual({ clusterRole: 'system:aggregate-to-edit', ruleIndex: 0 });
  });
  it('already-aggregated roles of a live cluster come out unchanged (no double counting)', () => {
    const live = roles.map((r) => (r.name === 'edit' ? { ...r, rules: [patchNp, createPods, getPods] } : r.name === 'view' ? { ...r, rules: [getPods] } : r));
    expect(aggregateClusterRoles(live).rules.get('edit')!.map((r) => r.rule)).toEqual([patchNp, createPods, getPods]);
  });
  it('an aggregated role does not aggregate itself, and its written rules are replaced (with an info warning)', () => {
    const self = clusterRole('self', [createPods], { labels: { pick: 'me' }, aggregate: [selector({ pick: 'me' })] });
    const { rules, warnings } = aggregateClusterRoles([self, clusterRole('other', [getPods], { labels: { pick: 'me' } })]);
    expect(rules.get('self')!.map((r) => r.rule)).toEqual([getPods]);
    expect(warnings.map((w) => w.code)).toEqual(['aggregated-rules-replaced']);
  });
  it('roles without aggregationRule keep their rules as written', () => {
    expect(aggregateClusterRoles([clusterRole('plain', [getPods])]).rules.get('plain')!.map((r) => r.rule)).toEqual([getPods]);
  });
});
