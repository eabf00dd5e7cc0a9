// The benchmark harness shared by every scripts/bench/*.bench.ts: each file exports `benches`, a list of Bench.

/** One measured task. `run` returns an optional figure (e.g. lines written) reported beside the time. */
export interface Bench {
  readonly name: string;
  /** Runs before each sample, untimed (e.g. generating the input). Its result is passed to `run`. */
  readonly setup?: () => unknown | Promise<unknown>;
  readonly run: (input: unknown) => unknown | Promise<unknown>;
  /** Samples to take (median reported); at least 5. */
  readonly samples?: number;
  /** Repetitions inside one sample, for sub-millisecond tasks; the time is per repetition. */
  readonly repeat?: number;
  /** Target in ms (per repetition), printed as pass/miss. */
  readonly targetMs?: number;
  /** Names the figure `run` returns, e.g. "lines"; the report adds a per-second rate. */
  readonly unit?: string;
  /** A line printed after the result (e.g. a peak RSS measured outside this process). */
  readonly note?: () => string;
}

/** A measured result. */
export interface BenchResult {
  readonly name: string;
  readonly medianMs: number;
  /** Median CPU time (user + system, all threads) of this process per repetition: steadier than wall time on a busy machine. */
  readonly cpuMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly samples: number;
  readonly figure?: number;
  readonly unit?: string;
  readonly ratePerSec?: number;
  readonly rssMb: number;
  readonly targetMs?: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Runs one bench: `samples` timed runs (each after its untimed setup), median/min/max in ms. */
export async function runBench(b: Bench): Promise<BenchResult> {
  const samples = Math.max(5, b.samples ?? 5);
  const repeat = b.repeat ?? 1;
  const times: number[] = [];
  const cpu: number[] = [];
  let figure: number | undefined;
  let rss = 0;
  for (let i = 0; i < samples; i++) {
    const input = b.setup ? await b.setup() : undefined;
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    let out: unknown;
    for (let r = 0; r < repeat; r++) out = await b.run(input);
    const c = process.cpuUsage(c0);
    times.push((performance.now() - t0) / repeat);
    cpu.push((c.user + c.system) / 1000 / repeat);
    if (typeof out === 'number') figure = out;
    rss = Math.max(rss, process.memoryUsage().rss);
  }
  const med = median(times);
  return {
    name: b.name,
    medianMs: med,
    cpuMs: median(cpu),
    minMs: Math.min(...times),
    maxMs: Math.max(...times),
    samples,
    figure,
    unit: b.unit,
    ratePerSec: figure !== undefined && b.unit ? Math.round((figure / med) * 1000) : undefined,
    rssMb: Math.round(rss / 1e6),
    targetMs: b.targetMs,
  };
}

/** One line of the report. */
export function formatResult(r: BenchResult): string {
  const target = r.targetMs === undefined ? '' : r.medianMs <= r.targetMs ? `  ok (< ${r.targetMs} ms)` : `  MISSED (target ${r.targetMs} ms)`;
  const rate = r.ratePerSec === undefined ? '' : `  ${r.figure} ${r.unit}, ${r.ratePerSec.toLocaleString('en-US')} ${r.unit}/s`;
  const ms = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(0));
  return `${r.name.padEnd(58)} median ${ms(r.medianMs).padStart(7)} ms  (min ${ms(r.minMs)}, max ${ms(r.maxMs)}, n=${r.samples}, cpu ${ms(r.cpuMs)} ms)  rss ${r.rssMb} MB${rate}${target}`;
}
