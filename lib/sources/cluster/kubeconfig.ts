// Kubeconfig as kubectl finds it, through @kubernetes/client-node. Credentials stay in the KubeConfig object.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { ClusterSource, type ClusterSourceOptions } from './clusterSource';
import { kubeConfigTransport } from './transport';

/** One selectable context, without credentials (safe to send to the browser). */
export interface ContextInfo {
  readonly name: string;
  readonly cluster: string;
  readonly server: string;
  readonly user: string;
  readonly namespace?: string;
}

/** The contexts of the loaded kubeconfig and which one is current. */
export interface KubeContexts {
  readonly contexts: readonly ContextInfo[];
  readonly current: string;
}

/**
 * Loads `KUBECONFIG` (several paths merged, first wins, as kubectl), else `~/.kube/config`, else the in-cluster
 * service account (client-node's `loadFromDefault`), and switches to `context` when given.
 * Throws when the context does not exist.
 */
export function loadKubeConfig(context?: string): KubeConfig {
  const files = (process.env.KUBECONFIG ?? '').split(path.delimiter).filter((f) => f !== '');
  const kc = files.length > 1 ? mergeKubeconfigs(files) : new KubeConfig();
  if (files.length <= 1) kc.loadFromDefault();
  // With no kubeconfig and no service account, client-node makes up http://localhost:8080 (the long-gone insecure
  // port); say what is missing instead of failing to connect there.
  if (kc.getCurrentCluster()?.server === 'http://localhost:8080' && kc.getCurrentUser()?.name === 'user' && kc.getContexts().length === 1) {
    throw new Error('no kubeconfig found: set KUBECONFIG or create ~/.kube/config (in a pod, mount a service account token)');
  }
  if (context !== undefined && context !== '') {
    if (!kc.getContextObject(context)) {
      const names = kc.getContexts().map((c) => c.name);
      throw new Error(`kubeconfig has no context "${context}" (contexts: ${names.length > 0 ? names.join(', ') : 'none'})`);
    }
    kc.setCurrentContext(context);
  }
  return kc;
}

/**
 * KUBECONFIG with several files, merged as kubectl merges them (client-go's loading rules): files that do not exist
 * are skipped; for clusters, users and contexts of the same name the first file wins (client-node would throw
 * "Duplicate cluster"); the first file that sets current-context decides it (client-node would take the last).
 */
function mergeKubeconfigs(files: readonly string[]): KubeConfig {
  const loaded = files.filter((f) => existsSync(f)).map((f) => {
    const one = new KubeConfig();
    one.loadFromFile(f); // relative certificate paths become absolute against this file's folder
    return one;
  });
  if (loaded.length === 0) throw new Error(`none of the KUBECONFIG files exist: ${files.join(', ')}`);
  const firstByName = <T extends { readonly name: string }>(lists: readonly (readonly T[])[]): T[] => {
    const seen = new Map<string, T>();
    for (const list of lists) for (const item of list) if (!seen.has(item.name)) seen.set(item.name, item);
    return [...seen.values()];
  };
  const merged = new KubeConfig();
  merged.loadFromOptions({
    clusters: firstByName(loaded.map((k) => k.getClusters())),
    users: firstByName(loaded.map((k) => k.getUsers())),
    contexts: firstByName(loaded.map((k) => k.getContexts())),
    currentContext: loaded.map((k) => k.getCurrentContext()).find((c) => c !== undefined && c !== '') ?? '',
  });
  return merged;
}

/** The contexts a KubeConfig offers, for the context selector. */
export function describeContexts(kc: KubeConfig): KubeContexts {
  return {
    current: kc.getCurrentContext(),
    contexts: kc.getContexts().map((c) => ({
      name: c.name,
      cluster: c.cluster,
      server: kc.getCluster(c.cluster)?.server ?? '',
      user: c.user,
      ...(c.namespace ? { namespace: c.namespace } : {}),
    })),
  };
}

/** A ClusterSource for a kubeconfig context (the current one by default). Call `start()` to read. */
export function createClusterSource(context?: string, options: Omit<ClusterSourceOptions, 'transport' | 'context'> = {}): ClusterSource {
  const kc = loadKubeConfig(context);
  return new ClusterSource({ ...options, transport: kubeConfigTransport(kc), context: kc.getCurrentContext() });
}
