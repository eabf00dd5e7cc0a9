// A throwaway PostgreSQL server for tests: Debian's postgresql (15) initialised in a temporary directory, listening
// on 127.0.0.1 only, trust authentication, stopped and removed by stop(). As root it runs as the `postgres` user
// (PostgreSQL refuses to run as root).
import { execFile, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Where Debian puts the server binaries (`postgresql-15`); PERIMETER_PG_BIN overrides. */
export function postgresBin(): string {
  if (process.env.PERIMETER_PG_BIN) return process.env.PERIMETER_PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(path.join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a)) : [];
  if (versions.length === 0) throw new Error('PostgreSQL server binaries not found under /usr/lib/postgresql (apt-get install postgresql)');
  return path.join(root, versions[0], 'bin');
}

export interface TempPostgres {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` */
  readonly url: string;
  readonly port: number;
  readonly dir: string;
  /** A URL for another database of this server. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** Runs a server binary, as `postgres` when we are root. */
function asOwner(bin: string, args: readonly string[]): { file: string; args: string[] } {
  return isRoot() ? { file: 'runuser', args: ['-u', 'postgres', '--', bin, ...args] } : { file: bin, args: [...args] };
}

/** initdb + pg_ctl start on a free loopback port; resolves once the server accepts connections. */
export async function startTempPostgres(opts: { port?: number } = {}): Promise<TempPostgres> {
  const bin = postgresBin();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'perimeter-pg-'));
  const data = path.join(dir, 'data');
  if (isRoot()) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: g } = await run('id', ['-g', 'postgres']);
    chownSync(dir, Number(stdout.trim()), Number(g.trim()));
  }
  const init = asOwner(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  await run(init.file, init.args);
  const port = opts.port ?? (await freePort());
  // Unix sockets in the temp dir (not /var/run/postgresql), TCP on loopback only, no fsync: a throwaway server.
  const options = `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  const start = asOwner(path.join(bin, 'pg_ctl'), ['-D', data, '-l', path.join(dir, 'server.log'), '-o', options, '-w', '-t', '60', 'start']);
  await run(start.file, start.args);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let stopped = false;
  const stopSync = () => {
    if (stopped) return;
    const s = asOwner(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']);
    spawn(s.file, s.args, { stdio: 'ignore' });
  };
  process.once('exit', stopSync);
  return {
    url,
    port,
    dir,
    urlFor: (database) => `postgres://postgres@127.0.0.1:${port}/${encodeURIComponent(database)}`,
    async stop() {
      if (stopped) return;
      process.removeListener('exit', stopSync);
      const s = asOwner(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
      await run(s.file, s.args).catch(() => {});
      stopped = true;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
