// Server-only: uploaded manifests, kept in this process's memory per browser session. Never written to disk.
import 'server-only';
import { randomBytes } from 'node:crypto';
import type { Snapshot } from '@/lib/model';

/** The cookie naming a browser's upload session: random, HttpOnly, SameSite=Strict, path `/`. */
export const UPLOAD_COOKIE = 'perimeter_upload';
/** A session nobody used for this long is dropped (30 minutes). */
export const UPLOAD_IDLE_MS = 30 * 60 * 1000;
/**
 * All sessions together hold at most this many bytes of uploaded text (256 MiB); past it the least recently used
 * sessions are dropped. One load is further capped by the manifest limits (DEFAULT_LIMITS: 200 MiB, 20 MiB a file).
 */
export const UPLOAD_MEMORY_CAP_BYTES = 256 * 1024 * 1024;
/** At most this many browser sessions hold uploads at once; the least recently used goes first. */
export const UPLOAD_MAX_SESSIONS = 32;

/** One browser's uploaded snapshot. */
export interface UploadEntry {
  readonly snapshot: Snapshot;
  readonly fileNames: readonly string[];
  /** Bytes of uploaded text this entry accounts for (the memory cap counts these). */
  readonly bytes: number;
  readonly uploadedAt: number;
  lastUsed: number;
}

/** A store of uploads keyed by session id, with idle expiry and a memory cap. `now` is injectable for tests. */
export interface UploadStore {
  get(id: string | undefined): UploadEntry | undefined;
  put(id: string, entry: Omit<UploadEntry, 'lastUsed' | 'uploadedAt'>): UploadEntry;
  delete(id: string | undefined): void;
  /** Sessions and bytes currently held. */
  usage(): { sessions: number; bytes: number };
}

/** Creates an upload store. Expired entries are swept on every access, so no timer keeps the process alive. */
export function createUploadStore(now: () => number = Date.now, limits = { idleMs: UPLOAD_IDLE_MS, capBytes: UPLOAD_MEMORY_CAP_BYTES, maxSessions: UPLOAD_MAX_SESSIONS }): UploadStore {
  // A Map iterates in insertion order; re-inserting on use keeps it in least-recently-used order.
  const entries = new Map<string, UploadEntry>();
  const sweep = () => {
    const t = now();
    for (const [id, e] of entries) if (t - e.lastUsed > limits.idleMs) entries.delete(id);
  };
  const total = () => [...entries.values()].reduce((sum, e) => sum + e.bytes, 0);
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
      entries.delete(id);
      const t = now();
      const e: UploadEntry = { ...entry, uploadedAt: t, lastUsed: t };
      entries.set(id, e);
      // Evict the least recently used others until under both caps; the new entry itself always stays.
      for (const other of entries.keys()) {
        if (total() <= limits.capBytes && entries.size <= limits.maxSessions) break;
        if (other !== id) entries.delete(other);
      }
      return e;
    },
    delete(id) {
      if (id !== undefined) entries.delete(id);
    },
    usage() {
      sweep();
      return { sessions: entries.size, bytes: total() };
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
