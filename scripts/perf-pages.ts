// Page performance in headless Chromium against a production build (medians of N runs), written to the "Dashboard"
// section of docs/performance.md:
//   NEXT_DIST_DIR=.next npm run build && npm run perf:pages -- [--runs 5] [--pods 10000] [--subjects 10000] [--port 3310] [--no-write]
// Starts three servers of the build (the demo, a generated cluster of --pods pods, and --subjects users bound in one
// namespace), each in its own process group,
// and stops them at the end. Chromium is Debian's (/usr/bin/chromium), as in the e2e tests.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from '@playwright/test';
import { manySubjectsManifest } from '../lib/synthetic/manySubjects';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    pods: { type: 'string', default: '10000' },
    subjects: { type: 'string', default: '10000' },
    port: { type: 'string', default: '3310' },
    'no-write': { type: 'boolean', default: false },
    doc: { type: 'string', default: 'docs/performance.md' },
    // A comma list of parts to measure (demo, graph, access); every part by default. Implies --no-write.
    only: { type: 'string', default: 'demo,graph,access' },
  },
});
const ONLY = new Set(values.only!.split(',').map((x) => x.trim()));
const PARTIAL = ['demo', 'graph', 'access'].some((p) => !ONLY.has(p));
const RUNS = Math.max(1, Number(values.runs));
const PODS = Number(values.pods);
const SUBJECTS = Number(values.subjects);
const PORT = Number(values.port);
const DEMO_PAGES = ['/', '/graph', '/explain', '/policies', '/access', '/findings', '/open'] as const;

// ---------- servers ----------

