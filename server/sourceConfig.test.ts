import { describe, expect, it } from 'vitest';
import { describeSourceConfig, detectCredentials, parseSourceConfig } from './sourceConfig';

describe('parseSourceConfig', () => {
  it('an unset or blank PERIMETER_SOURCE means the demo, marked as not chosen', () => {
    expect(parseSourceConfig(undefined)).toEqual({ kind: 'demo', explicit: false });
    expect(parseSourceConfig('   ')).toEqual({ kind: 'demo', explicit: false });
  });

  it('an unset PERIMETER_SOURCE means the cluster when credentials were found, naming where', () => {
    expect(parseSourceConfig(undefined, '/home/a/.kube/config')).toEqual({ kind: 'cluster', detected: '/home/a/.kube/config' });
    expect(parseSourceConfig('demo', '/home/a/.kube/config')).toEqual({ kind: 'demo', explicit: true });
  });

  it('the demo and cluster keywords are case-insensitive', () => {
    expect(parseSourceConfig('Demo')).toEqual({ kind: 'demo', explicit: true });
    expect(parseSourceConfig(' CLUSTER ')).toEqual({ kind: 'cluster' });
  });

  it('anything else is a comma-separated list of paths, trimmed, blanks and repeats dropped, order kept', () => {
    expect(parseSourceConfig('b.yaml, ./manifests/ ,,b.yaml,a.json')).toEqual({
      kind: 'files',
      paths: ['b.yaml', './manifests/', 'a.json'],
    });
  });

  it('a path that merely contains a keyword is still a path', () => {
    expect(parseSourceConfig('demo/app.yaml')).toEqual({ kind: 'files', paths: ['demo/app.yaml'] });
  });
});

describe('detectCredentials', () => {
  const files = (...present: string[]) => (f: string) => present.includes(f);
  it('KUBECONFIG, when set, is the only place looked at, as kubectl does: its first existing file', () => {
    expect(detectCredentials({ KUBECONFIG: '/a:/b' }, '/home/u', files('/b', '/home/u/.kube/config'))).toBe('/b');
    expect(detectCredentials({ KUBECONFIG: '/a' }, '/home/u', files('/home/u/.kube/config'))).toBeUndefined();
  });
  it('without KUBECONFIG, ~/.kube/config, then the in-cluster service account', () => {
    expect(detectCredentials({}, '/home/u', files('/home/u/.kube/config'))).toBe('/home/u/.kube/config');
    const token = '/var/run/secrets/kubernetes.io/serviceaccount/token';
    expect(detectCredentials({ KUBERNETES_SERVICE_HOST: '10.0.0.1' }, '/home/u', files(token))).toBe('in-cluster');
    expect(detectCredentials({}, '/home/u', files(token))).toBeUndefined();
  });
});

describe('describeSourceConfig', () => {
  it('names the configured paths', () => {
    expect(describeSourceConfig({ kind: 'files', paths: ['a.yaml', 'b/'] })).toBe('files: a.yaml, b/');
    expect(describeSourceConfig({ kind: 'demo', explicit: false })).toBe('demo (no PERIMETER_SOURCE set, no kubeconfig found)');
  });
});
