import { describe, expect, it } from 'vitest';
import { sourceLabel } from './sourceLabel';

describe('sourceLabel', () => {
  it('the default demo says that no source was configured', () => {
    expect(sourceLabel({ kind: 'demo' }, false)).toEqual({ title: 'Demo cluster (built-in)', detail: 'no PERIMETER_SOURCE set, no kubeconfig found' });
    expect(sourceLabel({ kind: 'demo' }, true).detail).toBe('PERIMETER_SOURCE=demo');
  });

  it('files list every path as given', () => {
    expect(sourceLabel({ kind: 'files', paths: ['a.yaml', 'dir/'] }, true)).toEqual({ title: 'Manifest files', detail: 'a.yaml, dir/' });
    expect(sourceLabel({ kind: 'files', paths: ['a.yaml'] }, true).title).toBe('Manifest file');
  });

  it('a cluster names its context and API server', () => {
    expect(sourceLabel({ kind: 'cluster', context: 'kind-dev', server: 'https://127.0.0.1:6443' }, true)).toEqual({
      title: 'Cluster context kind-dev',
      detail: 'https://127.0.0.1:6443',
    });
  });
});
