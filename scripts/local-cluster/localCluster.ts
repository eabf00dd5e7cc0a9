// Starts etcd and kube-apiserver on loopback for tests and local runs: RBAC, a service-account signing key, an audit
// log, and two identities (an admin in system:masters, a restricted reader with no permissions of its own).
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ensureBinaries } from './binaries';
import { KubeHttp } from './kubeHttp';
import { installStandInCrds, NETWORK_POLICY_API_CRDS, ROUTING_CRDS } from './standInCrds';

const run = promisify(execFile);

/** Identities the local cluster trusts (client certificates signed by its CA). */
export const ADMIN_USER = 'perimeter-admin';
export const READER_USER = 'perimeter-reader';
export const READER_GROUP = 'perimeter:readers';
/** Contexts in the written kubeconfig. */
export const ADMIN_CONTEXT = 'local-admin';
export const READER_CONTEXT = 'local-reader';
/** Two more people, in group `perimeter:editors` (no bindings of their own): history tests make changes as them. */
export const EDITOR_USERS = ['alice@acme.example', 'bob@acme.example'] as const;
export const EDITOR_GROUP = 'perimeter:editors';

/**
 * Where kube-apiserver's audit webhook backend posts (Perimeter's POST /api/audit or its TLS listener) and how it
 * authenticates: a bearer token and/or a client certificate. kube-apiserver sends neither over plain http, so the
 * URL is https with the receiver's CA.
 */
export interface AuditWebhook {
  readonly url: string;
  readonly ca: string;
  readonly token?: string;
  readonly clientCert?: string;
  readonly clientKey?: string;
}

