import { describe, expect, it } from 'vitest';
import { ruleAllows, type AccessRequest } from './ruleMatch';
import { rule } from './testing';

const get = (resource: string, extra: Partial<Extract<AccessRequest, { kind: 'resource' }>> = {}): AccessRequest => ({ kind: 'resource', verb: 'get', group: '', resource, ...extra });

// Each case follows kubernetes pkg/apis/rbac/v1/evaluation_helpers.go and plugin/pkg/auth/authorizer/rbac/rbac.go RuleAllows.
describe('ruleAllows (upstream RuleAllows)', () => {
  it('allows only when verb, apiGroup, resource and resourceName all match', () => {
    const r = rule({ verbs: ['get'], apiGroups: [''], resources: ['pods'] });
    expect(ruleAllows(get('pods'), r)).toBe(true);
    expect(ruleAllows(get('pods', { verb: 'delete' }), r)).toBe(false);
    expect(ruleAllows(get('pods', { group: 'apps' }), r)).toBe(false);
    expect(ruleAllows(get('secrets'), r)).toBe(false);
  });
  it('`*` matches every verb, group and resource', () => {
    const r = rule({ verbs: ['*'], apiGroups: ['*'], resources: ['*'] });
    expect(ruleAllows(get('networkpolicies', { verb: 'patch', group: 'networking.k8s.io' }), r)).toBe(true);
    expect(ruleAllows(get('pods', { subresource: 'exec', verb: 'create' }), r)).toBe(true);
  });
  it('the core group is the empty string and `apps` does not match it', () => {
    expect(ruleAllows(get('deployments', { group: 'apps' }), rule({ verbs: ['get'], apiGroups: [''], resources: ['deployments'] }))).toBe(false);
  });
  it('a rule with no apiGroups matches no resource request', () => {
    expect(ruleAllows(get('pods'), rule({ verbs: ['get'], resources: ['pods'] }))).toBe(false);
  });
  it('plain `pods` does not cover the subresource `pods/exec`', () => {
    const r = rule({ verbs: ['create'], apiGroups: [''], resources: ['pods'] });
    expect(ruleAllows(get('pods', { verb: 'create', subresource: 'exec' }), r)).toBe(false);
    expect(ruleAllows(get('pods', { verb: 'create', subresource: 'exec' }), rule({ verbs: ['create'], apiGroups: [''], resources: ['pods/exec'] }))).toBe(true);
  });
  it('`*/sub` matches that subresource of any resource, not the resource itself', () => {
    const r = rule({ verbs: ['get'], apiGroups: ['*'], resources: ['*/scale'] });
    expect(ruleAllows(get('deployments', { group: 'apps', subresource: 'scale' }), r)).toBe(true);
    expect(ruleAllows(get('deployments', { group: 'apps' }), r)).toBe(false);
    expect(ruleAllows(get('deployments', { group: 'apps', subresource: 'status' }), r)).toBe(false);
  });
  it('`pods/*` is not a wildcard: only exact `resource/sub` or `*/sub` match', () => {
    expect(ruleAllows(get('pods', { subresource: 'log' }), rule({ verbs: ['get'], apiGroups: [''], resources: ['pods/*'] }))).toBe(false);
  });
  it('empty resourceNames match any name; otherwise only the named objects', () => {
    const named = rule({ verbs: ['get', 'list', 'create'], apiGroups: [''], resources: ['configmaps'], resourceNames: ['a'] });
    expect(ruleAllows(get('configmaps', { name: 'a' }), named)).toBe(true);
    expect(ruleAllows(get('configmaps', { name: 'b' }), named)).toBe(false);
  });
  it('a rule with resourceNames never allows create or a collection list (they carry no name)', () => {
    const named = rule({ verbs: ['list', 'create'], apiGroups: [''], resources: ['configmaps'], resourceNames: ['a'] });
    expect(ruleAllows(get('configmaps', { verb: 'create' }), named)).toBe(false);
    expect(ruleAllows(get('configmaps', { verb: 'list' }), named)).toBe(false);
  });
  it('nonResourceURLs match exactly, by `*`, or by a trailing-`*` prefix', () => {
    const nr = (path: string, verb = 'get'): AccessRequest => ({ kind: 'nonResource', verb, path });
    const exact = rule({ verbs: ['get'], nonResourceURLs: ['/healthz'] });
    expect(ruleAllows(nr('/healthz'), exact)).toBe(true);
    expect(ruleAllows(nr('/healthz/ready'), exact)).toBe(false);
    const prefix = rule({ verbs: ['get'], nonResourceURLs: ['/healthz/*'] });
    expect(ruleAllows(nr('/healthz/ready'), prefix)).toBe(true);
    expect(ruleAllows(nr('/healthz'), prefix)).toBe(false);
    expect(ruleAllows(nr('/anything'), rule({ verbs: ['get'], nonResourceURLs: ['*'] }))).toBe(true);
    expect(ruleAllows(nr('/healthz', 'post'), exact)).toBe(false);
  });
  it('a non-resource rule never allows a resource request', () => {
    expect(ruleAllows(get('pods'), rule({ verbs: ['*'], nonResourceURLs: ['*'] }))).toBe(false);
  });
});
