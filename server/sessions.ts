// Server-only: sign-in sessions, kept in this process's memory. A session id is random (never derived from the
// token), expires when idle and at a fixed age, and ends on sign-out; restarting the server ends them all.
import 'server-only';
import { randomBytes } from 'node:crypto';

/** Minutes a session may go unused before it ends (default 60). */
export const SESSION_IDLE_ENV = 'PERIMETER_SESSION_IDLE_MINUTES';
/** Hours after sign-in a session ends however much it is used (default 12). */
export const SESSION_MAX_ENV = 'PERIMETER_SESSION_MAX_HOURS';

export interface SessionLimits {
  readonly idleMs: number;
  readonly maxAgeMs: number;
  /** Sessions held at once; past it the oldest sign-in ends (bounds memory against sign-in floods). */
  readonly maxSessions: number;
}

const positive = (v: string | undefined, fallback: number) => {
  const n = Number(v);
  return v !== undefined && v.trim() !== '' && Number.isFinite(n) && n > 0 ? n : fallback;
};

/** The limits from the environment: idle 60 minutes and 12 hours at most unless set. */
export function sessionLimits(env: Readonly<Record<string, string | undefined>> = process.env): SessionLimits {
  return { idleMs: positive(env[SESSION_IDLE_ENV], 60) * 60_000, maxAgeMs: positive(env[SESSION_MAX_ENV], 12) * 3_600_000, maxSessions: 1000 };
}

interface Session {
  readonly createdAt: number;
  lastUsed: number;
}

export interface SessionStore {
  /** Starts a session and returns its id (the cookie value). */
  create(): string;
  /** Whether `id` names a live session; a valid one counts as used now. */
  touch(id: string | undefined): boolean;
  /** Ends a session (sign-out). */
  revoke(id: string | undefined): void;
  size(): number;
}

/** A store of sessions; `now` and the limits are injectable for tests. Expired sessions are swept on every call. */
export function createSessionStore(limits: SessionLimits, now: () => number = Date.now): SessionStore {
  const sessions = new Map<string, Session>();
  const alive = (s: Session, t: number) => t - s.lastUsed <= limits.idleMs && t - s.createdAt <= limits.maxAgeMs;
  const sweep = (t: number) => {
    for (const [id, s] of sessions) if (!alive(s, t)) sessions.delete(id);
  };
  return {
    create() {
      const t = now();
      sweep(t);
      const id = randomBytes(32).toString('base64url');
      sessions.set(id, { createdAt: t, lastUsed: t });
      // A Map keeps insertion order: the first key is the oldest sign-in.
      while (sessions.size > limits.maxSessions) sessions.delete(sessions.keys().next().value as string);
      return id;
    },
    touch(id) {
      if (id === undefined) return false;
      const s = sessions.get(id);
      if (!s) return false;
      const t = now();
      if (!alive(s, t)) {
        sessions.delete(id);
        return false;
      }
      s.lastUsed = t;
      return true;
    },
    revoke(id) {
      if (id !== undefined) sessions.delete(id);
    },
    size() {
      sweep(now());
      return sessions.size;
    },
  };
}

// One store per process, on globalThis: proxy.ts, the login action and the logout route are bundled apart.
const KEY = Symbol.for('perimeter.sessions');
type GlobalWithSessions = typeof globalThis & { [KEY]?: SessionStore };

/** The process's session store. */
export function sessionStore(): SessionStore {
  const g = globalThis as GlobalWithSessions;
  return (g[KEY] ??= createSessionStore(sessionLimits()));
}
