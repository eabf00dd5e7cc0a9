import { allNamespaces, CHANGE_NETWORK_POLICIES, CHANGE_WORKLOADS, holders, type Ask, type Capability, type Holder } from '../findings/rbacEvidence';
import type { RbacIndex } from '../rbac/buildRbacIndex';
import { resourceLabel } from '../rbac/resources';
import { describePath } from '../rbac/types';
import { whoCanCache } from '../rbac/whoCan';

/** A subject that gains or loses rights of a capability in one scope. */
export interface AccessChange {
  readonly change: 'gained' | 'lost';
  /** Subject key, e.g. `User:alice`, `ServiceAccount:ci/runner`. */
  readonly subject: string;
  /** Undefined: through ClusterRoleBindings, in every namespace. */
  readonly namespace?: string;
  readonly capability: string;
  /** `verb resource` pairs, e.g. `patch networkpolicies.networking.k8s.io`. */
  readonly rights: readonly string[];
  /** For a gain, the head's grant paths (binding → role → rule); for a loss, the base's. */
  readonly via: readonly string[];
}

/** The capabilities a diff compares: who can change NetworkPolicies, who can change workloads. */
export const DIFF_CAPABILITIES: readonly Capability[] = [CHANGE_NETWORK_POLICIES, CHANGE_WORKLOADS];

/** Subject key → right (`verb resource`) → the grant paths that give it. */
type Rights = Map<string, Map<string, Set<string>>>;

function rightsOf(ask: Ask, cap: Capability, namespace: string | undefined): Rights {
  const out: Rights = new Map();
  const held: Map<string, Holder> = holders(ask, cap, namespace);
  for (const [key, h] of held) {
    const entry = new Map<string, Set<string>>();
    for (const r of h.rights) {
      const label = `${r.right.verb} ${resourceLabel(r.right.resource)}`;
      const via = entry.get(label) ?? entry.set(label, new Set()).get(label)!;
      for (const p of r.paths) via.add(describePath(p));
    }
    out.set(key, entry);
  }
  return out;
}

function compare(before: Rights, after: Rights, skip: (subject: string, right: string, change: AccessChange['change']) => boolean, emit: (c: Omit<AccessChange, 'namespace' | 'capability'>) => void): void {
  for (const subject of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(subject);
    const a = after.get(subject);
    const gained = [...(a?.keys() ?? [])].filter((r) => !b?.has(r) && !skip(subject, r, 'gained'));
    const lost = [...(b?.keys() ?? [])].filter((r) => !a?.has(r) && !skip(subject, r, 'lost'));
    const via = (side: Map<string, Set<string>> | undefined, rights: string[]) => [...new Set(rights.flatMap((r) => [...(side?.get(r) ?? [])]))].sort();
    if (gained.length) emit({ change: 'gained', subject, rights: gained.sort(), via: via(a, gained) });
    if (lost.length) emit({ change: 'lost', subject, rights: lost.sort(), via: via(b, lost) });
  }
}

/**
 * Subjects who gain or lose the rights to change NetworkPolicies or workloads from `base` to `head`, as the RBAC
 * authorizer decides them (lib/rbac). Changes through ClusterRoleBindings are reported once (no namespace) and not
 * repeated per namespace; a namespace lists only what changes there beyond them.
 */
export function accessDiff(bi: RbacIndex, hi: RbacIndex): AccessChange[] {
  const bAsk = whoCanCache(bi);
  const hAsk = whoCanCache(hi);
  const namespaces = [...new Set([...allNamespaces(bi), ...allNamespaces(hi)])].sort();
  const out: AccessChange[] = [];
  for (const cap of DIFF_CAPABILITIES) {
    const clusterChanges = new Set<string>();
    compare(rightsOf(bAsk, cap, undefined), rightsOf(hAsk, cap, undefined), () => false, (c) => {
      for (const r of c.rights) clusterChanges.add(`${c.change}|${c.subject}|${r}`);
      out.push({ ...c, capability: cap.label });
    });
    for (const ns of namespaces) {
      compare(rightsOf(bAsk, cap, ns), rightsOf(hAsk, cap, ns), (s, r, change) => clusterChanges.has(`${change}|${s}|${r}`), (c) => out.push({ ...c, namespace: ns, capability: cap.label }));
    }
  }
  return out;
}

/** Rights grouped by resource: `create/update/patch networkpolicies.networking.k8s.io; delete pods`. */
export function summarizeRights(rights: readonly string[]): string {
  const byResource = new Map<string, string[]>();
  for (const r of rights) {
    const [verb, resource] = r.split(' ');
    const verbs = byResource.get(resource) ?? byResource.set(resource, []).get(resource)!;
    verbs.push(verb);
  }
  const ORDER = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection'];
  const rank = (v: string) => (ORDER.includes(v) ? ORDER.indexOf(v) : ORDER.length);
  return [...byResource].map(([res, verbs]) => `${verbs.sort((x, y) => rank(x) - rank(y)).join('/')} ${res}`).join('; ');
}
