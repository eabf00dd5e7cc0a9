// Server-only: delivers recorded alerts to the webhooks of perimeter.config.yaml: POST with retries and backoff,
// every attempt recorded in the store, each alert claimed before it is sent (so it is sent once per attempt).
import 'server-only';
import type { AlertsConfig } from '@/lib/config/historyConfig';
import type { HistoryStore } from '@/lib/store/historyStore';

export interface DelivererOptions {
  readonly store: () => Promise<HistoryStore>;
  readonly config: () => AlertsConfig | undefined;
  readonly fetch?: typeof fetch;
  readonly pollMs?: number;
  /** First retry after this long, doubling up to `maxBackoffMs`. */
  readonly initialBackoffMs?: number;
  readonly maxBackoffMs?: number;
  readonly timeoutMs?: number;
  readonly log?: (line: string) => void;
}

/** The wait before retry number `attempt` (1-based): initial × 2^(attempt-1), capped. */
export function backoff(attempt: number, initialMs: number, maxMs: number): number {
  return Math.min(initialMs * 2 ** Math.max(0, attempt - 1), maxMs);
}

/** Polls the store for due deliveries and sends them, one at a time; `kick()` looks at once. */
export class AlertDeliverer {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private busy = false;
  private again = false;
  private stopped = false;

  constructor(private readonly opts: DelivererOptions) {}

  start(): void {
    this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  kick(): void {
    if (this.busy) this.again = true;
    else this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), ms);
    this.timer.unref?.();
  }

  /** One pass: every due delivery, then sleep until the next poll. */
  async run(): Promise<void> {
    if (this.busy || this.stopped) return;
    this.busy = true;
    try {
      const config = this.opts.config();
      if (config && config.webhooks.length > 0) {
        const store = await this.opts.store();
        for (;;) {
          const due = await store.dueDeliveries(new Date().toISOString(), 10);
          if (due.length === 0) break;
          for (const d of due) await this.deliver(store, config, d.id, d.target, d.payload, d.attempts);
        }
      }
    } catch (e) {
      this.opts.log?.(`alerts: delivery paused: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      this.busy = false;
      const soon = this.again;
      this.again = false;
      this.schedule(soon ? 0 : (this.opts.pollMs ?? 1_000));
    }
  }

  private async deliver(store: HistoryStore, config: AlertsConfig, id: number, target: string, payload: unknown, attempts: number): Promise<void> {
    const now = () => new Date().toISOString();
    const hook = config.webhooks.find((w) => w.name === target);
    if (!hook) {
      await store.recordAttempt(id, { ok: false, error: `webhook ${target} is no longer in perimeter.config.yaml` }, now());
      return;
    }
    const body = (payload as { body?: unknown }).body ?? payload;
    let outcome: { ok: true; status: number } | { ok: false; status?: number; error: string };
    try {
      const res = await (this.opts.fetch ?? fetch)(hook.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'perimeter-alerts', 'x-perimeter-delivery': String(id), ...hook.headers },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.opts.timeoutMs ?? 10_000),
        redirect: 'error',
      });
      await res.arrayBuffer().catch(() => undefined);
      outcome = res.ok ? { ok: true, status: res.status } : { ok: false, status: res.status, error: `HTTP ${res.status} from ${hook.name}` };
    } catch (e) {
      const cause = (e as { cause?: { code?: string } }).cause?.code;
      outcome = { ok: false, error: `${hook.name}: ${e instanceof Error ? e.message : String(e)}${cause ? ` (${cause})` : ''}` };
    }
    if (outcome.ok) {
      await store.recordAttempt(id, outcome, now());
      return;
    }
    const attempt = attempts + 1;
    const retryAt = attempt < config.maxAttempts ? new Date(Date.now() + backoff(attempt, this.opts.initialBackoffMs ?? 1_000, this.opts.maxBackoffMs ?? 300_000)).toISOString() : undefined;
    if (!retryAt) this.opts.log?.(`alerts: delivery ${id} to ${hook.name} given up after ${attempt} attempts: ${outcome.error}`);
    await store.recordAttempt(id, { ...outcome, ...(retryAt ? { retryAt } : {}) }, now());
  }
}
