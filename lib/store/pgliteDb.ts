// Store adapter: PGlite (PostgreSQL compiled to WASM) persisted to a folder. No server to install.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
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
  const unlock = dir === MEMORY ? () => {} : lock(dir);
  let pg: PGlite;
  try {
    pg = await PGlite.create(dir === MEMORY ? undefined : dir);
  } catch (e) {
    unlock();
    throw e;
  }
  const q = wrap(pg);
  return {
    kind: 'pglite',
    where: dir,
    ...q,
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    close: async () => {
      await pg.close();
      unlock();
    },
  };
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * PGlite is one process's database: a second process opening the folder would corrupt it. A pid file says who has
 * it; a pid file of a process that is gone (killed) is taken over.
 */
function lock(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'perimeter.pid');
  let holder: number | undefined;
  try {
    holder = Number(readFileSync(file, 'utf8').trim());
  } catch {
    holder = undefined;
  }
  if (holder && holder !== process.pid && alive(holder)) {
    throw new Error(`the history in ${dir} is open in process ${holder} (a Perimeter server?): PGlite allows one process at a time. Stop it, or share the history through PostgreSQL (DATABASE_URL)`);
  }
  writeFileSync(file, String(process.pid));
  return () => {
    try {
      if (Number(readFileSync(file, 'utf8').trim()) === process.pid) rmSync(file);
    } catch {
      // already gone
    }
  };
}
