// Server-only: whole-snapshot analyses off the event loop. Jobs run in worker threads (server/worker/analysisWorker);
// one job per snapshot and config, shared by every request waiting for it, and stopped when the last one stops
// waiting. Snapshot and results cross in pieces with a turn of the event loop between them, so the dashboard keeps
// answering (/api/snapshot, /api/health, SSE) while a job runs.
import 'server-only';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PerimeterConfig } from '@/lib/config';
import type { ReportedFinding } from '@/lib/findings';
import type { Snapshot } from '@/lib/model';
import { piecesOf, SNAPSHOT_LISTS, type FromWorker, type SnapshotList, type ToWorker } from './worker/protocol';

/** Worker threads for analyses (default 1: on two cores, one for the event loop and one for analyses); 0 = none. */
export const WORKERS_ENV = 'PERIMETER_ANALYSIS_WORKERS';

/** Where `npm run build` puts the worker bundle (scripts/build-worker.mjs), beside the Next build. */
export function workerFile(env: Readonly<Record<string, string | undefined>> = process.env, cwd = process.cwd()): string {
  return path.join(cwd, env.NEXT_DIST_DIR || '.next', 'perimeter', 'analysis-worker.mjs');
}

/** Thrown to a waiter whose signal aborted: it stopped waiting (the job goes on if others still wait). */
export class AnalysisAborted extends Error {
  constructor() {
    super('the analysis was no longer awaited');
    this.name = 'AnalysisAborted';
  }
}

/** What the pool has done, for tests and the load test. */
export interface PoolStats {
  /** Jobs started in a worker. */
  readonly started: number;
  readonly completed: number;
  /** Jobs stopped because nobody waited any more (queued ones dropped, running ones' workers terminated). */
  readonly cancelled: number;
  readonly queued: number;
  readonly running: number;
}

export interface AnalysisPool {
  /** The snapshot's findings under `config`, computed in a worker; one job for all callers with the same pair. */
  findings(snapshot: Snapshot, config: PerimeterConfig, signal?: AbortSignal): Promise<readonly ReportedFinding[]>;
  stats(): PoolStats;
  /** Ends the workers (tests). */
  close(): Promise<void>;
}

interface Job {
  readonly id: number;
  readonly snapshot: Snapshot;
  readonly config: PerimeterConfig;
  state: 'queued' | 'running' | 'done';
  /** Waiters that can stop waiting; `pinned` ones (no signal) never do. */
  waiting: number;
  pinned: boolean;
  readonly items: ReportedFinding[];
  readonly done: Promise<readonly ReportedFinding[]>;
  resolve(v: readonly ReportedFinding[]): void;
  reject(e: Error): void;
}

interface Slot {
  worker: Worker;
  job?: Job;
}

const turn = () => new Promise<void>((r) => setImmediate(r));

