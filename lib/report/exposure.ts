import type { LabelSelector } from '../model';
import type { Connectivity } from '../netpol/connectivity';
import type { DirectionExposure, Exposure, ExposurePeer } from '../netpol/exposure';
import { formatExposure, type NamedPort } from '../netpol/exposurePorts';
import type { PortSet } from '../netpol/portSet';
import { representativePeerName, type RepresentativeOrigin } from '../netpol/representativePeers';
import { connlistTxt, type ConnlistOptions } from './connlist';

// The exposure sections of `perimeter connectivity --exposure`, in np-guard's txt layout
// (conns_formatter_txt.go writeExposureOutput) and as structured JSON.

const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** `entire-cluster`, `ns/[pod with {…}]`, `[namespace with {…}]/[all pods]`, or an external range. */
export function exposurePeerName(p: ExposurePeer): string {
  switch (p.kind) {
    case 'entire-cluster':
      return 'entire-cluster';
    case 'representative':
      return representativePeerName(p.peer);
    case 'external':
      return p.name;
  }
}

/**
 * The txt sections after the connectivity list: "Exposure Analysis Result:", then "Egress Exposure:",
 * "Ingress Exposure:" and "Workloads not protected by network policies:", each left out when empty and separated by a
 * blank line. Workload names are padded to the longest exposed one; lines are grouped by workload (sorted by name)
 * and sorted within it. Nothing at all when no workload is exposed.
 */
export function exposureTxtLines(exposure: Exposure): string[] {
  if (exposure.endpoints.length === 0) return [];
  const endpoints = [...exposure.endpoints].sort((a, b) => byteOrder(a.endpoint.name, b.endpoint.name));
  const width = Math.max(...endpoints.map((e) => e.endpoint.name.length));
  const lines = (name: string, d: DirectionExposure) => {
    const arrow = d.direction === 'Egress' ? '=>' : '<=';
    return d.entries.map((x) => `${name.padEnd(width)} \t${arrow} \t${exposurePeerName(x.peer)} : ${formatExposure(x.ports)}`).sort(byteOrder);
  };
  const egress = endpoints.flatMap((e) => lines(e.endpoint.name, e.egress));
  const ingress = endpoints.flatMap((e) => lines(e.endpoint.name, e.ingress));
  const unprotected = endpoints
    .flatMap((e) => [e.egress, e.ingress].filter((d) => !d.protected).map((d) => `${e.endpoint.name} is not protected on ${d.direction}`))
    .sort(byteOrder);
  const sections: string[][] = [];
  if (egress.length > 0) sections.push(['Egress Exposure:', ...egress]);
  if (ingress.length > 0) sections.push(['Ingress Exposure:', ...ingress]);
  if (unprotected.length > 0) sections.push(['Workloads not protected by network policies:', ...unprotected]);
  return ['Exposure Analysis Result:', ...sections.flatMap((s, i) => (i === 0 ? s : ['', ...s]))];
}

/** The connectivity list followed, after a blank line, by the exposure sections (np-guard's `list --exposure`). */
export function* connlistWithExposureTxt(conn: Connectivity, exposure: Exposure, opts: ConnlistOptions = {}): Generator<string> {
  let any = false;
  for (const line of connlistTxt(conn, opts)) {
    any = true;
    yield line;
  }
  const lines = exposureTxtLines(exposure);
  if (lines.length === 0) return;
  if (any) yield '\n';
  yield `${lines.join('\n')}\n`;
}

/** A peer as data: what a future pod must look like to be it. */
export type ExposurePeerJson =
  | { readonly kind: 'entire-cluster' }
  | {
      readonly kind: 'representative';
      /** Set when the rule names a namespace by its policy's own namespace (no namespaceSelector). */
      readonly namespace?: string;
      readonly namespaceSelector: LabelSelector;
      /** Absent: any pod of those namespaces. */
      readonly podSelector?: LabelSelector;
      /** The rule it was first met in. */
      readonly origin: RepresentativeOrigin;
    }
  | { readonly kind: 'external'; readonly range: string };

export interface ExposureEntryJson {
  readonly peer: string;
  readonly peerDetail: ExposurePeerJson;
  readonly conn: string;
  readonly ports: PortSet;
  /** Named ports kept by name (the peer's container ports are unknown); `any` = the protocol is the pod's. */
  readonly namedPorts: readonly NamedPort[];
}

export interface ExposureJson {
  readonly workloads: readonly {
    readonly workload: string;
    readonly egress: { readonly protected: boolean; readonly entries: readonly ExposureEntryJson[] };
    readonly ingress: { readonly protected: boolean; readonly entries: readonly ExposureEntryJson[] };
  }[];
}

function peerJson(p: ExposurePeer): ExposurePeerJson {
  switch (p.kind) {
    case 'entire-cluster':
      return { kind: 'entire-cluster' };
    case 'external':
      return { kind: 'external', range: p.name.replace(/\[External\]$/, '') };
    case 'representative': {
      const r = p.peer;
      return { kind: 'representative', ...(r.namespace === undefined ? {} : { namespace: r.namespace }), namespaceSelector: r.namespaceSelector, ...(r.podSelector ? { podSelector: r.podSelector } : {}), origin: r.origin };
    }
  }
}

/** The same facts as the txt sections, structured: per workload and direction, each peer with its kind, selectors and ports. */
export function exposureJson(exposure: Exposure): ExposureJson {
  const direction = (d: DirectionExposure) => ({
    protected: d.protected,
    entries: d.entries
      .map((x) => ({ peer: exposurePeerName(x.peer), peerDetail: peerJson(x.peer), conn: formatExposure(x.ports), ports: x.ports.ports, namedPorts: x.ports.named }))
      .sort((a, b) => byteOrder(a.peer, b.peer)),
  });
  return {
    workloads: [...exposure.endpoints].sort((a, b) => byteOrder(a.endpoint.name, b.endpoint.name)).map((e) => ({ workload: e.endpoint.name, egress: direction(e.egress), ingress: direction(e.ingress) })),
  };
}
