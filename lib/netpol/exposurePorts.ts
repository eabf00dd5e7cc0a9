import type { AdminPort, ContainerPort, NetworkPolicyPort, Protocol } from '../model';
import { adminPortSet } from './compileAdmin';
import { rulePortSet } from './compile';
import {
  ALL_PORTS,
  formatPortRanges,
  intersectPorts,
  isAllPorts,
  isEmptyPorts,
  NO_PORTS,
  portRangeSet,
  PROTOCOLS,
  subtractPorts,
  unionPorts,
  type PortSet,
} from './portSet';

// Connections toward a peer whose container ports are unknown (a representative peer, the whole cluster): a named
// port cannot be resolved to a number there, so it is kept as a name (np-guard netpol.go ruleConnections: "we can't
// convert the named port to its number ... so we use the named-port as is").

/** `any`: an AdminNetworkPolicy namedPort, whose protocol is the destination container's (shared_types.go, NamedPort). */
export type NamedPortProtocol = Protocol | 'any';

/** A port known only by its name. */
export interface NamedPort {
  readonly protocol: NamedPortProtocol;
  readonly name: string;
}

/** Numbered ports plus named ports that could not be resolved (sorted, unique). */
export interface ExposurePorts {
  readonly ports: PortSet;
  readonly named: readonly NamedPort[];
}

export const EXPOSURE_NONE: ExposurePorts = Object.freeze({ ports: NO_PORTS, named: Object.freeze([]) as readonly NamedPort[] });
export const EXPOSURE_ALL: ExposurePorts = Object.freeze({ ports: ALL_PORTS, named: Object.freeze([]) as readonly NamedPort[] });

/** Numbered ports only. */
export function exposurePorts(ports: PortSet): ExposurePorts {
  return isEmptyPorts(ports) ? EXPOSURE_NONE : isAllPorts(ports) ? EXPOSURE_ALL : { ports, named: [] };
}

const PROTOCOL_RANK: Readonly<Record<NamedPortProtocol, number>> = { any: 0, SCTP: 1, TCP: 2, UDP: 3 };
const sameNamed = (a: NamedPort, b: NamedPort) => a.protocol === b.protocol && a.name === b.name;

