// RBAC benchmark on the synthetic 10k cluster (10,000 subjects / 5,000 bindings / 2,000 roles).
// Run alone with `npx tsx scripts/bench/rbac.bench.ts` or through `npm run bench`. Prints medians of RUNS runs.
import { rbacFindings } from '../../lib/findings';
import { accessMatrix, buildRbacIndex, directEditors, networkPolicyEditors, NETWORK_POLICY, whoCanCache } from '../../lib/rbac';
import { generateCluster } from '../../lib/synthetic/generateCluster';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time<T>(fn: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
}

function bench<T>(label: string, budgetMs: number | undefined, fn: () => T, describe: (v: T) => string): { label: string; ms: number; ok: boolean } {
  const times: number[] = [];
  let last: T | undefined;
  for (let i = 0; i < RUNS; i++) {
    const r = time(fn);
    times.push(r.ms);
    last = r.value;
  }
  const ms = median(times);
  const ok = budgetMs === undefined || ms < budgetMs;
  console.log(`${label.padEnd(52)} median ${ms.toFixed(1).padStart(8)} ms${budgetMs !== undefined ? `  (budget ${budgetMs} ms: ${ok ? 'ok' : 'OVER'})` : ''}  ${describe(last as T)}`);
  return { label, ms, ok };
}

const snapshot = generateCluster();
const subjects = new Set<string>();
for (const b of [...snapshot.roleBindings, ...snapshot.clusterRoleBindings]) for (const s of b.subjects) subjects.add(`${s.kind}:${s.namespace ?? ''}/${s.name}`);
console.log(
  `rbac bench: ${subjects.size} subjects, ${snapshot.roleBindings.length + snapshot.clusterRoleBindings.length} bindings, ${snapshot.roles.length + snapshot.clusterRoles.length} roles, ` +
    `${snapshot.networkPolicies.length} NetworkPolicies, ${snapshot.namespaces.length} namespaces; ${RUNS} runs, node ${process.version}`,
);

const results = [
  bench('index build (buildRbacIndex)', 1000, () => buildRbacIndex(snapshot), (i) => `${i.roles.size} roles, ${i.subjects.length} catalogue subjects`),
];
const index = buildRbacIndex(snapshot);
const busiest = [...snapshot.networkPolicies.reduce((m, p) => m.set(p.namespace, (m.get(p.namespace) ?? 0) + 1), new Map<string, number>())].sort((a, b) => b[1] - a[1])[0][0];
results.push(
  bench(
    'who-can (5 edit verbs) for every NetworkPolicy',
    300,
    () => {
      const ask = whoCanCache(index);
      const memo = new Map();
      return snapshot.networkPolicies.map((p) => directEditors(ask, NETWORK_POLICY, p.namespace, p.name, memo));
    },
    (l) => `${l.reduce((n, e) => n + e.length, 0)} editor entries`,
  ),
  bench(`one namespace's matrix (${busiest}, default view)`, 200, () => accessMatrix(index, busiest), (m) => `${m.rows.length} rows × ${m.columns.length} columns`),
  bench('direct + indirect editors of every NetworkPolicy', undefined, () => networkPolicyEditors(index, snapshot.networkPolicies), (l) => `${l.reduce((n, e) => n + e.indirect.length, 0)} indirect entries`),
);
const findingsRun = bench('all RBAC findings (rbacFindings)', undefined, () => rbacFindings(index, snapshot.networkPolicies), (f) => `${f.length} findings`);
results.push(findingsRun);
if (results.some((r) => !r.ok)) process.exitCode = 1;
