// Test-side: puts kubectl-style objects into the local cluster in an order the API server accepts.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseManifestText } from '../../lib/sources';
import { demoDir } from '../../lib/sources/loadDemoSnapshot';
import type { KubeHttp } from './kubeHttp';

type Obj = { kind?: unknown; metadata?: { name?: unknown; namespace?: unknown; [k: string]: unknown }; [k: string]: unknown };

/**
 * Namespaces first (objects in a missing namespace are rejected), ServiceAccounts before Pods (the ServiceAccount
 * admission plugin rejects a pod whose account does not exist), roles before bindings, owners before what they own.
 */
const ORDER = [
  'CustomResourceDefinition',
  'Namespace',
  'ServiceAccount',
  'ClusterRole',
  'Role',
  'ClusterRoleBinding',
  'RoleBinding',
  'NetworkPolicy',
  'AdminNetworkPolicy',
  'BaselineAdminNetworkPolicy',
  'Service',
  'IngressClass',
  'Ingress',
  'Route',
  'GatewayClass',
  'Gateway',
  'HTTPRoute',
  'GRPCRoute',
  'TLSRoute',
  'TCPRoute',
  'ReferenceGrant',
  'CronJob',
  'Job',
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicationController',
  'ReplicaSet',
  'Pod',
];

const rank = (o: Obj) => {
  const i = ORDER.indexOf(String(o.kind));
  return i === -1 ? ORDER.length : i;
};

/** Applies every object (server-side apply, force) with bounded concurrency; returns how many were applied. */
export async function applyObjects(client: KubeHttp, objects: readonly Obj[], concurrency = 8): Promise<number> {
  const sorted = [...objects].sort((a, b) => rank(a) - rank(b));
  // Each rank is a barrier: a pod must not race ahead of its ServiceAccount.
  for (let r = 0; r <= ORDER.length; r++) {
    const batch = sorted.filter((o) => rank(o) === r);
    for (let i = 0; i < batch.length; i += concurrency) await Promise.all(batch.slice(i, i + concurrency).map((o) => client.apply(o)));
  }
  return sorted.length;
}

/** The demo cluster's objects as raw JSON (List items flattened). */
export async function demoObjects(): Promise<Obj[]> {
  const dir = demoDir();
  const files = (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f)).sort();
  const out: Obj[] = [];
  for (const f of files) {
    const parsed = parseManifestText(path.join('demo', f), await readFile(path.join(dir, f), 'utf8'));
    out.push(...parsed.objects.map((o) => ({ ...o.object }) as Obj));
  }
  return out;
}