/** A pool of `size` workers running `file`. Jobs queue in order; a worker runs one at a time. */
export function createAnalysisPool(file: string, size = 1): AnalysisPool {
  const jobs = new WeakMap<Snapshot, Map<PerimeterConfig, Job>>();
  const queue: Job[] = [];
  const slots: Slot[] = [];
  let nextId = 1;
  let started = 0;
  let completed = 0;
  let cancelled = 0;

  const forget = (job: Job) => jobs.get(job.snapshot)?.delete(job.config);

  function spawn(): Slot {
    const slot: Slot = { worker: new Worker(file) };
    slot.worker.unref();
    slot.worker.on('message', (m: FromWorker) => {
      const job = slot.job;
      if (!job || m.id !== job.id) return;
      if (m.type === 'error') return finish(slot, job, new Error(`analysis failed in the worker: ${m.message}`));
      job.items.push(...m.items);
      if (m.last) return finish(slot, job);
      // The next piece only after this one was taken and the event loop had a turn.
      setImmediate(() => slot.job === job && slot.worker.postMessage({ type: 'more', id: job.id } satisfies ToWorker));
    });
    slot.worker.on('error', (e) => slot.job && finish(slot, slot.job, new Error(`the analysis worker failed: ${e.message}`)));
    slot.worker.on('exit', (code) => {
      const i = slots.indexOf(slot);
      if (i >= 0) slots.splice(i, 1);
      if (slot.job && slot.job.state === 'running') finish(slot, slot.job, new Error(`the analysis worker exited (code ${code})`));
      pump();
    });
    slots.push(slot);
    return slot;
  }

  function finish(slot: Slot, job: Job, error?: Error) {
    if (job.state === 'done') return;
    job.state = 'done';
    slot.job = undefined;
    forget(job);
    if (error) job.reject(error);
    else {
      completed++;
      job.resolve(job.items);
    }
    pump();
  }

  async function run(slot: Slot, job: Job) {
    slot.job = job;
    job.state = 'running';
    started++;
    const { snapshot } = job;
    const head = Object.fromEntries(Object.entries(snapshot).filter(([k]) => !(SNAPSHOT_LISTS as readonly string[]).includes(k))) as Extract<ToWorker, { type: 'start' }>['head'];
    const post = (m: ToWorker) => slot.worker.postMessage(m);
    post({ type: 'start', id: job.id, head, config: job.config });
    for (const list of SNAPSHOT_LISTS) {
      for (const items of piecesOf((snapshot[list] as readonly unknown[] | undefined) ?? [])) {
        if (slot.job !== job) return; // cancelled while sending
        post({ type: 'part', id: job.id, list: list as SnapshotList, items });
        await turn();
      }
    }
    if (slot.job === job) post({ type: 'go', id: job.id });
  }

  function pump() {
    while (queue.length > 0) {
      const idle = slots.find((s) => !s.job) ?? (slots.length < size ? spawn() : undefined);
      if (!idle) return;
      const job = queue.shift() as Job;
      void run(idle, job);
    }
  }

  function cancel(job: Job) {
    cancelled++;
    forget(job);
    if (job.state === 'queued') {
      queue.splice(queue.indexOf(job), 1);
      job.state = 'done';
      job.reject(new AnalysisAborted());
      return;
    }
    const slot = slots.find((s) => s.job === job);
    job.state = 'done';
    job.reject(new AnalysisAborted());
    if (slot) {
      // A computation cannot be interrupted inside the thread: the worker goes, a fresh one takes the next job.
      slot.job = undefined;
      const i = slots.indexOf(slot);
      if (i >= 0) slots.splice(i, 1);
      void slot.worker.terminate();
      pump();
    }
  }

  function jobFor(snapshot: Snapshot, config: PerimeterConfig): Job {
    let byConfig = jobs.get(snapshot);
    if (!byConfig) jobs.set(snapshot, (byConfig = new Map()));
    const known = byConfig.get(config);
    if (known) return known;
    let resolve!: Job['resolve'];
    let reject!: Job['reject'];
    const done = new Promise<readonly ReportedFinding[]>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    // Every waiter handles the rejection through its own promise; this keeps an unawaited job from being "unhandled".
    done.catch(() => {});
    const job: Job = { id: nextId++, snapshot, config, state: 'queued', waiting: 0, pinned: false, items: [], done, resolve, reject };
    byConfig.set(config, job);
    queue.push(job);
    pump();
    return job;
  }

  return {
    findings(snapshot, config, signal) {
      if (signal?.aborted) return Promise.reject(new AnalysisAborted());
      const job = jobFor(snapshot, config);
      if (!signal) {
        job.pinned = true;
        return job.done;
      }
      job.waiting++;
      return new Promise((resolve, reject) => {
        const onAbort = () => {
          job.waiting--;
          reject(new AnalysisAborted());
          if (job.waiting === 0 && !job.pinned && job.state !== 'done') cancel(job);
        };
        signal.addEventListener('abort', onAbort, { once: true });
        job.done.then(
          (v) => {
            signal.removeEventListener('abort', onAbort);
            resolve(v);
          },
          (e: Error) => {
            signal.removeEventListener('abort', onAbort);
            reject(e);
          },
        );
      });
    },
    stats() {
      return { started, completed, cancelled, queued: queue.length, running: slots.filter((s) => s.job).length };
    },
    async close() {
      await Promise.all(slots.splice(0).map((s) => s.worker.terminate()));
    },
  };
}

// One pool per process, on globalThis (Next bundles routes apart). Undefined when workers are off or not built.
const KEY = Symbol.for('perimeter.analysisPool');
type GlobalWithPool = typeof globalThis & { [KEY]?: AnalysisPool | null };

/**
 * The process's pool, or undefined when PERIMETER_ANALYSIS_WORKERS=0 or the worker bundle is missing (a `next dev`
 * without `npm run build`): then analyses run on the event loop, as the CLI runs them, and the log says so once.
 */
export function analysisPool(): AnalysisPool | undefined {
  const g = globalThis as GlobalWithPool;
  if (g[KEY] !== undefined) return g[KEY] ?? undefined;
  const size = Number(process.env[WORKERS_ENV] ?? '1');
  const file = workerFile();
  if (!(size >= 1)) g[KEY] = null;
  else if (!existsSync(file)) {
    console.warn(`perimeter: no analysis worker at ${file} (run npm run build): analyses run on the event loop`);
    g[KEY] = null;
  } else g[KEY] = createAnalysisPool(file, Math.floor(size));
  return g[KEY] ?? undefined;
}
