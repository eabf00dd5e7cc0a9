// Server-only: slows guessing PERIMETER_AUTH_TOKEN. Wrong tokens (login form or bearer header) are counted per client
// and over all clients; past either limit, token checks are refused (before the token is compared) until the window
// ends, and one line says so in the server log.
import 'server-only';

export interface LimiterSettings {
  /** Failures one client may make in a window. */
  readonly perClient: number;
  /** Failures all clients together may make in a window (client keys can be forged: X-Forwarded-For). */
  readonly overall: number;
  readonly windowMs: number;
}

/** 5 wrong tokens a minute from one client, 50 from everyone. */
export const SIGN_IN_LIMITS: LimiterSettings = Object.freeze({ perClient: 5, overall: 50, windowMs: 60_000 });

export type LimiterVerdict = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number; readonly reason: string };

export interface SignInLimiter {
  /** Whether `client` may have a token checked now. */
  check(client: string): LimiterVerdict;
  /** Records a wrong token from `client`. */
  fail(client: string): void;
  /** A right token: the client's failures are forgotten. */
  succeed(client: string): void;
}

interface Window {
  start: number;
  failures: number;
  logged: boolean;
}

/** A limiter over fixed windows; `now` and `log` are injectable for tests. Memory: one entry per failing client, swept. */
export function createSignInLimiter(settings: LimiterSettings = SIGN_IN_LIMITS, now: () => number = Date.now, log: (line: string) => void = (l) => console.warn(l)): SignInLimiter {
  const clients = new Map<string, Window>();
  const overall: Window = { start: 0, failures: 0, logged: false };
  const current = (w: Window, t: number) => {
    if (t - w.start >= settings.windowMs) Object.assign(w, { start: t, failures: 0, logged: false });
    return w;
  };
  const clientWindow = (client: string, t: number) => {
    if (clients.size > 10_000) for (const [k, w] of clients) if (t - w.start >= settings.windowMs) clients.delete(k);
    let w = clients.get(client);
    if (!w) clients.set(client, (w = { start: t, failures: 0, logged: false }));
    return current(w, t);
  };
  const until = (w: Window) => new Date(w.start + settings.windowMs).toISOString();
  const seconds = (w: Window, t: number) => Math.max(1, Math.ceil((w.start + settings.windowMs - t) / 1000));
  return {
    check(client) {
      const t = now();
      const all = current(overall, t);
      if (all.failures >= settings.overall) return { allowed: false, retryAfterSeconds: seconds(all, t), reason: `${all.failures} wrong tokens from all clients within ${settings.windowMs / 1000} s` };
      const w = clientWindow(client, t);
      if (w.failures >= settings.perClient) return { allowed: false, retryAfterSeconds: seconds(w, t), reason: `${w.failures} wrong tokens from this client within ${settings.windowMs / 1000} s` };
      return { allowed: true };
    },
    fail(client) {
      const t = now();
      const w = clientWindow(client, t);
      const all = current(overall, t);
      w.failures++;
      all.failures++;
      if (w.failures >= settings.perClient && !w.logged) {
        w.logged = true;
        log(`perimeter: sign-in rate limit: ${w.failures} wrong tokens from ${client} within ${settings.windowMs / 1000} s; its token checks are refused until ${until(w)}`);
      }
      if (all.failures >= settings.overall && !all.logged) {
        all.logged = true;
        log(`perimeter: sign-in rate limit: ${all.failures} wrong tokens from all clients within ${settings.windowMs / 1000} s; every token check is refused until ${until(all)}`);
      }
    },
    succeed(client) {
      clients.delete(client);
    },
  };
}

/** The client a request comes from, as Next gives it (X-Forwarded-For, filled from the socket when absent). */
export function clientKey(headers: Headers): string {
  return headers.get('x-forwarded-for')?.split(',')[0]?.trim() || 'unknown client';
}

// One limiter per process, on globalThis: proxy.ts and the login action are bundled apart.
const KEY = Symbol.for('perimeter.signInLimiter');
type GlobalWithLimiter = typeof globalThis & { [KEY]?: SignInLimiter };

/** The process's limiter. */
export function signInLimiter(): SignInLimiter {
  const g = globalThis as GlobalWithLimiter;
  return (g[KEY] ??= createSignInLimiter());
}
