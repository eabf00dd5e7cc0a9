// The graph's element ids, encoded and decoded here only. Ids are stable across views and reloads, so selections,
// focus and what-if overlays survive a re-render and can be kept in the URL.

/** What a node id names. */
export type GraphElementRef =
  | { readonly kind: 'namespace'; readonly namespace: string }
  | { readonly kind: 'workload'; readonly namespace: string; readonly workloadKind: string; readonly name: string }
  | { readonly kind: 'pod'; readonly namespace: string; readonly name: string }
  | { readonly kind: 'external'; readonly range: string }
  /** The aggregated node of every external range. */
  | { readonly kind: 'externals' }
  /** The internet, in the "reachable from the internet" view: where entry points bring traffic from. */
  | { readonly kind: 'internet' }
  /** The stand-in ingress controller (lib/exposure), for Ingresses/Routes/Gateways whose controller is not in the snapshot. */
  | { readonly kind: 'ingress-controller' };

/** The aggregated external-addresses node. */
export const EXTERNALS_ID = 'externals';
/** The Internet node of the "reachable from the internet" view. */
export const INTERNET_ID = 'internet';
/** The stand-in ingress controller's node (lib/exposure STAND_IN_CONTROLLER), for routes whose controller is not in the snapshot. */
export const INGRESS_CONTROLLER_ID = 'ingress-controller';

export const namespaceId = (namespace: string) => `ns:${namespace}`;
/** `wl:namespace/Kind/name`, the element id of a workload. */
export const workloadId = (namespace: string, kind: string, name: string) => `wl:${namespace}/${kind}/${name}`;
export const podId = (namespace: string, name: string) => `pod:${namespace}/${name}`;
/** `ext:<range>`, the element id of an external address range (as the engine formats it). */
export const externalId = (range: string) => `ext:${range}`;
/** The id of an edge between two drawn nodes. */
export const edgeId = (source: string, target: string) => `${source}->${target}`;
/**
 * The id of an edge of the "reachable from the internet" view (the Internet or an ingress controller to a workload it
 * reaches through entry points): apart from the connection edge the same two nodes may have.
 */
export const internetEdgeId = (source: string, target: string) => `entry:${edgeId(source, target)}`;
export const isInternetEdgeId = (id: string) => id.startsWith('entry:');
/** Whether an element id is an edge's (`edgeId`, `internetEdgeId`), not a node's. */
export const isEdgeId = (id: string) => id.includes('->');

/** The element id of any reference. */
export function elementId(ref: GraphElementRef): string {
  switch (ref.kind) {
    case 'namespace':
      return namespaceId(ref.namespace);
    case 'workload':
      return workloadId(ref.namespace, ref.workloadKind, ref.name);
    case 'pod':
      return podId(ref.namespace, ref.name);
    case 'external':
      return externalId(ref.range);
    case 'externals':
      return EXTERNALS_ID;
    case 'internet':
      return INTERNET_ID;
    case 'ingress-controller':
      return INGRESS_CONTROLLER_ID;
  }
}

/** What a node id names; undefined for an edge id or text that is no element id. */
export function parseElementId(id: string): GraphElementRef | undefined {
  if (id === EXTERNALS_ID) return { kind: 'externals' };
  if (id === INTERNET_ID) return { kind: 'internet' };
  if (id === INGRESS_CONTROLLER_ID) return { kind: 'ingress-controller' };
  if (isEdgeId(id)) return undefined;
  const colon = id.indexOf(':');
  const body = id.slice(colon + 1);
  switch (id.slice(0, colon)) {
    case 'ns':
      return body ? { kind: 'namespace', namespace: body } : undefined;
    case 'ext':
      return body ? { kind: 'external', range: body } : undefined;
    case 'pod': {
      const slash = body.indexOf('/');
      return slash > 0 ? { kind: 'pod', namespace: body.slice(0, slash), name: body.slice(slash + 1) } : undefined;
    }
    case 'wl': {
      // Kubernetes names hold no `/`, so namespace and kind end at the first two.
      const [namespace, workloadKind, ...rest] = body.split('/');
      return rest.length > 0 ? { kind: 'workload', namespace, workloadKind, name: rest.join('/') } : undefined;
    }
    default:
      return undefined;
  }
}

/** The namespace a node id belongs to (namespaces, workloads and pods), else undefined. */
export function namespaceOfId(id: string): string | undefined {
  const ref = parseElementId(id);
  return ref && (ref.kind === 'namespace' || ref.kind === 'workload' || ref.kind === 'pod') ? ref.namespace : undefined;
}

/** The graph element id of a connlist endpoint name: `ns/name[Kind]` → `wl:ns/Kind/name`, `RANGE[External]` → `ext:RANGE`. */
export function idOfConnlistName(connlistName: string): string {
  const m = /^(.*)\[([^\]]+)\]$/.exec(connlistName);
  if (!m) return connlistName;
  const [, body, kind] = m;
  if (kind === 'External') return externalId(body);
  const slash = body.indexOf('/');
  return workloadId(body.slice(0, slash), kind, body.slice(slash + 1));
}

/** Back from a workload or external id to the connlist name the tables use (`ns/name[Kind]`, `RANGE[External]`). */
export function connlistNameOfId(id: string): string {
  const ref = parseElementId(id);
  if (ref?.kind === 'external') return `${ref.range}[External]`;
  if (ref?.kind === 'workload') return `${ref.namespace}/${ref.name}[${ref.workloadKind}]`;
  return id;
}
