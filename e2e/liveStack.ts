// For the live e2e specs: a local kube-apiserver with the demo applied, and a Perimeter production server reading it.
import { spawn, type ChildProcess } from 'node:child_process';
import { aggregateClusterRoles } from '../scripts/local-cluster/aggregateClusterRoles';
import { applyObjects, demoObjects } from '../scripts/local-cluster/applyObjects';
import { startLocalCluster, type LocalCluster } from '../scripts/local-cluster/localCluster';

/** A production server (`npm run serve`, the build in NEXT_DIST_DIR) started by a spec with its own environment. */
export interface PerimeterServer {
  readonly url: string;
  /** What the server printed on stdout so far (its start log). */
  stdout(): string;
  /** What the server wrote to stderr so far (warnings such as the sign-in rate limit's). */
  log(): string;
  stop(): Promise<void>;
}

export async function startPerimeter(port: number, env: Record<string, string>): Promise<PerimeterServer> {
  const child: ChildProcess = spawn('npm', ['run', '--silent', 'serve'], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so stop() ends npm and the next server under it
  });
  let stderr = '';
  let stdout = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
    if (process.env.E2E_SERVER_LOG === '1') process.stderr.write(`[perimeter :${port}] ${d.toString()}`);
  });
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`perimeter server exited (${child.exitCode}): ${stderr}`);
    const ok = await fetch(`${url}/icon.svg`).then(
      (r) => r.status < 500,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`perimeter server not ready on ${url}: ${stderr}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    url,
    stdout: () => stdout,
    log: () => stderr,
    async stop() {
      if (child.pid === undefined) return;
      const group = -child.pid;
      const exited = child.exitCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', r));
      if (!signal(group, 'SIGTERM')) return;
      await exited;
      // npm exits before the next server under it has closed its port: a server started next on the same port
      // would otherwise find this one answering its readiness check, then nothing once it is gone.
      const deadline = Date.now() + 20_000;
      while (signal(group, 0)) {
        if (Date.now() > deadline) {
          signal(group, 'SIGKILL');
          break;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    },
  };
}

/** Sends `sig` to a process group; false when no process of it is left. */
function signal(group: number, sig: NodeJS.Signals | 0): boolean {
  try {
    process.kill(group, sig);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw e;
  }
}

/** The local cluster with the demo cluster applied (and the API server's own bootstrap RBAC). */
export async function startDemoCluster(): Promise<LocalCluster> {
  const cluster = await startLocalCluster();
  await applyObjects(cluster.admin, await demoObjects());
  await aggregateClusterRoles(cluster.admin);
  return cluster;
}
