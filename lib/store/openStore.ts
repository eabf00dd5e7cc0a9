// Opens the history store as configured: PostgreSQL when DATABASE_URL is set, else PGlite in PERIMETER_DATA_DIR.
import path from 'node:path';
import type { Db } from './db';
import { HistoryStore } from './historyStore';

export const DATABASE_URL_ENV = 'DATABASE_URL';
export const DATA_DIR_ENV = 'PERIMETER_DATA_DIR';
/** Where PGlite keeps the history when PERIMETER_DATA_DIR is not set (git-ignored). */
export const DEFAULT_DATA_DIR = '.perimeter';

/** Which database a process uses, from its environment. */
export type StoreLocation = { readonly kind: 'postgres'; readonly url: string } | { readonly kind: 'pglite'; readonly dir: string };

export function storeLocation(env: Readonly<Record<string, string | undefined>> = process.env, cwd = process.cwd()): StoreLocation {
  const url = env[DATABASE_URL_ENV]?.trim();
  if (url) return { kind: 'postgres', url };
  const dir = env[DATA_DIR_ENV]?.trim() || DEFAULT_DATA_DIR;
  return { kind: 'pglite', dir: path.resolve(cwd, dir, 'history') };
}

export async function openDb(location: StoreLocation): Promise<Db> {
  // The drivers are imported when a store is opened: every CLI command would otherwise load pg and PGlite at start.
  if (location.kind === 'postgres') return (await import('./pgDb')).openPgDb(location.url);
  return (await import('./pgliteDb')).openPgliteDb(location.dir);
}

/** Opens the database and applies the migrations. */
export async function openHistoryStore(location: StoreLocation): Promise<HistoryStore> {
  const db = await openDb(location);
  try {
    return await HistoryStore.open(db);
  } catch (e) {
    await db.close().catch(() => {});
    throw e;
  }
}
