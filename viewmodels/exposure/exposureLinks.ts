import { firstPort, STAND_IN_REF, type HopQuestion } from '@/lib/exposure/hopExplanations';
import { STAND_IN_CONTROLLER } from '@/lib/exposure';
import type { PortSet } from '@/lib/netpol/portSet';
import { parseRepresentativeRef } from '@/lib/request';
import { explainHref } from '../explain/explainQuery';
import { idOfConnlistName, parseElementId } from '../graph/elementIds';
import { DEFAULT_VIEW, graphViewQuery } from '../graph/graphView';

// Links from the Exposure page to Explain (a pre-filled question) and to the Graph (the workload focused).

/** `ns/name[Kind]` (the connlist notation) → `ns/Kind/name`, the workload reference explain takes. */
export function workloadRef(connlistName: string): string {
  const ref = parseElementId(idOfConnlistName(connlistName));
  return ref?.kind === 'workload' ? `${ref.namespace}/${ref.workloadKind}/${ref.name}` : connlistName;
}

/**
 * The stand-in ingress controller as a pod that does not exist yet (lib/request): no labels, in a new namespace of
 * that name carrying only its name label — exactly the stand-in, so Explain answers as the hop was computed.
 */
export const STAND_IN_EXPLAIN_REF = `${STAND_IN_CONTROLLER.namespace}/[all pods]`;

/** Explain's page for a hop's question (the stand-in asked as a pod that does not exist yet). */
export function questionHref(q: HopQuestion): string {
  return explainHref({ from: q.from === STAND_IN_REF ? STAND_IN_EXPLAIN_REF : q.from, to: q.to, port: q.port, protocol: q.protocol === 'TCP' ? undefined : q.protocol });
}

/** Explain's page for a connection between two endpoints on the first port of `ports` (any port when it holds all). */
export function connectionHref(from: string, to: string, ports: PortSet): string {
  const p = firstPort(ports);
  return explainHref({ from, to, ...(p ? { port: p.port, protocol: p.protocol === 'TCP' ? undefined : p.protocol } : {}) });
}

/** Whether explain can answer for this representative peer (labels only; a selector with expressions is refused). */
export function explainablePeer(peerName: string): boolean {
  return parseRepresentativeRef(peerName).ok;
}

/** The Graph with a workload focused (its neighbours `hops` away highlighted), its namespace drawn open. */
export function graphHref(connlistName: string, opts: { hops?: number } = {}): string {
  const id = idOfConnlistName(connlistName);
  const ref = parseElementId(id);
  const namespace = ref?.kind === 'workload' ? ref.namespace : undefined;
  const q = graphViewQuery({ ...DEFAULT_VIEW, focus: id, selected: [id], expanded: namespace ? [namespace] : [], hops: opts.hops ?? 1 });
  return `/graph${q ? `?${q}` : ''}`;
}