export interface LocalCluster {
  /** `https://127.0.0.1:<port>` */
  readonly server: string;
  readonly dir: string;
  /** One kubeconfig with both contexts (`local-admin` current, `local-reader`). */
  readonly kubeconfig: string;
  readonly auditLog: string;
  readonly admin: KubeHttp;
  readonly reader: KubeHttp;
  /** Clients for EDITOR_USERS, by user name. */
  readonly editors: Readonly<Record<(typeof EDITOR_USERS)[number], KubeHttp>>;
  /** PEM of the cluster CA. */
  readonly ca: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

async function openssl(args: readonly string[], cwd: string): Promise<void> {
  await run('openssl', args, { cwd });
}

/** CA, serving certificate for 127.0.0.1/localhost, two client certificates and the service-account key. */
async function writePki(dir: string): Promise<void> {
  await openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '2', '-subj', '/CN=perimeter-local-ca'], dir);
  const sign = async (name: string, subj: string, ext: string) => {
    await openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', subj], dir);
    await writeFile(path.join(dir, `${name}.ext`), ext);
    await openssl(['x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${name}.crt`, '-days', '2', '-extfile', `${name}.ext`], dir);
  };
  await sign('serving', '/CN=kube-apiserver', 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
  // Client certificates: CN is the user name, O the groups (the API server's x509 authenticator).
  await sign('admin', `/O=system:masters/CN=${ADMIN_USER}`, 'extendedKeyUsage=clientAuth\n');
  await sign('reader', `/O=${READER_GROUP}/CN=${READER_USER}`, 'extendedKeyUsage=clientAuth\n');
  for (const [i, u] of EDITOR_USERS.entries()) await sign(`editor${i}`, `/O=${EDITOR_GROUP}/CN=${u}`, 'extendedKeyUsage=clientAuth\n');
  await openssl(['genrsa', '-out', 'sa.key', '2048'], dir);
}

const b64 = (s: string) => Buffer.from(s).toString('base64');

async function writeKubeconfig(dir: string, server: string): Promise<string> {
  const read = (f: string) => readFile(path.join(dir, f), 'utf8');
  const ca = await read('ca.crt');
  const user = async (name: string, file: string) =>
    `- name: ${name}\n  user:\n    client-certificate-data: ${b64(await read(`${file}.crt`))}\n    client-key-data: ${b64(await read(`${file}.key`))}\n`;
  const text =
    `apiVersion: v1\nkind: Config\nclusters:\n- name: local\n  cluster:\n    server: ${server}\n    certificate-authority-data: ${b64(ca)}\n` +
    `users:\n${await user(ADMIN_USER, 'admin')}${await user(READER_USER, 'reader')}` +
    `contexts:\n- name: ${ADMIN_CONTEXT}\n  context:\n    cluster: local\n    user: ${ADMIN_USER}\n- name: ${READER_CONTEXT}\n  context:\n    cluster: local\n    user: ${READER_USER}\n` +
    `current-context: ${ADMIN_CONTEXT}\n`;
  const file = path.join(dir, 'kubeconfig');
  await writeFile(file, text, { mode: 0o600 });
  return file;
}

/**
 * Writes to the kinds Perimeter reads at RequestResponse level (the response object carries the resourceVersion the
 * history matches on; Secrets and ConfigMaps are not among them), every other request at Metadata level: enough to
 * see who did which verb on which resource, without bodies.
 */
const AUDIT_POLICY = `apiVersion: audit.k8s.io/v1
kind: Policy
omitStages: ["RequestReceived"]
rules:
- level: RequestResponse
  verbs: ["create", "update", "patch", "delete", "deletecollection"]
  resources:
  - group: ""
    resources: ["namespaces", "pods", "serviceaccounts", "replicationcontrollers"]
  - group: "apps"
    resources: ["deployments", "replicasets", "statefulsets", "daemonsets"]
  - group: "batch"
    resources: ["jobs", "cronjobs"]
  - group: "networking.k8s.io"
    resources: ["networkpolicies"]
  - group: "policy.networking.k8s.io"
    resources: ["adminnetworkpolicies", "baselineadminnetworkpolicies"]
  - group: "rbac.authorization.k8s.io"
    resources: ["roles", "clusterroles", "rolebindings", "clusterrolebindings"]
- level: Metadata
`;

/** The webhook backend's kubeconfig: Perimeter's URL and the bearer token it expects. */
function auditWebhookKubeconfig(w: AuditWebhook): string {
  const user = [
    ...(w.token ? [`    token: ${w.token}`] : []),
    ...(w.clientCert && w.clientKey ? [`    client-certificate-data: ${b64(w.clientCert)}`, `    client-key-data: ${b64(w.clientKey)}`] : []),
  ];
  return `apiVersion: v1
kind: Config
clusters:
- name: perimeter
  cluster:
    server: ${w.url}
    certificate-authority-data: ${b64(w.ca)}
users:
- name: kube-apiserver
  user:
${user.length ? user.join('\n') : '    {}'}
contexts:
- name: default
  context:
    cluster: perimeter
    user: kube-apiserver
current-context: default
`;
}

function startProcess(bin: string, args: readonly string[], logFile: string): ChildProcess {
  const out = createWriteStream(logFile);
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  return child;
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}; see ${logFile}:\n${(await readFile(logFile, 'utf8')).slice(-3000)}`);
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} not ready after ${timeoutMs / 1000} s; see ${logFile}`);
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/**
 * Builds (first time) and starts a local control plane: etcd and kube-apiserver on free loopback ports, state in a
 * temporary directory removed by `stop()` (unless `keep`). Ready when /readyz passes, which includes the RBAC
 * bootstrap-roles post-start hook. Stand-in CRDs for AdminNetworkPolicy, OpenShift Route and the Gateway API are
 * installed unless `addOnCrds: false`.
 * No controller-manager or scheduler: objects stay exactly as written.
 */
export async function startLocalCluster(opts: { log?: (line: string) => void; keep?: boolean; addOnCrds?: boolean; auditWebhook?: AuditWebhook } = {}): Promise<LocalCluster> {
  const log = opts.log ?? (() => {});
  const bin = await ensureBinaries(log);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'perimeter-cluster-'));
  const children: ChildProcess[] = [];
  // If the test process dies without stop(), do not leave an API server and etcd behind.
  const killAll = () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  };
  process.once('exit', killAll);
  const stop = async () => {
    process.removeListener('exit', killAll);
    for (const c of [...children].reverse()) await stopProcess(c);
    if (!opts.keep) await rm(dir, { recursive: true, force: true });
  };
  try {
    await writePki(dir);
    await writeFile(path.join(dir, 'audit-policy.yaml'), AUDIT_POLICY);
    if (opts.auditWebhook) await writeFile(path.join(dir, 'audit-webhook.kubeconfig'), auditWebhookKubeconfig(opts.auditWebhook), { mode: 0o600 });
    const [etcdPort, peerPort, apiPort] = [await freePort(), await freePort(), await freePort()];
    const etcdUrl = `http://127.0.0.1:${etcdPort}`;
    const peerUrl = `http://127.0.0.1:${peerPort}`;
    await mkdir(path.join(dir, 'etcd'), { mode: 0o700 });
    const etcdLog = path.join(dir, 'etcd.log');
    const etcd = startProcess(
      bin.etcd,
      [
        '--name=default',
        `--data-dir=${path.join(dir, 'etcd')}`,
        `--listen-client-urls=${etcdUrl}`,
        `--advertise-client-urls=${etcdUrl}`,
        `--listen-peer-urls=${peerUrl}`,
        `--initial-advertise-peer-urls=${peerUrl}`,
        `--initial-cluster=default=${peerUrl}`,
        '--unsafe-no-fsync', // a throwaway test store: durability is not the point, speed on a busy disk is
        '--log-level=warn',
      ],
      etcdLog,
    );
    children.push(etcd);
    await waitFor('etcd', async () => (await fetch(`${etcdUrl}/health`)).ok, 30_000, etcd, etcdLog);

    const p = (f: string) => path.join(dir, f);
    const server = `https://127.0.0.1:${apiPort}`;
    const apiLog = p('kube-apiserver.log');
    const auditLog = p('audit.log');
    const api = startProcess(
      bin.kubeApiserver,
      [
        `--etcd-servers=${etcdUrl}`,
        '--bind-address=127.0.0.1',
        '--advertise-address=127.0.0.1',
        `--secure-port=${apiPort}`,
        `--tls-cert-file=${p('serving.crt')}`,
        `--tls-private-key-file=${p('serving.key')}`,
        `--client-ca-file=${p('ca.crt')}`,
        '--authorization-mode=RBAC',
        `--service-account-key-file=${p('sa.key')}`,
        `--service-account-signing-key-file=${p('sa.key')}`,
        '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
        '--api-audiences=https://kubernetes.default.svc.cluster.local',
        '--service-cluster-ip-range=10.96.0.0/16',
        `--audit-policy-file=${p('audit-policy.yaml')}`,
        `--audit-log-path=${auditLog}`,
        '--audit-log-mode=blocking',
        // The webhook backend posts batches of EventList to Perimeter; a short wait keeps history current in tests.
        ...(opts.auditWebhook
          ? [`--audit-webhook-config-file=${p('audit-webhook.kubeconfig')}`, '--audit-webhook-mode=batch', '--audit-webhook-batch-max-wait=500ms', '--audit-webhook-initial-backoff=1s', '--audit-webhook-version=audit.k8s.io/v1']
          : []),
        '--profiling=false',
        '--v=0',
      ],
      apiLog,
    );
    children.push(api);
    const read = (f: string) => readFile(p(f), 'utf8');
    const ca = await read('ca.crt');
    const admin = new KubeHttp(server, ca, await read('admin.crt'), await read('admin.key'));
    const reader = new KubeHttp(server, ca, await read('reader.crt'), await read('reader.key'));
    const editors = Object.fromEntries(await Promise.all(EDITOR_USERS.map(async (u, i) => [u, new KubeHttp(server, ca, await read(`editor${i}.crt`), await read(`editor${i}.key`))]))) as LocalCluster['editors'];
    await waitFor('kube-apiserver', async () => (await admin.request('GET', '/readyz')).status === 200, 120_000, api, apiLog);
    if (opts.addOnCrds !== false) await installStandInCrds(admin, [...NETWORK_POLICY_API_CRDS, ...ROUTING_CRDS]);
    const kubeconfig = await writeKubeconfig(dir, server);
    log(`local cluster ready at ${server} (state in ${dir})`);
    return { server, dir, kubeconfig, auditLog, admin, reader, editors, ca, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
