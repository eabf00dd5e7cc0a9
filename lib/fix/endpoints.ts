import type { AdminPeer, AdminPort, LabelSelector, Labels, NetworkPolicyPeer, NetworkPolicyPort, Protocol } from '../model';
import type { CompiledSnapshot } from '../netpol/compile';
import { formatIp } from '../netpol/ipRange';
import type { ResolvedEndpoint } from '../netpol/resolveEndpoint';

// How a fix names an endpoint in a policy: a pod selector (with a namespace selector across namespaces), or an
// address block. Volatile labels the controllers stamp on each pod or revision are left out, so a selector names the
// workload, not one pod of it.

const VOLATILE = /^(pod-template-hash|controller-revision-hash|pod-template-generation|statefulset\.kubernetes\.io\/pod-name|apps\.kubernetes\.io\/pod-index|job-name|controller-uid|batch\.kubernetes\.io\/(job-name|controller-uid|job-completion-index))$/;

/** One side of the question as a fix sees it. */
export type FixEndpoint =
  | { readonly kind: 'pods'; readonly namespace: string; readonly selector: LabelSelector; readonly name: string }
  | { readonly kind: 'address'; readonly cidr: string; readonly name: string };

/**
 * The labels every pod of the endpoint carries (volatile ones aside), as a selector; the workload's name names it.
 * Undefined for a representative peer (a pod that does not exist: the question is about policies, not a fix).
 */
export function fixEndpoint(c: CompiledSnapshot, e: ResolvedEndpoint): FixEndpoint | undefined {
  if (e.kind === 'representative') return undefined;
  if (e.kind === 'external') return { kind: 'address', cidr: `${formatIp(e.family, e.address)}/${e.family === 4 ? 32 : 128}`, name: formatIp(e.family, e.address).replace(/[.:]+/g, '-') };
  const pods = e.pods.map((i) => c.pods[i].pod);
  // A pod of a workload stands for its workload: the selector should hold for the workload's pods.
  const workload = pods[0].workload;
  const siblings = c.pods.filter((p) => p.pod.workload.namespace === workload.namespace && p.pod.workload.kind === workload.kind && p.pod.workload.name === workload.name).map((p) => p.pod);
  const group = pods.length === 1 && siblings.length > 0 ? siblings : pods;
  const common: Record<string, string> = {};
  for (const [k, v] of Object.entries(group[0].labels)) if (!VOLATILE.test(k) && group.every((p) => p.labels[k] === v)) common[k] = v;
  return { kind: 'pods', namespace: workload.namespace, selector: { matchLabels: sortLabels(common), matchExpressions: [] }, name: workload.name };
}

function sortLabels(l: Labels): Labels {
  return Object.fromEntries(Object.keys(l).sort().map((k) => [k, l[k]]));
}

const namespaceSelector = (ns: string): LabelSelector => ({ matchLabels: { 'kubernetes.io/metadata.name': ns }, matchExpressions: [] });

/** The NetworkPolicy peer naming `e`, from a policy in `policyNamespace`. */
export function networkPolicyPeer(e: FixEndpoint, policyNamespace: string): NetworkPolicyPeer {
  if (e.kind === 'address') return { kind: 'ipBlock', cidr: e.cidr, except: [] };
  return e.namespace === policyNamespace ? { kind: 'pods', podSelector: e.selector } : { kind: 'pods', podSelector: e.selector, namespaceSelector: namespaceSelector(e.namespace) };
}

/** The admin peer naming `e` (addresses only as egress `networks`: ingress peers cannot name them). */
export function adminPeer(e: FixEndpoint): AdminPeer {
  if (e.kind === 'address') return { kind: 'networks', cidrs: [e.cidr] };
  return { kind: 'pods', namespaceSelector: namespaceSelector(e.namespace), podSelector: e.selector };
}

/** The asked port: a number with its protocol, and the name it was asked by, if any. */
export interface AskedPort {
  readonly protocol: Protocol;
  readonly port: number;
  readonly name?: string;
}

/** The port entry of a NetworkPolicy rule for the asked port (by name when it was asked by name). */
export function networkPolicyPort(p: AskedPort): NetworkPolicyPort {
  return { protocol: p.protocol, port: p.name ?? p.port };
}

export function adminPort(p: AskedPort): AdminPort {
  return p.name ? { kind: 'namedPort', name: p.name } : { kind: 'portNumber', protocol: p.protocol, port: p.port };
}

/** A DNS-1123 name from parts, at most 63 characters. */
export function objectName(...parts: string[]): string {
  return parts
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 63)
    .replace(/-$/, '');
}
