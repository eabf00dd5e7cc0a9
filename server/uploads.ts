// Server-only: uploaded manifests, kept in this process's memory per browser session. Never written to disk.
import 'server-only';
import { randomBytes } from 'node:crypto';
import type { Snapshot } from '@/lib/model';

/** The cookie naming a browser's upload session: random, HttpOnly, SameSite=Strict, path `/`. */
export const UPLOAD_COOKIE = 'perimeter_upload';
/** A session nobody used for this long is dropped (30 minutes). */
export const UPLOAD_IDLE_MS = 30 * 60 * 1000;
/** Megabytes of server memory all uploads together may cost (their snapshots and analyses, estimated; default 1024). */
export const UPLOAD_MEMORY_ENV = 'PERIMETER_UPLOAD_MEMORY_MB';
/** At most this many browser sessions hold uploads at once; the least recently used goes first. */
export const UPLOAD_MAX_SESSIONS = 32;

/**
 * Estimated heap bytes per object of a snapshot, and per object for the analyses kept beside it (compiled network,
 * connectivity, RBAC index, editors), and per finding (with its evidence). Measured on generated clusters of 2,000 and
 * 10,000 pods (heap after GC, Node 20): a snapshot 1.1–1.2 KB an object; analyses 2.5 KB an object plus, at 10,000
 * pods, 30,803 findings holding about 8 KB each. Rounded up: an estimate that errs on the side of evicting early.
 */
export const COST_PER_OBJECT = 1200 + 2500;
export const COST_PER_FINDING = 8 * 1024;

/** The estimated memory an uploaded snapshot holds before its findings are computed. */
export function snapshotCost(s: Snapshot): number {
  const objects = s.namespaces.length + s.pods.length + s.workloads.length + s.networkPolicies.length + s.adminNetworkPolicies.length + s.baselineAdminNetworkPolicies.length + s.serviceAccounts.length + s.roles.length + s.clusterRoles.length + s.roleBindings.length + s.clusterRoleBindings.length + s.warnings.length;
  return objects * COST_PER_OBJECT;
}

export interface UploadLimits {
  readonly idleMs: number;
  /** Estimated bytes all uploads may cost together. */
  readonly capBytes: number;
  /** Estimated bytes one client's uploads may cost (a quarter of the cap): one client cannot push out everyone else. */
  readonly clientBytes: number;
  /**
   * Estimated bytes of new uploads admitted per minute from all clients together (half the cap): even a client that
   * forges its address (X-Forwarded-For) pushes out at most half of the others' uploads a minute.
   */
  readonly minuteBytes: number;
  readonly maxSessions: number;
}

/** The limits from the environment (PERIMETER_UPLOAD_MEMORY_MB, default 1024). */
export function uploadLimits(env: Readonly<Record<string, string | undefined>> = process.env): UploadLimits {
  const mb = Number(env[UPLOAD_MEMORY_ENV]);
  const capBytes = (Number.isFinite(mb) && mb > 0 ? mb : 1024) * 1024 * 1024;
  return { idleMs: UPLOAD_IDLE_MS, capBytes, clientBytes: Math.floor(capBytes / 4), minuteBytes: Math.floor(capBytes / 2), maxSessions: UPLOAD_MAX_SESSIONS };
}

/** One browser's uploaded snapshot. */
export interface UploadEntry {
  readonly snapshot: Snapshot;
  readonly fileNames: readonly string[];
  /** Bytes of uploaded text. */
  readonly bytes: number;
  /** Who uploaded it (server/signInLimiter clientKey): the per-client quota counts by it. */
  readonly client: string;
  /** Estimated bytes of memory it holds: the snapshot, then its analyses once computed (`addCost`). */
  cost: number;
  readonly uploadedAt: number;
  lastUsed: number;
}

/** Why an upload is gone, kept so its browser is told instead of silently shown the configured source. */
export interface EvictedUpload {
  readonly fileNames: readonly string[];
  readonly evictedAt: number;
  readonly reason: string;
}

/** What `put` did: the entry, or why it was refused (over the per-client quota on its own: 413; the minute's: 429). */
export type PutResult = { readonly ok: true; readonly entry: UploadEntry } | { readonly ok: false; readonly status: 413 | 429; readonly reason: string; readonly retryAfterSeconds?: number };

/** A store of uploads keyed by session id, with idle expiry, a memory cap and a per-client quota. `now` is injectable. */
export interface UploadStore {
  get(id: string | undefined): UploadEntry | undefined;
  put(id: string, entry: Pick<UploadEntry, 'snapshot' | 'fileNames' | 'bytes' | 'client'>): PutResult;
  /** Adds the cost of analyses computed for `snapshot` (if it is an upload), evicting others past the caps. */
  addCost(snapshot: Snapshot, bytes: number): void;
  delete(id: string | undefined): void;
  /** Why the upload of `id` is gone, if it was evicted (not deleted by its owner, not expired). */
  evicted(id: string | undefined): EvictedUpload | undefined;
  /** Sessions, estimated cost and uploaded bytes currently held. */
  usage(): { sessions: number; cost: number; bytes: number };
}

