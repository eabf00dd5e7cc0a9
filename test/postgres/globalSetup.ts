// One PostgreSQL 15 server for the whole `npm run test:postgres` run, started here and stopped after.
import { startTempPostgres, type TempPostgres } from '../../scripts/postgres/tempPostgres';

let pg: TempPostgres | undefined;

export async function setup(): Promise<void> {
  pg = await startTempPostgres();
  process.env.PERIMETER_TEST_PG_URL = pg.url;
  process.stderr.write(`test:postgres: PostgreSQL on 127.0.0.1:${pg.port} (${pg.dir})\n`);
}

export async function teardown(): Promise<void> {
  await pg?.stop();
}
