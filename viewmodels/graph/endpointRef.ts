/**
 * The reference lib/netpol's explain accepts for a graph node: `ns/Kind/name` for a workload, `ns/name` for a pod,
 * the first address of an external range; undefined for aggregated nodes and namespaces (drill down first).
 */
export function endpointRef(id: string): string | undefined {
  if (id.startsWith('wl:') || id.startsWith('pod:')) return id.slice(id.indexOf(':') + 1);
  if (id.startsWith('ext:')) return id.slice(4).split(/[-/]/)[0];
  return undefined;
}

/** The page of one NetworkPolicy (`/policies/NS/NAME`) for its `ns/name` key. */
export function policyHref(key: string): string {
  const slash = key.indexOf('/');
  return `/policies/${encodeURIComponent(key.slice(0, slash))}/${encodeURIComponent(key.slice(slash + 1))}`;
}
