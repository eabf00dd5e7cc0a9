import { createHash } from 'node:crypto';
import type { Snapshot } from '../model';

/** JSON with object keys sorted at every level and `origin` (where an object was read, not what it is) left out. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([k, v]) => k !== 'origin' && v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const KINDS = ['namespaces', 'pods', 'workloads', 'networkPolicies', 'adminNetworkPolicies', 'baselineAdminNetworkPolicies', 'serviceAccounts', 'roles', 'clusterRoles', 'roleBindings', 'clusterRoleBindings'] as const;

const sortKey = (o: { namespace?: string; name?: string; kind?: string }) => `${o.namespace ?? ''}\u0000${o.kind ?? ''}\u0000${o.name ?? ''}`;

/**
 * SHA-256 of the snapshot's objects in canonical form: per kind, objects sorted by namespace/kind/name, keys sorted,
 * origins left out. Two snapshots with the same objects hash the same whatever files or order they came from; the
 * read time, source and warnings are not part of it.
 */
export function snapshotContentHash(s: Snapshot): string {
  const body: Record<string, unknown> = {};
  for (const k of KINDS) body[k] = [...(s[k] as readonly { namespace?: string; name?: string; kind?: string }[])].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
  return createHash('sha256').update(canonicalJson(body), 'utf8').digest('hex');
}
