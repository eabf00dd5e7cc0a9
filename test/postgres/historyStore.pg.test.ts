// The history store's suite on a real PostgreSQL 15 (Debian's), through `pg`: the same schema and queries as PGlite.
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { HistoryStore } from '../../lib/store/historyStore';
import { historyStoreSuite } from '../../lib/store/historyStore.suite';
import { MIGRATIONS } from '../../lib/store/migrations';
import { openPgDb } from '../../lib/store/pgDb';

const serverUrl = () => {
  const url = process.env.PERIMETER_TEST_PG_URL;
  if (!url) throw new Error('PERIMETER_TEST_PG_URL is not set: run through npm run test:postgres (test/postgres/globalSetup.ts)');
  return url;
};

let n = 0;
/** A new, empty database on the test server. */
async function freshDatabase(): Promise<string> {
  const name = `perimeter_test_${process.pid}_${++n}`;
  const admin = new pg.Client({ connectionString: serverUrl() });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const u = new URL(serverUrl());
  u.pathname = `/${name}`;
  return u.toString();
}

historyStoreSuite('PostgreSQL 15', async () => openPgDb(await freshDatabase()));

describe('PostgreSQL specifics', () => {
  it('a fresh database gets every migration once, also when two servers start together', async () => {
    const url = await freshDatabase();
    const [a, b] = await Promise.all([openPgDb(url), openPgDb(url)]);
    try {
      await Promise.all([HistoryStore.open(a), HistoryStore.open(b)]);
      const rows = await a.query<{ version: number }>('select version from perimeter_migrations order by version');
      expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('an unreachable server fails at open, naming the cause', async () => {
    const u = new URL(serverUrl());
    u.port = '1';
    await expect(openPgDb(u.toString(), { connectTimeoutMs: 2000 })).rejects.toThrow(/ECONNREFUSED|connect/);
  });
});
