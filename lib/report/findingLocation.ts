import type { Finding } from '../findings/finding';
import type { ObjectRef, Snapshot, SourceLocation } from '../model';

/** `Kind/namespace/name` (`Kind//name` for cluster-scoped objects): the key of an object's origin. */
export function objectKey(ref: ObjectRef): string {
  return `${ref.kind}/${ref.namespace ?? ''}/${ref.name}`;
}

/** Where every object of a snapshot came from, by `objectKey`. */
export function originIndex(s: Snapshot): Map<string, SourceLocation> {
  const out = new Map<string, SourceLocation>();
  const put = (kind: string, namespace: string | undefined, name: string, origin: SourceLocation | undefined) => {
    if (origin) out.set(objectKey({ kind, namespace, name }), origin);
  };
  for (const n of s.namespaces) put('Namespace', undefined, n.name, n.origin);
  for (const w of s.workloads) put(w.kind, w.namespace, w.name, w.origin);
  for (const p of s.pods) put('Pod', p.namespace, p.name, p.origin);
  for (const p of s.networkPolicies) put('NetworkPolicy', p.namespace, p.name, p.origin);
  for (const p of s.adminNetworkPolicies) put('AdminNetworkPolicy', undefined, p.name, p.origin);
  for (const p of s.baselineAdminNetworkPolicies) put('BaselineAdminNetworkPolicy', undefined, p.name, p.origin);
  for (const a of s.serviceAccounts) put('ServiceAccount', a.namespace, a.name, a.origin);
  for (const r of s.roles) put('Role', r.namespace, r.name, r.origin);
  for (const r of s.clusterRoles) put('ClusterRole', undefined, r.name, r.origin);
  for (const b of s.roleBindings) put('RoleBinding', b.namespace, b.name, b.origin);
  for (const b of s.clusterRoleBindings) put('ClusterRoleBinding', undefined, b.name, b.origin);
  return out;
}

/**
 * The manifest location a finding points at: its object's, else the first evidence object's (the binding that
 * grants an RBAC right), else — for a namespace finding without a Namespace manifest — the first object in that
 * namespace, so code scanning can still show it beside the namespace's files.
 */
export function locateFinding(f: Finding, origins: ReadonlyMap<string, SourceLocation>, s: Snapshot): SourceLocation | undefined {
  const refs = [...(f.object ? [f.object] : []), ...f.evidence.flatMap((e) => e.refs)];
  for (const r of refs) {
    const o = origins.get(objectKey(r));
    if (o) return o;
  }
  if (f.object?.kind === 'Namespace') {
    const ns = f.object.name;
    const first = [...s.workloads.filter((w) => w.namespace === ns), ...s.networkPolicies.filter((p) => p.namespace === ns), ...s.pods.filter((p) => p.namespace === ns)].find((o) => o.origin);
    return first?.origin;
  }
  return undefined;
}

/** Whether a location is a manifest file (live cluster objects have `cluster:<kind>` instead). */
export function isFileLocation(o: SourceLocation): boolean {
  return !o.file.startsWith('cluster:');
}
