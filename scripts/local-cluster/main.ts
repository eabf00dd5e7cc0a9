// `npx tsx scripts/local-cluster/main.ts build|start [--demo]`: build the pinned etcd + kube-apiserver, or run them.
import { aggregateClusterRoles } from './aggregateClusterRoles';
import { applyObjects, demoObjects } from './applyObjects';
import { cacheDirs, ensureBinaries } from './binaries';
import { ADMIN_CONTEXT, READER_CONTEXT, startLocalCluster } from './localCluster';

const log = (line: string) => process.stderr.write(`local-cluster: ${line}\n`);

async function main(argv: readonly string[]): Promise<void> {
  const [command = 'start', ...flags] = argv;
  if (command === 'build') {
    const b = await ensureBinaries(log);
    log(`etcd: ${b.etcd}\nlocal-cluster: kube-apiserver: ${b.kubeApiserver}\nlocal-cluster: caches: ${JSON.stringify(cacheDirs())}`);
    return;
  }
  if (command !== 'start') throw new Error(`usage: main.ts build | start [--demo]`);
  const cluster = await startLocalCluster({ log });
  if (flags.includes('--demo')) {
    log(`applied ${await applyObjects(cluster.admin, await demoObjects())} demo objects`);
    // No controller-manager runs: fill admin/edit/view as its aggregation controller would.
    log(`aggregated ClusterRoles: ${await aggregateClusterRoles(cluster.admin)} updates`);
  }
  process.stdout.write(
    `KUBECONFIG=${cluster.kubeconfig}\n# contexts: ${ADMIN_CONTEXT} (system:masters), ${READER_CONTEXT} (no permissions until you bind some)\n` +
      `# e.g. KUBECONFIG=${cluster.kubeconfig} PERIMETER_SOURCE=cluster npm start\n# Ctrl-C stops the cluster and deletes its state.\n`,
  );
  const stop = () => {
    void cluster.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main(process.argv.slice(2)).catch((e: unknown) => {
  log(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(1);
});
