// Kubeconfig as kubectl finds it, through @kubernetes/client-node. Credentials stay in the KubeConfig object.
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
  const kc = new KubeConfig();
  kc.loadFromDefault();
  if (context !== undefined && context !== '') {
    if (!kc.getContextObject(context)) {
      const names = kc.getContexts().map((c) => c.name);
      throw new Error(`kubeconfig has no context "${context}" (contexts: ${names.length > 0 ? names.join(', ') : 'none'})`);
    }
    kc.setCurrentContext(context);
  }
  return kc;
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
