// Shared by the cluster test files: one local control plane per file, and reading it through Perimeter's source.
import { afterAll, beforeAll } from 'vitest';
import { createClusterSource, type ClusterSource } from '../../lib/sources/cluster';
import { startLocalCluster, type LocalCluster } from '../../scripts/local-cluster/localCluster';

const running: ClusterSource[] = [];

/**
 * Starts a local cluster before the file's tests and stops it after; points KUBECONFIG at it (each test file runs in
 * its own process) so the cluster source finds it the way it finds a user's kubeconfig.
 */
export function localClusterPerFile(options: () => Parameters<typeof startLocalCluster>[0] | Promise<Parameters<typeof startLocalCluster>[0]> = () => ({})): () => LocalCluster {
  let cluster: LocalCluster | undefined;
  beforeAll(async () => {
    cluster = await startLocalCluster(await options());
    process.env.KUBECONFIG = cluster.kubeconfig;
  }, 180_000);
  afterAll(async () => {
    for (const s of running.splice(0)) s.stop();
    await cluster?.stop();
  });
  return () => {
    if (!cluster) throw new Error('local cluster not started');
    return cluster;
  };
}


/** A started cluster source for a kubeconfig context; stopped after the file. */
export async function startSource(context: string, options: Parameters<typeof createClusterSource>[1] = {}): Promise<ClusterSource> {
  const source = createClusterSource(context, options);
  running.push(source);
  await source.start();
  return source;
}

/** Resolves once `predicate` holds for the source's snapshot; returns how long it took. */
export async function waitForSnapshot(source: ClusterSource, predicate: (s: NonNullable<ReturnType<ClusterSource['snapshot']>>) => boolean, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const s = source.snapshot();
    if (s && predicate(s)) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`snapshot condition not met within ${timeoutMs} ms`);
}
