import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { clusterContexts, loadClusterSnapshot, selectClusterContext } from './clusterStore';

// A kubeconfig whose only cluster listens nowhere (127.0.0.1:9): the store's failure path, without a cluster.
beforeAll(() => {
  process.env.KUBECONFIG = path.resolve(__dirname, '..', 'e2e', 'unreachable.kubeconfig');
});

describe('clusterStore', () => {
  it('an unreachable cluster is a failure naming the context, server and cause (no credentials)', async () => {
    const r = await loadClusterSnapshot();
    if (r.ok) throw new Error('expected a failure');
    expect(r.failure).toMatchObject({ context: 'e2e-unreachable', server: 'https://127.0.0.1:9' });
    expect(r.failure.cause).toMatch(/ECONNREFUSED/);
    expect(JSON.stringify(r)).not.toContain('not-a-real-token');
  });

  it('lists the kubeconfig contexts without credentials', () => {
    const c = clusterContexts();
    expect(c.contexts).toEqual([{ name: 'e2e-unreachable', cluster: 'unreachable', server: 'https://127.0.0.1:9', user: 'nobody' }]);
    expect(c.selected).toBe('e2e-unreachable');
    expect(JSON.stringify(c)).not.toContain('not-a-real-token');
  });

  it('refuses a context the kubeconfig does not have', async () => {
    const r = await selectClusterContext('prod');
    expect(r).toEqual({ ok: false, failure: { context: 'prod', server: '(unknown)', cause: 'kubeconfig has no context "prod"' } });
  });
});
