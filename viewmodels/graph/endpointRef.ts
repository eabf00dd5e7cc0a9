import { parseElementId } from './elementIds';

/**
 * The reference lib/netpol's explain accepts for a graph node: `ns/Kind/name` for a workload, `ns/name` for a pod,
 * the first address of an external range; undefined for aggregated nodes and namespaces (drill down first).
 */
export function endpointRef(id: string): string | undefined {
  const ref = parseElementId(id);
  switch (ref?.kind) {
    case 'workload':
      return `${ref.namespace}/${ref.workloadKind}/${ref.name}`;
    case 'pod':
      return `${ref.namespace}/${ref.name}`;
    case 'external':
      return ref.range.split(/[-/]/)[0];
    default:
      return undefined;
  }
}

/** The page of one NetworkPolicy (`/policies/NS/NAME`) for its `ns/name` key. */
export function policyHref(key: string): string {
  const slash = key.indexOf('/');
  return `/policies/${encodeURIComponent(key.slice(0, slash))}/${encodeURIComponent(key.slice(slash + 1))}`;
}