function normalize(ports: PortSet, named: readonly NamedPort[]): ExposurePorts {
  // Every port of every protocol holds every named port too.
  if (isAllPorts(ports)) return EXPOSURE_ALL;
  if (named.length === 0) return exposurePorts(ports);
  const unique = named.filter((n, i) => named.findIndex((m) => sameNamed(m, n)) === i);
  unique.sort((a, b) => PROTOCOL_RANK[a.protocol] - PROTOCOL_RANK[b.protocol] || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { ports, named: unique };
}

/** Whether a side holds a named port: by name, or by allowing every port of its protocol (every protocol for `any`). */
function holds(p: ExposurePorts, n: NamedPort): boolean {
  if (p.named.some((m) => sameNamed(m, n))) return true;
  const full = (proto: Protocol) => p.ports[proto].length === 1 && p.ports[proto][0][0] === 1 && p.ports[proto][0][1] === 65535;
  return n.protocol === 'any' ? PROTOCOLS.every(full) : full(n.protocol);
}

export function unionExposure(a: ExposurePorts, b: ExposurePorts): ExposurePorts {
  if (a === EXPOSURE_NONE || b === EXPOSURE_ALL) return b;
  if (b === EXPOSURE_NONE || a === EXPOSURE_ALL) return a;
  return normalize(unionPorts(a.ports, b.ports), [...a.named, ...b.named]);
}

export function intersectExposure(a: ExposurePorts, b: ExposurePorts): ExposurePorts {
  if (a === EXPOSURE_ALL || b === EXPOSURE_NONE) return b;
  if (b === EXPOSURE_ALL || a === EXPOSURE_NONE) return a;
  const named = [...a.named, ...b.named].filter((n) => holds(a, n) && holds(b, n));
  return normalize(intersectPorts(a.ports, b.ports), named);
}

/**
 * `a` without `b`. A named port is removed by the same name, or by a `b` holding all of its protocol; numbered
 * ranges cannot remove a named port (its number is unknown), and a named port cannot carve a number out of a range
 * (np-guard keeps the range too: its ExcludedNamedPorts do not change what is printed).
 */
export function subtractExposure(a: ExposurePorts, b: ExposurePorts): ExposurePorts {
  if (b === EXPOSURE_NONE || a === EXPOSURE_NONE) return a;
  if (b === EXPOSURE_ALL) return EXPOSURE_NONE;
  return normalize(subtractPorts(a.ports, b.ports), a.named.filter((n) => !holds(b, n)));
}

export function isEmptyExposure(p: ExposurePorts): boolean {
  return isEmptyPorts(p.ports) && p.named.length === 0;
}

export function isAllExposure(p: ExposurePorts): boolean {
  return isAllPorts(p.ports);
}

const sameRanges = (a: PortSet, b: PortSet) =>
  PROTOCOLS.every((p) => a[p].length === b[p].length && a[p].every(([s, e], i) => s === b[p][i][0] && e === b[p][i][1]));

export function equalExposure(a: ExposurePorts, b: ExposurePorts): boolean {
  if (a === b) return true;
  return sameRanges(a.ports, b.ports) && a.named.length === b.named.length && a.named.every((n, i) => sameNamed(n, b.named[i]));
}

/**
 * The connlist notation with named ports after the numbers of their protocol (`TCP 80,http`); an AdminNetworkPolicy
 * named port has no protocol and prints with an empty one (` local-port`), first, as np-guard prints it
 * (connectionset.go String: `protocol + " " + ports`, the parts sorted as strings).
 */
export function formatExposure(p: ExposurePorts): string {
  if (isAllPorts(p.ports)) return 'All Connections';
  if (isEmptyExposure(p)) return 'No Connections';
  const parts: string[] = [];
  for (const proto of ['any', ...PROTOCOLS] as const) {
    const ranges = proto === 'any' ? '' : formatPortRanges(p.ports[proto]);
    const names = p.named.filter((n) => n.protocol === proto).map((n) => n.name);
    if (!ranges && names.length === 0) continue;
    parts.push(`${proto === 'any' ? '' : proto} ${[ranges, ...names].filter((s) => s !== '').join(',')}`);
  }
  return parts.join(',');
}

/**
 * What a NetworkPolicy rule's ports allow toward a destination: resolved on its container ports when they are known
 * (`dst` given; a name without a matching name and protocol allows nothing), kept as names when not (`dst` null).
 */
export function ruleExposurePorts(ports: readonly NetworkPolicyPort[], dst: readonly ContainerPort[] | null): ExposurePorts {
  if (dst) return exposurePorts(rulePortSet(ports, dst));
  if (ports.length === 0) return EXPOSURE_ALL;
  let numbered = NO_PORTS;
  const named: NamedPort[] = [];
  for (const p of ports) {
    if (p.port === undefined) numbered = unionPorts(numbered, portRangeSet(p.protocol));
    else if (typeof p.port === 'number') numbered = unionPorts(numbered, portRangeSet(p.protocol, p.port, p.endPort ?? p.port));
    else named.push({ protocol: p.protocol, name: p.port });
  }
  return normalize(numbered, named);
}

/** The same for an admin rule: an unresolvable namedPort is kept with protocol `any`. */
export function adminExposurePorts(ports: readonly AdminPort[] | undefined, dst: readonly ContainerPort[] | null): ExposurePorts {
  if (dst || !ports) return exposurePorts(adminPortSet(ports, dst));
  const numbered = adminPortSet(ports.filter((p) => p.kind !== 'namedPort'), null);
  const named = ports.flatMap((p): NamedPort[] => (p.kind === 'namedPort' ? [{ protocol: 'any', name: p.name }] : []));
  return normalize(numbered, named);
}
