// Store adapter: PGlite (PostgreSQL compiled to WASM) persisted to a folder. No server to install.
import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Db, Queryable } from './db';

/** An in-memory database (tests). */
export const MEMORY = 'memory://';

const wrap = (q: PGlite | Transaction): Queryable => ({
  async query<R>(sql: string, params: readonly unknown[] = []) {
    return (await q.query<R>(sql, [...params])).rows;
  },
  async exec(sql: string) {
    await q.exec(sql);
  },
});

/**
 * Opens (creating when needed) the PGlite database in `dir`, or an in-memory one when `dir` is `memory://`. One
 * process at a time may open a folder.
 */
export async function openPgliteDb(dir: string): Promise<Db> {
  if (dir !== MEMORY) mkdirSync(dir, { recursive: true });
  const pg = await PGlite.create(dir === MEMORY ? undefined : dir);
  const q = wrap(pg);
  return {
    kind: 'pglite',
    where: dir,
    ...q,
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    close: () => pg.close(),
  };
}