const MiB = (n: number) => `${Math.round(n / 1024 / 1024)} MiB`;

/** Creates an upload store. Expired entries are swept on every access, so no timer keeps the process alive. */
export function createUploadStore(now: () => number = Date.now, limits: UploadLimits = uploadLimits()): UploadStore {
  // A Map iterates in insertion order; re-inserting on use keeps it in least-recently-used order.
  const entries = new Map<string, UploadEntry>();
  const gone = new Map<string, EvictedUpload>();
  const admitted: { at: number; cost: number }[] = [];
  const sweep = () => {
    const t = now();
    for (const [id, e] of entries) if (t - e.lastUsed > limits.idleMs) entries.delete(id);
    for (const [id, g] of gone) if (t - g.evictedAt > limits.idleMs) gone.delete(id);
  };
  const total = (client?: string) => [...entries.values()].reduce((sum, e) => sum + (client === undefined || e.client === client ? e.cost : 0), 0);
  const evict = (id: string, reason: string) => {
    const e = entries.get(id);
    if (!e) return;
    entries.delete(id);
    gone.set(id, { fileNames: e.fileNames, evictedAt: now(), reason });
    while (gone.size > 1000) gone.delete(gone.keys().next().value as string);
  };
  /** Evicts least recently used entries other than `keep` until under the caps: first the client's own, then anyone's. */
  const fit = (keep: string) => {
    const client = entries.get(keep)?.client;
    for (const [id, e] of [...entries]) {
      if (client === undefined || total(client) <= limits.clientBytes) break;
      if (id !== keep && e.client === client) evict(id, `a newer upload from the same client needed its room (at most ${MiB(limits.clientBytes)} of uploads per client)`);
    }
    for (const id of [...entries.keys()]) {
      if (total() <= limits.capBytes && entries.size <= limits.maxSessions) break;
      if (id !== keep) evict(id, `the server holds at most ${MiB(limits.capBytes)} of uploads and ${limits.maxSessions} upload sessions; the least recently used go first`);
    }
  };
  return {
    get(id) {
      sweep();
      if (id === undefined) return undefined;
      const e = entries.get(id);
      if (!e) return undefined;
      e.lastUsed = now();
      entries.delete(id);
      entries.set(id, e);
      return e;
    },
    put(id, entry) {
      sweep();
      const cost = snapshotCost(entry.snapshot);
      if (cost > limits.clientBytes) return { ok: false, status: 413, reason: `this upload would hold about ${MiB(cost)} of server memory; one client may hold at most ${MiB(limits.clientBytes)} (a quarter of ${UPLOAD_MEMORY_ENV})` };
      const t = now();
      while (admitted.length > 0 && t - admitted[0].at >= 60_000) admitted.shift();
      const recent = admitted.reduce((n, a) => n + a.cost, 0);
      if (recent + cost > limits.minuteBytes) {
        const retryAfterSeconds = Math.max(1, Math.ceil((admitted[0].at + 60_000 - t) / 1000));
        return { ok: false, status: 429, reason: `uploads of the last minute already hold about ${MiB(recent)} of server memory (at most ${MiB(limits.minuteBytes)} a minute): try again in ${retryAfterSeconds} s`, retryAfterSeconds };
      }
      admitted.push({ at: t, cost });
      entries.delete(id);
      gone.delete(id);
      const e: UploadEntry = { ...entry, cost, uploadedAt: t, lastUsed: t };
      entries.set(id, e);
      fit(id);
      return { ok: true, entry: e };
    },
    addCost(snapshot, bytes) {
      for (const [id, e] of entries) {
        if (e.snapshot !== snapshot) continue;
        e.cost += bytes;
        fit(id);
        return;
      }
    },
    delete(id) {
      if (id !== undefined) {
        entries.delete(id);
        gone.delete(id);
      }
    },
    evicted(id) {
      sweep();
      return id === undefined ? undefined : gone.get(id);
    },
    usage() {
      sweep();
      return { sessions: entries.size, cost: total(), bytes: [...entries.values()].reduce((n, e) => n + e.bytes, 0) };
    },
  };
}

/** A new session id: 32 random bytes, base64url (not guessable, so one browser cannot read another's upload). */
export function newSessionId(): string {
  return randomBytes(32).toString('base64url');
}

/** Whether `id` has the shape `newSessionId` produces (anything else is ignored, never looked up). */
export function isSessionId(id: string | undefined): id is string {
  return id !== undefined && /^[A-Za-z0-9_-]{43}$/.test(id);
}

// One store per process, on globalThis: Next bundles each route with its own module copies.
const KEY = Symbol.for('perimeter.uploadStore');
type GlobalWithUploads = typeof globalThis & { [KEY]?: UploadStore };

/** The process's upload store. */
export function uploadStore(): UploadStore {
  const g = globalThis as GlobalWithUploads;
  return (g[KEY] ??= createUploadStore());
}
