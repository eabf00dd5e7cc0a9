// The scale table of issue 15 (docs/performance.md "Scale"): the largest cluster Kubernetes supports (150,000 pods,
// 25,000 NetworkPolicies), every finding at 10k and 150k, the audit report at 10k, and the CLI end to end: connectivity
// on 50,000 pods from JSON files and the cold start of `explain`. CLI figures note the CLI's own CPU time and peak RSS.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { analyze, type Analyses } from '../../lib/analyses';
import type { Snapshot } from '../../lib/model';
import { auditHtml } from '../../lib/report/auditFormats';
import { buildAuditReport } from '../../lib/report/auditReport';
import { generateCluster, LARGEST_CLUSTER, type ClusterSpec } from '../../lib/synthetic/generateCluster';
import type { Bench } from './harness';

const root = path.resolve(__dirname, '..', '..');
const snapshots = new Map<string, Snapshot>();
const cluster = (spec: ClusterSpec): Snapshot => {
  const key = JSON.stringify(spec);
  return snapshots.get(key) ?? snapshots.set(key, generateCluster(spec)).get(key)!;
};
/** Analyses with connectivity and the RBAC index already computed (untimed), so a bench times what comes after. */
const analysed = (spec: ClusterSpec): Analyses => {
  const a = analyze(cluster(spec));
  void a.connectivity;
  void a.rbac;
  return a;
};

/** The synthetic cluster written as JSON List files (scripts/generate-cluster.ts), once per size. */
function clusterDir(pods: number): string {
  const dir = path.join(tmpdir(), `perimeter-bench-${pods}-default`);
  if (!existsSync(path.join(dir, 'pods.json'))) execFileSync(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(root, 'scripts', 'generate-cluster.ts'), dir, '--pods', String(pods)], { stdio: 'ignore' });
  return dir;
}

/** The real CLI (bin/perimeter, the bundle), output counted by wc; records its CPU time and peak RSS per run. */
const cli = new Map<string, { cpu: number[]; rss: number }>();
function runCli(key: string, args: readonly string[]): number {
  const file = path.join(tmpdir(), `perimeter-bench-time-${process.pid}`);
  const quoted = args.map((a) => `'${a}'`).join(' ');
  const out = execFileSync('sh', ['-c', `/usr/bin/time -f "%M %U %S" -o "${file}" "${root}/bin/perimeter" ${quoted} 2>/dev/null | wc -l; true`], { encoding: 'utf8' });
  const [rss, user, sys] = readFileSync(file, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  const r = cli.get(key) ?? cli.set(key, { cpu: [], rss: 0 }).get(key)!;
  r.cpu.push((user + sys) * 1000);
  r.rss = Math.max(r.rss, rss);
  return Number(out.trim());
}
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? 0;
const cliNote = (key: string) => () => `CLI median CPU ${Math.round(median(cli.get(key)?.cpu ?? []))} ms, peak RSS ${Math.round((cli.get(key)?.rss ?? 0) / 1024)} MB`;

const explainArgs = (dir: string) => ['explain', dir, '--from', 'tenant-0007/Deployment/web-0', '--to', 'tenant-0007/Deployment/api-1', '--port', 'http'];

export const benches: readonly Bench[] = [
  {
    name: 'compile + connectivity, 150,000 pods / 25,000 policies',
    setup: () => cluster(LARGEST_CLUSTER),
    run: (s) => analyze(s as Snapshot).connectivity.groups.length,
    targetMs: 20_000,
    unit: 'groups',
  },
  {
    name: 'all findings (network + RBAC), 10,000 pods',
    setup: () => analysed({ pods: 10_000 }),
    run: (a) => (a as Analyses).findings.length,
    targetMs: 1_000,
    unit: 'findings',
  },
  {
    name: 'all findings (network + RBAC), 150,000 pods',
    setup: () => analysed(LARGEST_CLUSTER),
    run: (a) => (a as Analyses).findings.length,
    targetMs: 15_000,
    unit: 'findings',
  },
  {
    name: 'audit report (build + HTML), 10,000 pods',
    setup: () => analysed({ pods: 10_000 }),
    run: (a) => auditHtml(buildAuditReport(a as Analyses, { generatedAt: '2026-01-01T00:00:00Z', tool: { name: 'Perimeter', version: 'bench' } })).length,
    targetMs: 5_000,
    unit: 'HTML chars',
  },
  {
    name: 'CLI connectivity --format txt end to end, 50,000 pods (JSON)',
    setup: () => clusterDir(50_000),
    run: (dir) => runCli('connectivity-50k', ['connectivity', dir as string, '--format', 'txt']),
    targetMs: 10_000,
    unit: 'lines',
    note: cliNote('connectivity-50k'),
  },
  {
    name: 'CLI explain cold start, 1,000-pod file',
    setup: () => clusterDir(1_000),
    run: (dir) => runCli('explain-1k', explainArgs(dir as string)),
    samples: 9,
    targetMs: 300,
    note: cliNote('explain-1k'),
  },
];