async function startServer(port: number, source: string, readyPath = '/api/snapshot'): Promise<ChildProcess> {
  const child = spawn(path.join('node_modules', '.bin', 'next'), ['start', '--hostname', '127.0.0.1', '--port', String(port)], {
    env: { ...process.env, PERIMETER_SOURCE: source, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
    stdio: 'ignore',
    detached: true, // its own process group, so the whole server tree stops with it
  });
  const until = Date.now() + 120_000;
  while (Date.now() < until) {
    try {
      // A static path for a cold start: /api/snapshot would read the source before the page does.
      const r = await fetch(`http://127.0.0.1:${port}${readyPath}`);
      if (r.ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  stopServer(child);
  throw new Error(`server for ${source} did not start on ${port}`);
}

function stopServer(child: ChildProcess): void {
  if (child.pid !== undefined) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

/** A folder holding the many-subjects manifest the e2e scale test uploads. */
function manySubjects(subjects: number): string {
  const dir = path.join(os.tmpdir(), `perimeter-perf-subjects-${subjects}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'many-subjects.yaml'), manySubjectsManifest(subjects));
  return dir;
}

function generatedCluster(pods: number): string {
  const dir = path.join(os.tmpdir(), `perimeter-perf-${pods}`);
  if (!existsSync(dir)) {
    const r = spawnSync(path.join('node_modules', '.bin', 'tsx'), ['scripts/generate-cluster.ts', dir, '--pods', String(pods)], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('generate-cluster failed');
  }
  return dir;
}

// ---------- measurements ----------

const met = (ok: boolean) => (ok ? 'yes' : '**no**');
const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Installs a long-task recorder before any page script runs. */
async function newPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  // tsx compiles with keepNames, so functions sent to the page call esbuild's __name helper: define it there.
  await page.addInitScript('globalThis.__name = globalThis.__name || ((f) => f);');
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  return page;
}

/**
 * Interactive: the page's ready condition holds (the graph has laid out; other pages are hydrated: the load event
 * fired and the main heading is rendered), measured from navigation start, then the next frame painted.
 */
async function timeToInteractive(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  return page.evaluate(async () => {
    const ready = () => {
      const graph = document.querySelector('[data-testid="graph"]');
      if (graph) return Number(graph.getAttribute('data-layout-seq')) > 0 || !!graph.querySelector('[role="status"]:not(:empty)')?.textContent?.includes('No ');
      return document.readyState === 'complete' && !!document.querySelector('main h1');
    };
    await new Promise<void>((resolve) => {
      const tick = () => (ready() ? resolve() : requestAnimationFrame(tick));
      tick();
    });
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return performance.now();
  });
}

/** A filter change on the graph, from the click to the next painted frame after the patched drawing (and layout). */
async function filterRepaint(page: Page, scope: string): Promise<number> {
  return page.evaluate(async (label) => {
    const graph = document.querySelector('[data-testid="graph"]')!;
    const before = Number(graph.getAttribute('data-layout-seq'));
    const input = [...document.querySelectorAll<HTMLInputElement>('input[name="graph-scope"]')].find((i) => i.value === label)!;
    const t0 = performance.now();
    input.click();
    await new Promise<void>((resolve) => {
      const tick = () => (Number(graph.getAttribute('data-layout-seq')) > before ? resolve() : requestAnimationFrame(tick));
      tick();
    });
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return performance.now() - t0;
  }, scope);
}

/** A port typed into the graph's Port filter and committed with Enter, from the key to the next painted frame. */
async function portRepaint(page: Page, port: string): Promise<number> {
  await page.getByLabel('Port', { exact: true }).fill(port);
  return page.evaluate(async () => {
    const graph = document.querySelector('[data-testid="graph"]')!;
    const before = Number(graph.getAttribute('data-layout-seq'));
    const input = document.querySelector<HTMLInputElement>('#graph-port')!;
    const t0 = performance.now();
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await new Promise<void>((resolve) => {
      const tick = () => (Number(graph.getAttribute('data-layout-seq')) > before ? resolve() : requestAnimationFrame(tick));
      tick();
    });
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return performance.now() - t0;
  });
}

interface ScrollResult {
  readonly rows: string;
  readonly longest: number;
  readonly over50: number;
  readonly p95Frame: number;
  /** Chromium's ScriptDuration over the scroll: JavaScript the page ran, less sensitive to the neighbours' load. */
  readonly scriptMs: number;
}

/**
 * Scrolls the access matrix as a fast mouse wheel does, 240 px (7.5 rows) a frame for 400 frames, then jumps to the
 * end; returns the longest task, how many exceeded 50 ms, and the 95th percentile frame interval.
 */
async function matrixScroll(page: Page): Promise<ScrollResult | undefined> {
  const grid = page.getByTestId('matrix');
  if ((await grid.count()) === 0) return undefined;
  const rows = (await page.getByTestId('matrix-count').first().innerText().catch(() => '')).trim();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const script = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0;
  const scriptBefore = await script();
  const result = await page.evaluate(async () => {
    const w = window as unknown as { __longTasks: number[] };
    const el = document.querySelector<HTMLElement>('[data-testid="matrix"]')!;
    await new Promise((r) => setTimeout(r, 500));
    w.__longTasks = [];
    const frames: number[] = [];
    let last = performance.now();
    for (let f = 0; f < 400; f++) {
      el.scrollTop += 240;
      await new Promise((r) => requestAnimationFrame(r));
      const now = performance.now();
      frames.push(now - last);
      last = now;
    }
    el.scrollTop = el.scrollHeight;
    await new Promise((r) => requestAnimationFrame(r));
    await new Promise((r) => setTimeout(r, 200));
    frames.sort((a, b) => a - b);
    return { longest: Math.max(0, ...w.__longTasks), over50: w.__longTasks.filter((d) => d > 50).length, p95Frame: frames[Math.floor(frames.length * 0.95)] };
  });
  const scriptMs = ((await script()) - scriptBefore) * 1000;
  await cdp.detach();
  return { rows, ...result, scriptMs };
}

// ---------- main ----------

async function main() {
  const demoPort = PORT;
  const bigPort = PORT + 1;
  const subjectsPort = PORT + 2;
  const bigDir = generatedCluster(PODS);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const rows: string[] = [];
  const servers: ChildProcess[] = [];
  try {
    const demo = `http://127.0.0.1:${demoPort}`;
    const big = `http://127.0.0.1:${bigPort}`;
    // Cold: the first visit after the server started, so the server reads and analyses the cluster for it (what a
    // user sees first), one fresh server per run.
    const cold: number[] = [];
    if (ONLY.has('graph')) {
      for (let i = 0; i < Math.min(RUNS, 3); i++) {
        const server = await startServer(bigPort, bigDir, '/icon.svg');
        const page = await newPage(browser);
        cold.push(await timeToInteractive(page, `${big}/graph`));
        await page.close();
        stopServer(server);
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
    if (ONLY.has('demo')) servers.push(await startServer(demoPort, 'demo'));
    if (ONLY.has('graph') || ONLY.has('access')) servers.push(await startServer(bigPort, bigDir));
    if (ONLY.has('access')) servers.push(await startServer(subjectsPort, manySubjects(SUBJECTS)));
    // Warm each route once (server-side compile, analysis caches), as a user after the first visit would see it.
    const warm = await newPage(browser);
    if (ONLY.has('demo')) for (const p of DEMO_PAGES) await timeToInteractive(warm, `${demo}${p}`);
    if (ONLY.has('graph')) await timeToInteractive(warm, `${big}/graph`);
    await warm.close();

    if (ONLY.has('demo')) {
      for (const p of DEMO_PAGES) {
        const times: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          const page = await newPage(browser);
          times.push(await timeToInteractive(page, `${demo}${p}`));
          await page.close();
        }
        rows.push(`| demo \`${p}\` interactive after navigation | < 1,500 ms | **${Math.round(median(times))} ms** (min ${Math.round(Math.min(...times))}) | ${met(median(times) < 1500)} |`);
      }
    }

    if (ONLY.has('graph')) {
      const graphTimes: number[] = [];
      const repaints: number[] = [];
      const portRepaints: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const page = await newPage(browser);
        graphTimes.push(await timeToInteractive(page, `${big}/graph`));
        for (const scope of ['cross-namespace', 'external', 'all']) repaints.push(await filterRepaint(page, scope));
        for (const port of ['443', '53', '']) portRepaints.push(await portRepaint(page, port));
        await page.close();
      }
      rows.push(`| ${PODS.toLocaleString('en')}-pod cluster \`/graph\` first visit after the server started (cold: reads and analyses the cluster) | — | **${Math.round(median(cold))} ms** (min ${Math.round(Math.min(...cold))}, ${cold.length} fresh servers) | — |`);
      rows.push(`| ${PODS.toLocaleString('en')}-pod cluster \`/graph\` interactive (namespace level, warm) | < 3,000 ms | **${Math.round(median(graphTimes))} ms** (min ${Math.round(Math.min(...graphTimes))}) | ${met(median(graphTimes) < 3000)} |`);
      rows.push(`| same, filter change (Show: cross-namespace / external / all) to repaint | < 200 ms | **${Math.round(median(repaints))} ms** (min ${Math.round(Math.min(...repaints))}, ${repaints.length} changes) | ${met(median(repaints) < 200)} |`);
      rows.push(`| same, Port filter (443 / 53 / any, typed then Enter) to repaint | < 200 ms | **${Math.round(median(portRepaints))} ms** (min ${Math.round(Math.min(...portRepaints))}, ${portRepaints.length} changes) | ${met(median(portRepaints) < 200)} |`);
    }

    const scrollRow = async (label: string, url: string) => {
      const scrolls: ScrollResult[] = [];
      for (let i = 0; i < RUNS; i++) {
        const page = await newPage(browser);
        await timeToInteractive(page, url);
        const s = await matrixScroll(page);
        await page.close();
        if (!s) break;
        scrolls.push(s);
      }
      rows.push(
        scrolls.length === 0
          ? `| ${label} | no long task > 50 ms | not measured: no \`data-testid="matrix"\` on /access | no |`
          : `| ${label}, wheel-scrolled 400 frames then to the end (${scrolls[0].rows}) | no long task > 50 ms | longest task **${Math.round(median(scrolls.map((s) => s.longest)))} ms** (median), tasks > 50 ms per run: ${scrolls.map((s) => s.over50).join(', ')}; p95 frame ${Math.round(median(scrolls.map((s) => s.p95Frame)))} ms; main-thread script ${Math.round(median(scrolls.map((s) => s.scriptMs)))} ms | ${met(scrolls.every((s) => s.over50 === 0))} |`,
      );
    };
    if (ONLY.has('access')) {
      await scrollRow(`${SUBJECTS.toLocaleString('en')} users bound in one namespace, \`/access\` matrix`, `http://127.0.0.1:${subjectsPort}/access?mode=verbs&ns=prod&resource=networkpolicies.networking.k8s.io`);
      await scrollRow(`${PODS.toLocaleString('en')}-pod cluster \`/access\` matrix`, `${big}/access`);
    }
  } finally {
    await browser.close();
    servers.forEach(stopServer);
  }
  const section = [
    '## Dashboard',
    '',
    `Measured by \`npm run perf:pages\` (\`scripts/perf-pages.ts\`): Playwright drives headless Chromium against a production`,
    `build (\`next start\`); each figure is the median of ${RUNS} runs after one warm-up visit per route. "Interactive" is`,
    'navigation start to the first painted frame after the page is usable: hydrated with its heading rendered, and for',
    'the graph, Cytoscape laid out. The repaint is the click on a filter to the first painted frame after the patched',
    'elements (and layout). Same 2-core machine as above; Chromium renders in software (no GPU), and the load average',
    'is printed below because at 10+ every figure stretches several-fold. The 10,000-pod graph opens at namespace level',
    '(203 nodes, 720 edges drawn as straight lines with mid arrows and no port labels, as every view over 300 edges;',
    'placed as drawn on the server once per snapshot, d3-force, then only the separation pass in the browser; fcose',
    'for smaller graphs and views that show nodes it did not place); a filter click renders from local state in the same task, patches',
    'elements by id and keeps every node where it was, so it relayouts only when a node never placed before appears;',
    'the side panel and node list render after the drawing (deferred). The matrices are scrolled 240 px (7.5 rows) a',
    'frame for 400 frames, as a fast mouse wheel does, then jumped to the end.',
    '',
    '| what | target | median | met |',
    '|---|---|---|---|',
    ...rows,
    '',
    `Run on ${new Date().toISOString().slice(0, 10)}, load average ${os.loadavg()[0].toFixed(1)} at the end.`,
    '',
  ].join('\n');
  process.stdout.write(`${section}\n`);
  if (!values['no-write'] && !PARTIAL) writeSection(values.doc!, section);
}

/** Replaces the "## Dashboard" section of the doc (up to the next "## "), or appends it; other sections stay as they are. */
function writeSection(file: string, section: string): void {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Performance\n';
  const start = text.search(/^## Dashboard\s*$/m);
  if (start < 0) {
    writeFileSync(file, `${text.trimEnd()}\n\n${section}`);
    return;
  }
  const rest = text.slice(start + 1);
  const next = rest.search(/^## /m);
  const end = next < 0 ? text.length : start + 1 + next;
  writeFileSync(file, `${text.slice(0, start)}${section}${next < 0 ? '' : `\n${text.slice(end)}`}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
