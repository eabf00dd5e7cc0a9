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

/** The anchor of an admin policy's card on the Policies page. */
export function adminPolicyAnchor(tier: string, name: string): string {
  return `admin-${tier}-${name}`.replace(/[^A-Za-z0-9_-]/g, '-');
}

/** The Policies page at an AdminNetworkPolicy's (or the BaselineAdminNetworkPolicy's) card. */
export function adminPolicyHref(tier: string, name: string): string {
  return `/policies#${adminPolicyAnchor(tier, name)}`;
}
