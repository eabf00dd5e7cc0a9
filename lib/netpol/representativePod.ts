import { NAMESPACE_NAME_LABEL, type Labels, type Namespace, type Pod, type Snapshot } from '../model';
import type { RepresentativeRef } from '../request/representativeRef';

// Explain for a pod that does not exist yet: the snapshot with that pod added, so the question is answered by the same
// engine and the same per-side verdicts as for real pods. Its labels are matched by ordinary selector semantics (a
// `role Exists` rule admits a `role=monitoring` pod), unlike the exposure list, which, as np-guard, counts only rules
// naming a representative peer's selectors exactly.

/** Names no manifest can use (not DNS labels), so they never meet a real object and are safe to replace in sentences. */
const NEW_NAMESPACE = '⟨new namespace⟩';
const NEW_POD = '⟨new pod⟩';

/** The snapshot with the pod added, the `ns/name` that names it there, and a sentence on what it stands for. */
export interface RepresentativePod {
  readonly snapshot: Snapshot;
  readonly ref: string;
  readonly note: string;
}

const labelText = (l: Labels) => (Object.keys(l).length === 0 ? 'no labels' : `labels ${Object.entries(l).map(([k, v]) => `${k}=${v}`).join(',')}`);

/** Adds the pod a representative-peer reference describes (and its namespace, when new); or says why it cannot. */
export function withRepresentativePod(snapshot: Snapshot, r: RepresentativeRef): { ok: true; value: RepresentativePod } | { ok: false; message: string } {
  const existing = (name: string) => snapshot.namespaces.find((n) => n.name === name);
  let ns: Namespace;
  let added: Namespace | undefined;
  if (r.namespace.kind === 'named') {
    ns = existing(r.namespace.name) ?? (added = { name: r.namespace.name, labels: { [NAMESPACE_NAME_LABEL]: r.namespace.name }, declared: false });
  } else {
    const wanted = r.namespace.labels;
    const named = wanted[NAMESPACE_NAME_LABEL];
    const known = named === undefined ? undefined : existing(named);
    if (known) {
      const clash = Object.entries(wanted).find(([k, v]) => known.labels[k] !== v);
      if (clash) return { ok: false, message: `namespace ${named} exists and is not labelled ${clash[0]}=${clash[1]}; write ${named}/[pod with …] for a new pod there` };
      ns = known;
    } else {
      // A namespace that does not exist yet: its name label is its own (one no selector names), unless given.
      const name = named ?? NEW_NAMESPACE;
      ns = added = { name, labels: { ...wanted, [NAMESPACE_NAME_LABEL]: name }, declared: false };
    }
  }
  const pod: Pod = {
    namespace: ns.name,
    name: NEW_POD,
    labels: r.podLabels,
    phase: 'Pending',
    podIPs: [],
    hostNetwork: false,
    serviceAccountName: 'default',
    containerPorts: [],
    workload: { namespace: ns.name, kind: 'Pod', name: NEW_POD },
    // It stands for pods to be, as a controller's template pod does: it counts as active.
    fromTemplate: true,
  };
  const shown = ns.name === NEW_NAMESPACE ? Object.fromEntries(Object.entries(ns.labels).filter(([k]) => k !== NAMESPACE_NAME_LABEL)) : ns.labels;
  const where = added ? `a namespace that does not exist yet with ${labelText(shown)}` : `namespace ${ns.name}`;
  return {
    ok: true,
    value: {
      snapshot: { ...snapshot, namespaces: added ? [...snapshot.namespaces, added] : snapshot.namespaces, pods: [...snapshot.pods, pod] },
      ref: `${ns.name}/${NEW_POD}`,
      note: `${r.text} is a pod that does not exist yet: in ${where}, with ${labelText(r.podLabels)} and no container ports; policies are matched against these labels as for a real pod`,
    },
  };
}
