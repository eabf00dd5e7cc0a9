import { describe, expect, it } from 'vitest';
import { requestScope, resolveResource } from './resources';

describe('resolveResource (kubectl resource names without discovery)', () => {
  it('resolves plurals, singulars and short names to their group', () => {
    expect(resolveResource('networkpolicies').resource).toEqual({ group: 'networking.k8s.io', resource: 'networkpolicies' });
    expect(resolveResource('netpol').resource.resource).toBe('networkpolicies');
    expect(resolveResource('deploy').resource).toEqual({ group: 'apps', resource: 'deployments' });
    expect(resolveResource('pod').resource).toEqual({ group: '', resource: 'pods' });
  });
  it('accepts RESOURCE.GROUP and RESOURCE/SUBRESOURCE', () => {
    expect(resolveResource('networkpolicies.networking.k8s.io').resource).toEqual({ group: 'networking.k8s.io', resource: 'networkpolicies' });
    expect(resolveResource('deployments.apps/scale').resource).toEqual({ group: 'apps', resource: 'deployments', subresource: 'scale' });
    expect(resolveResource('pods/exec').resource).toEqual({ group: '', resource: 'pods', subresource: 'exec' });
    expect(resolveResource('widgets.example.com').resource).toEqual({ group: 'example.com', resource: 'widgets' });
  });
  it('takes an unknown unqualified name as a core-group resource, with a warning', () => {
    const r = resolveResource('widgets');
    expect(r.resource).toEqual({ group: '', resource: 'widgets' });
    expect(r.warning).toMatch(/not a built-in resource/);
  });
});

describe('requestScope (k8s.io/apiserver RequestInfo)', () => {
  it('a cluster-scoped resource has no namespace, except for bind checks', () => {
    expect(requestScope('get', { group: '', resource: 'nodes' }, 'x', undefined).namespace).toBeUndefined();
    expect(requestScope('bind', { group: 'rbac.authorization.k8s.io', resource: 'clusterroles' }, 'x', 'edit').namespace).toBe('x');
  });
  it('a request on namespaces/NAME is in namespace NAME', () => {
    expect(requestScope('get', { group: '', resource: 'namespaces' }, undefined, 'team-a')).toMatchObject({ namespace: 'team-a', name: 'team-a' });
  });
  it('a plain create carries no name; a subresource create (pods/exec) keeps it', () => {
    expect(requestScope('create', { group: '', resource: 'pods' }, 'a', 'p').name).toBeUndefined();
    expect(requestScope('create', { group: '', resource: 'pods', subresource: 'exec' }, 'a', 'p').name).toBe('p');
  });
});
