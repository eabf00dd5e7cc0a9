// Builds (or finds cached) etcd and kube-apiserver from their Go modules, pinned. No downloads besides the Go module proxy.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, link, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The pinned releases. The staging modules of Kubernetes 1.X.Y are published as v0.X.Y. */
export const KUBERNETES_VERSION = 'v1.36.3';
export const ETCD_VERSION = 'v3.6.6';
const STAGING_VERSION = KUBERNETES_VERSION.replace(/^v1\./, 'v0.');
/** Staging modules published without a tag for every release (no v0.36.3 exists): not needed to build kube-apiserver. */
const UNPUBLISHED_STAGING = new Set(['k8s.io/sample-cli-plugin']);

export interface Binaries {
  readonly etcd: string;
  readonly kubeApiserver: string;
}

const REPO = path.resolve(__dirname, '..', '..');
const DIR_NAME = `k8s-${KUBERNETES_VERSION}-etcd-${ETCD_VERSION}`;

/**
 * Where binaries are looked for, in order: the clone's git-ignored `.cache/`, then a cache outside the clone
 * (`$PERIMETER_CACHE_DIR` or `~/.cache/perimeter`) that CI's fresh clones on the same machine share.
 */
export function cacheDirs(): { repo: string; shared: string } {
  const sharedRoot = process.env.PERIMETER_CACHE_DIR ?? path.join(os.homedir(), '.cache', 'perimeter');
  return { repo: path.join(REPO, '.cache', DIR_NAME), shared: path.join(sharedRoot, DIR_NAME) };
}

function binariesIn(dir: string): Binaries {
  return { etcd: path.join(dir, 'etcd'), kubeApiserver: path.join(dir, 'kube-apiserver') };
}

const present = (b: Binaries) => existsSync(b.etcd) && existsSync(b.kubeApiserver);

/** Hard-links (or copies, across file systems) `from` to `to`, atomically. */
async function place(from: string, to: string): Promise<void> {
  await mkdir(path.dirname(to), { recursive: true });
  const tmp = `${to}.tmp-${process.pid}`;
  await rm(tmp, { force: true });
  try {
    await link(from, tmp);
  } catch {
    await copyFile(from, tmp);
  }
  await rename(tmp, to);
}

async function go(args: readonly string[], cwd: string, log: (line: string) => void): Promise<void> {
  log(`go ${args.join(' ')}`);
  // nice: two cores are shared with other work; GOFLAGS=-mod=mod lets `go get` rewrite the scratch go.mod.
  await run('nice', ['-n', '19', 'go', ...args], {
    cwd,
    env: { ...process.env, GOFLAGS: '-mod=mod', CGO_ENABLED: '0' },
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** kube-apiserver: a scratch module requiring k8s.io/kubernetes, with each staging module replaced by its published tag. */
async function buildKubeApiserver(out: string, log: (line: string) => void): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'perimeter-kube-apiserver-'));
  try {
    // The release's own go.mod names its staging modules as `k8s.io/X => ./staging/src/k8s.io/X`.
    const { stdout } = await run('go', ['mod', 'download', '-json', `k8s.io/kubernetes@${KUBERNETES_VERSION}`], { maxBuffer: 16 * 1024 * 1024 });
    const info = JSON.parse(stdout) as { GoMod?: string };
    if (!info.GoMod) throw new Error(`go mod download gave no go.mod for k8s.io/kubernetes@${KUBERNETES_VERSION}`);
    const kubeMod = await readFile(info.GoMod, 'utf8');
    const staging = [...kubeMod.matchAll(/^\s*(k8s\.io\/[\w.-]+)\s+=>\s+\.\/staging\//gm)].map((m) => m[1]).filter((m) => !UNPUBLISHED_STAGING.has(m));
    if (staging.length === 0) throw new Error('found no staging modules in the kubernetes go.mod');
    const replaces = staging.map((m) => `\t${m} => ${m} ${STAGING_VERSION}`).join('\n');
    await writeFile(path.join(dir, 'go.mod'), `module perimeter.local/kube-apiserver\n\ngo 1.24\n\nrequire k8s.io/kubernetes ${KUBERNETES_VERSION}\n\nreplace (\n${replaces}\n)\n`);
    await go(['get', `k8s.io/kubernetes/cmd/kube-apiserver@${KUBERNETES_VERSION}`], dir, log);
    // Without these the binary reports v0.0.0-master, and the emulation/compatibility version checks misbehave.
    const [major, minor] = KUBERNETES_VERSION.slice(1).split('.');
    const ldflags = [
      `-X k8s.io/component-base/version.gitVersion=${KUBERNETES_VERSION}`,
      `-X k8s.io/component-base/version.gitMajor=${major}`,
      `-X k8s.io/component-base/version.gitMinor=${minor}`,
      `-X k8s.io/client-go/pkg/version.gitVersion=${KUBERNETES_VERSION}`,
      `-X k8s.io/client-go/pkg/version.gitMajor=${major}`,
      `-X k8s.io/client-go/pkg/version.gitMinor=${minor}`,
      '-s -w',
    ].join(' ');
    await go(['build', '-ldflags', ldflags, '-o', out, 'k8s.io/kubernetes/cmd/kube-apiserver'], dir, log);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function buildEtcd(out: string, log: (line: string) => void): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'perimeter-etcd-'));
  try {
    await writeFile(path.join(dir, 'go.mod'), `module perimeter.local/etcd\n\ngo 1.24\n\nrequire go.etcd.io/etcd/server/v3 ${ETCD_VERSION}\n`);
    await go(['get', `go.etcd.io/etcd/server/v3@${ETCD_VERSION}`], dir, log);
    await go(['build', '-ldflags', '-s -w', '-o', out, 'go.etcd.io/etcd/server/v3'], dir, log);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The binaries, building what no cache holds. Builds land in the clone's `.cache/` and are linked into the shared
 * cache, so a fresh clone on the same machine starts in seconds. First build: about 1 min (etcd) + 5 min (apiserver).
 */
export async function ensureBinaries(log: (line: string) => void = () => {}): Promise<Binaries> {
  const dirs = cacheDirs();
  const repo = binariesIn(dirs.repo);
  const shared = binariesIn(dirs.shared);
  if (present(repo)) return repo;
  if (present(shared)) return shared;
  await mkdir(dirs.repo, { recursive: true });
  await run('go', ['version']).catch((e: unknown) => {
    throw new Error(`Go is needed to build etcd and kube-apiserver (none cached in ${dirs.repo} or ${dirs.shared}): ${String(e)}`);
  });
  for (const [name, build] of [
    ['etcd', buildEtcd],
    ['kube-apiserver', buildKubeApiserver],
  ] as const) {
    const target = path.join(dirs.repo, name);
    const cached = path.join(dirs.shared, name);
    if (existsSync(target)) continue;
    if (existsSync(cached)) {
      await place(cached, target);
      continue;
    }
    log(`building ${name} (${name === 'etcd' ? ETCD_VERSION : KUBERNETES_VERSION}) from its Go module…`);
    const started = Date.now();
    await build(`${target}.build`, log);
    await rename(`${target}.build`, target);
    log(`built ${name} in ${Math.round((Date.now() - started) / 1000)} s`);
    await place(target, cached).catch((e: unknown) => log(`could not share ${name} in ${dirs.shared}: ${String(e)}`));
  }
  return repo;
}
