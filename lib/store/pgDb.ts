// Store adapter: a PostgreSQL server through `pg` (DATABASE_URL), for Perimeter run as a shared service.
import pg from 'pg';
import { redactUrl, type Db, type Queryable } from './db';

// int8 (counts, sums) as numbers: every value the store sums fits in 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

const wrap = (c: pg.Pool | pg.PoolClient): Queryable => ({
  async query<R>(sql: string, params: readonly unknown[] = []) {
    return (await c.query(sql, [...params])).rows as R[];
  },
  async exec(sql: string) {
    await c.query(sql);
  },
});

/** Connects to `url` (checked with one query, so a wrong URL fails here, naming the server). */
export async function openPgDb(url: string, options: { connectTimeoutMs?: number } = {}): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000 });
  // An idle client whose server went away emits 'error' on the pool; without a listener that would end the process.
  pool.on('error', () => {});
  await pool.query('select 1');
  const q = wrap(pool);
  return {
    kind: 'postgres',
    where: redactUrl(url),
    ...q,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const out = await fn(wrap(client));
        await client.query('commit');
        return out;
      } catch (e) {
        await client.query('rollback').catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
