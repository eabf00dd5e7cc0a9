// The dashboard under load, on loopback only, bounded in time (issue 16):
//   npm run build && npm run load -- [--runs 3] [--seconds 30] [--clients 20] [--pods 10000] [--uploads 20] [--port 3609]
// Starts one production server (`next start` of the build, its own process group) on the generated --pods cluster
// and, for --runs runs of --seconds, keeps --clients clients busy: most ask /api/snapshot (timed: it must stay fast
// while analyses run), some load the Overview and Graph pages, one asks for the findings, and one uploads a new
// 2,000-pod cluster and opens its Findings page in a loop, so an analysis is always running in the worker. Then it
// uploads the --pods cluster --uploads times from as many clients and reads the server's memory. Prints medians,
// p99s, timeouts and RSS per run as JSON. Every request goes to 127.0.0.1, has a 15 s timeout, and the whole test
// stops by itself.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { clusterManifests } from '../lib/synthetic/clusterManifests';
import { generateCluster } from '../lib/synthetic/generateCluster';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '30' },
    clients: { type: 'string', default: '20' },
    pods: { type: 'string', default: '10000' },
    uploads: { type: 'string', default: '20' },
    port: { type: 'string', default: '3609' },
  },
});
const RUNS = Number(values.runs);
const SECONDS = Number(values.seconds);
const CLIENTS = Number(values.clients);
const PODS = Number(values.pods);
const UPLOADS = Number(values.uploads);
const PORT = Number(values.port);
const BASE = `http://127.0.0.1:${PORT}`;
const TIMEOUT_MS = 15_000;

// ---------- data ----------

/** The cluster as manifest files: a folder for the server's source, and the texts for uploads. */
function cluster(pods: number, seed: number): { dir: string; files: { name: string; text: string }[] } {
  const dir = mkdtempSync(path.join(os.tmpdir(), `perimeter-load-${pods}-`));
  const files = Object.entries(clusterManifests(generateCluster({ pods, seed }))).map(([name, items]) => ({ name, text: JSON.stringify({ apiVersion: 'v1', kind: 'List', items }) }));
  for (const f of files) writeFileSync(path.join(dir, f.name), f.text);
  return { dir, files };
}

// ---------- server ----------

