import { describe, expect, it } from 'vitest';
import { resolveResource } from './resources';

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
