// NetworkPolicy engine benchmarks: compile + connectivity (compact form), explain, connlist streaming, CLI end to end.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { writeChunks } from '../../cli/commands/connectivity';
import { streamIO } from '../../cli/io';
import type { Snapshot } from '../../lib/model';
import { compileSnapshot } from '../../lib/netpol/compile';
import { analyzeConnectivity } from '../../lib/netpol/connectivity';
import { explain } from '../../lib/netpol/explain';
import { connlistTxt } from '../../lib/report/connlist';
import { generateCluster, type ClusterSpec } from '../../lib/synthetic/generateCluster';
import type { Bench } from './harness';

const cache = new Map<string, Snapshot>();
function cluster(spec: ClusterSpec): Snapshot {
  const key = JSON.stringify(spec);
  let s = cache.get(key);
  if (!s) cache.set(key, (s = generateCluster(spec)));
  return s;
}
const root = path.resolve(__dirname, '..', '..');

/** Writes the synthetic cluster to a temp folder once (through scripts/generate-cluster.ts). */
function clusterDir(pods: number, policies?: number): string {
  const dir = path.join(tmpdir(), `perimeter-bench-${pods}-${policies ?? 'default'}`);
  if (!existsSync(path.join(dir, 'pods.json'))) {
    execFileSync(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(root, 'scripts', 'generate-cluster.ts'), dir, '--pods', String(pods), ...(policies === undefined ? [] : ['--policies', String(policies)])], { stdio: 'ignore' });
  }
  return dir;
}

/** Runs the real CLI on a folder, output counted by wc; returns lines and records the CLI's peak RSS. */
const cliRss = new Map<string, number>();
const cliCpu = new Map<string, number[]>();
const medianOf = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? 0;
function runCli(dir: string): number {
  const rssFile = path.join(tmpdir(), `perimeter-bench-rss-${process.pid}`);
  const out = execFileSync('sh', ['-c', `/usr/bin/time -f "%M %U %S" -o "${rssFile}" "${root}/bin/perimeter" connectivity "${dir}" 2>/dev/null | wc -l`], { encoding: 'utf8' });
  const [rss, user, sys] = readFileSync(rssFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  cliRss.set(dir, Math.max(cliRss.get(dir) ?? 0, rss));
  cliCpu.set(dir, [...(cliCpu.get(dir) ?? []), (user + sys) * 1000]);
  return Number(out.trim());
}

/** A sink that discards output but keeps the stream semantics (backpressure) of a pipe. */
const nullIO = () => streamIO(new Writable({ write: (_c, _e, cb) => cb() }), new Writable({ write: (_c, _e, cb) => cb() }));

const analyzeBench = (pods: number, targetMs?: number): Bench => ({
  name: `compile + connectivity, ${pods.toLocaleString('en-US')} pods`,
  setup: () => cluster({ pods }),
  run: (s) => analyzeConnectivity(compileSnapshot(s as Snapshot)).groups.length,
  targetMs,
});

/** Streams the txt connlist of an analysed cluster into a discarding pipe; the figure is the number of lines. */
const streamBench = (name: string, spec: ClusterSpec): Bench => ({
  name,
  setup: () => analyzeConnectivity(cluster(spec)),
  run: async (conn) => {
    let lines = 0;
    const counted = (function* () {
      for (const l of connlistTxt(conn as ReturnType<typeof analyzeConnectivity>)) {
        lines++;
        yield l;
      }
    })();
    await writeChunks(nullIO(), counted);
    return lines;
  },
  unit: 'lines',
});

const compiled10k = () => compileSnapshot(cluster({ pods: 10_000 }));
let explainInput: ReturnType<typeof compileSnapshot> | undefined;

export const benches: readonly Bench[] = [
  analyzeBench(1_000),
  analyzeBench(5_000),
  analyzeBench(10_000, 2_000),
  analyzeBench(20_000),
  analyzeBench(50_000, 10_000),
  {
    name: 'explain one pair (compiled 10,000 pods)',
    setup: () => (explainInput ??= compiled10k()),
    run: (c) => {
      const r = explain(c as ReturnType<typeof compileSnapshot>, { from: 'tenant-0007/Deployment/web-0', to: 'tenant-0007/Deployment/api-1', port: 'http' });
      if (!r.ok) throw new Error(r.message);
      return undefined;
    },
    repeat: 50,
    targetMs: 20,
  },
  streamBench('connlist txt streamed in-process, 10,000 pods (analysed)', { pods: 10_000 }),
  streamBench('connlist txt streamed in-process, 10,000 pods, no policies', { pods: 10_000, policies: 0 }),
  {
    name: 'CLI connectivity end to end (load + analyse + stream), 10,000 pods',
    setup: () => clusterDir(10_000),
    run: (dir) => runCli(dir as string),
    unit: 'lines',
    note: () => `CLI peak RSS ${Math.round((cliRss.get(clusterDir(10_000)) ?? 0) / 1024)} MB, median CLI CPU ${Math.round(medianOf(cliCpu.get(clusterDir(10_000)) ?? []))} ms`,
  },
  {
    name: 'CLI connectivity end to end, 10,000 pods, no policies',
    setup: () => clusterDir(10_000, 0),
    run: (dir) => runCli(dir as string),
    unit: 'lines',
    note: () => `CLI peak RSS ${Math.round((cliRss.get(clusterDir(10_000, 0)) ?? 0) / 1024)} MB (flat in the number of lines), median CLI CPU ${Math.round(medianOf(cliCpu.get(clusterDir(10_000, 0)) ?? []))} ms`,
  },
];