async function startServer(source: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join('node_modules', 'next', 'dist', 'bin', 'next'), 'start', '--hostname', '127.0.0.1', '--port', String(PORT)], {
    env: { ...process.env, PERIMETER_SOURCE: source, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const until = Date.now() + 120_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode})`);
    const ok = await fetch(`${BASE}/api/health`).then((r) => r.ok, () => false);
    if (ok) return child;
    await new Promise((r) => setTimeout(r, 300));
  }
  stop(child);
  throw new Error(`the server did not start on ${BASE}`);
}

function stop(child: ChildProcess): void {
  if (child.pid !== undefined) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

/** Resident memory (MiB) of the server process (the event loop and the analysis worker thread share it). */
function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024);
}

/** CPU seconds (user + system) the server used so far. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

// ---------- clients ----------

interface Sample {
  readonly ms: number;
  readonly ok: boolean;
  readonly timeout: boolean;
}

async function timed(url: string, init: RequestInit = {}): Promise<Sample> {
  const started = performance.now();
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
    await res.arrayBuffer();
    return { ms: performance.now() - started, ok: res.ok, timeout: false };
  } catch (e) {
    const timeout = e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');
    return { ms: performance.now() - started, ok: false, timeout };
  }
}

/** A browser of its own: its upload session cookie is kept between requests. */
function uploader(files: { name: string; text: string }[], clientAddress: string) {
  let cookie = '';
  return {
    async upload(): Promise<Sample & { status: number }> {
      const form = new FormData();
      for (const f of files) form.append('files', new Blob([f.text], { type: 'application/json' }), f.name);
      const started = performance.now();
      const res = await fetch(`${BASE}/api/upload`, { method: 'POST', body: form, headers: { 'x-forwarded-for': clientAddress, ...(cookie ? { cookie } : {}) }, signal: AbortSignal.timeout(120_000) });
      await res.arrayBuffer();
      const set = res.headers.get('set-cookie');
      if (set) cookie = set.split(';')[0];
      return { ms: performance.now() - started, ok: res.ok, timeout: false, status: res.status };
    },
    get: (p: string) => timed(`${BASE}${p}`, { headers: cookie ? { cookie } : {} }),
  };
}

const quantile = (xs: readonly number[], q: number) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor(q * s.length))]);
};
const summary = (samples: readonly Sample[]) => ({
  requests: samples.length,
  failed: samples.filter((s) => !s.ok).length,
  timeouts: samples.filter((s) => s.timeout).length,
  medianMs: quantile(samples.map((s) => s.ms), 0.5),
  p99Ms: quantile(samples.map((s) => s.ms), 0.99),
  maxMs: quantile(samples.map((s) => s.ms), 1),
});

async function run(busyFiles: { name: string; text: string }[]) {
  const until = Date.now() + SECONDS * 1000;
  const results: Record<'snapshot' | 'overview' | 'graph' | 'findings' | 'churn', Sample[]> = { snapshot: [], overview: [], graph: [], findings: [], churn: [] };
  const loop = async (kind: keyof typeof results, step: () => Promise<Sample>) => {
    while (Date.now() < until) results[kind].push(await step());
  };
  // 20 clients: 12 on /api/snapshot, 3 on the Overview, 3 on the Graph, 1 on the findings, 1 making new analyses.
  const pages = Math.max(1, Math.round(CLIENTS * 0.15));
  const snapshotClients = Math.max(1, CLIENTS - 2 * pages - 2);
  const churn = uploader(busyFiles, '127.0.0.2');
  let analysisRunning = 0;
  const work = [
    ...Array.from({ length: snapshotClients }, () => loop('snapshot', () => timed(`${BASE}/api/snapshot`))),
    ...Array.from({ length: pages }, () => loop('overview', () => timed(`${BASE}/`))),
    ...Array.from({ length: pages }, () => loop('graph', () => timed(`${BASE}/graph`))),
    loop('findings', () => timed(`${BASE}/api/findings?format=json`)),
    loop('churn', async () => {
      // A new snapshot each time: its findings are a new job in the analysis worker.
      const up = await churn.upload();
      analysisRunning++;
      const page = await churn.get('/findings');
      return { ms: up.ms + page.ms, ok: up.ok && page.ok, timeout: page.timeout };
    }),
  ];
  await Promise.all(work);
  return { ...Object.fromEntries(Object.entries(results).map(([k, v]) => [k, summary(v)])), analysesStarted: analysisRunning };
}

async function main() {
  console.error(`load: generating a ${PODS}-pod cluster and a 2,000-pod one for uploads…`);
  const big = cluster(PODS, 1);
  const busy = cluster(2_000, 2);
  const server = await startServer(big.dir);
  const pid = server.pid as number;
  // /proc/<pid> is npm-less: `node next start` is the server itself.
  const out: Record<string, unknown> = { machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, loadavg: os.loadavg().map((l) => Math.round(l * 10) / 10), totalMemGiB: Math.round(os.totalmem() / 2 ** 30) }, pods: PODS, clients: CLIENTS, seconds: SECONDS };
  try {
    out.rssAtStartMiB = rssMiB(pid);
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const cpu0 = cpuSeconds(pid);
      const r = await run(busy.files);
      runs.push({ run: i + 1, ...r, serverCpuSeconds: Math.round((cpuSeconds(pid) - cpu0) * 10) / 10, rssAfterMiB: rssMiB(pid), loadavg1: Math.round(os.loadavg()[0] * 10) / 10 });
      console.error(`load: run ${i + 1} done`, JSON.stringify(runs[i]));
    }
    out.runs = runs;
    // Memory: the configured 10k-pod source plus UPLOADS uploads of it from as many clients, each viewing its findings.
    const statuses: number[] = [];
    for (let i = 0; i < UPLOADS; i++) {
      const u = uploader(big.files, `127.0.1.${i + 1}`);
      const up = await u.upload();
      statuses.push(up.status);
      if (up.ok) await u.get('/findings');
    }
    out.uploads = { count: UPLOADS, statuses, rssAfterMiB: rssMiB(pid) };
  } finally {
    stop(server);
    rmSync(big.dir, { recursive: true, force: true });
    rmSync(busy.dir, { recursive: true, force: true });
  }
  console.log(JSON.stringify(out, null, 2));
}

void main();
