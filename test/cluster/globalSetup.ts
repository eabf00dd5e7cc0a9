// Builds (or finds in a cache) etcd and kube-apiserver once, before any cluster test file starts its own cluster.
import { ensureBinaries } from '../../scripts/local-cluster/binaries';

export default async function setup(): Promise<void> {
  await ensureBinaries((line) => process.stderr.write(`local-cluster: ${line}\n`));
}
