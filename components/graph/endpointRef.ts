/**
 * The reference lib/netpol's explain accepts for a graph node: `ns/Kind/name` for a workload, `ns/name` for a pod,
 * the first address of an external range; undefined for aggregated nodes and namespaces (drill down first).
 */
export function endpointRef(id: string): string | undefined {
  if (id.startsWith('wl:') || id.startsWith('pod:')) return id.slice(id.indexOf(':') + 1);
  if (id.startsWith('ext:')) return id.slice(4).split(/[-/]/)[0];
  return undefined;
}

/** Where the Policies page shows one policy. */
export function policyHref(key: string): string {
  return `/policies?policy=${encodeURIComponent(key)}`;
}
