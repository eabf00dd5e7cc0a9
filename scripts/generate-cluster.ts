// Writes a synthetic cluster as manifest files (one JSON List per kind) so the CLI can be measured end to end:
//   npx tsx scripts/generate-cluster.ts OUT_DIR [--pods 10000] [--namespaces N] [--policies N] [--seed 1]
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { clusterManifests } from '../lib/synthetic/clusterManifests';
import { generateCluster } from '../lib/synthetic/generateCluster';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { pods: { type: 'string' }, namespaces: { type: 'string' }, policies: { type: 'string' }, seed: { type: 'string' } },
});
const out = positionals[0];
if (!out) {
  console.error('usage: tsx scripts/generate-cluster.ts OUT_DIR [--pods N] [--namespaces N] [--policies N] [--seed N]');
  process.exit(2);
}
const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));
const snapshot = generateCluster({ pods: num(values.pods), namespaces: num(values.namespaces), policies: num(values.policies), seed: num(values.seed) });
mkdirSync(out, { recursive: true });
for (const [file, items] of Object.entries(clusterManifests(snapshot))) {
  writeFileSync(path.join(out, file), JSON.stringify({ apiVersion: 'v1', kind: 'List', items }));
}
console.log(`${out}: ${snapshot.pods.length} pods, ${snapshot.namespaces.length} namespaces, ${snapshot.networkPolicies.length} policies, ${snapshot.roleBindings.length + snapshot.clusterRoleBindings.length} bindings`);
