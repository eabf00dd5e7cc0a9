import type { Pod, Snapshot } from '../model';
import { compileSnapshot, type HostNetworkMode } from '../netpol/compile';
import { explain, type Explanation } from '../netpol/explain';
import { formatIp, parseCidr, parseIp, type IpRange } from '../netpol/ipRange';
import { isAllPorts, type PortSet } from '../netpol/portSet';
import type { Protocol } from '../model';
import type { EntryPoint } from './entryPoints';
import { STAND_IN_CONTROLLER } from './ingressController';
import type { InternetPath } from './internetPaths';

// Why each hop of an internet path gets its verdict: the hop that reaches the pod asked as an explain question
// (which policy, rule and tier decide it), for the few paths a page or report shows.

/** The question one hop asks: from whom, to which pod, on which port. */
export interface HopQuestion {
  /** An address (`198.51.100.10`), a pod (`ns/name`) or the stand-in controller's reference. */
  readonly from: string;
  /** `ns/name` of the pod the hop reaches. */
  readonly to: string;
  readonly port?: number;
  readonly protocol?: Protocol;
}

/** The last hop of a path (the one reaching the pod), asked and answered. */
export interface HopExplanation {
  readonly question: HopQuestion;
  readonly explanation: Explanation;
}

/** `ns/name` of the stand-in ingress controller, as explain names it (a pod of the snapshot the questions run on). */
export const STAND_IN_REF = `${STAND_IN_CONTROLLER.namespace}/${STAND_IN_CONTROLLER.name}`;

// Documentation addresses (RFC 5737, RFC 3849): an address on the internet that reads as an example.
const EXAMPLES = ['198.51.100.10', '2001:db8::10'].map((t) => parseIp(t)!);

function rangeOf(text: string): IpRange | undefined {
  const cidr = parseCidr(text);
  if (cidr) return cidr;
  const [a, b] = text.split('-');
  const start = a === undefined ? undefined : parseIp(a);
  const end = b === undefined ? start : parseIp(b);
  return start && end && start.family === end.family ? { family: start.family, start: start.value, end: end.value } : undefined;
}

/**
 * One address of a client range (CIDR or `start-end`): a documentation address when the range holds one, else its
 * first address (the next one for the unspecified `0.0.0.0` / `::`). The engine cuts the address space where ipBlocks
 * do, so every address of one usable range (InternetPath.usableFrom) gets the same verdict.
 */
export function exampleAddress(range: string): string | undefined {
  const r = rangeOf(range);
  if (!r) return undefined;
  return documentationAddress(r) ?? formatIp(r.family, r.start === 0n && r.end > 0n ? 1n : r.start);
}

function documentationAddress(r: IpRange): string | undefined {
  const example = EXAMPLES.find((e) => e.family === r.family && e.value >= r.start && e.value <= r.end);
  return example && formatIp(example.family, example.value);
}

/** The first port of a set (TCP, then UDP, then SCTP); undefined for every port or none. */
export function firstPort(ports: PortSet): { port: number; protocol: Protocol } | undefined {
  if (isAllPorts(ports)) return undefined;
  for (const protocol of ['TCP', 'UDP', 'SCTP'] as const) {
    const r = ports[protocol][0];
    if (r) return { port: r[0], protocol };
  }
  return undefined;
}

const podRef = (p: Pod) => `${p.namespace}/${p.name}`;

/**
 * The question of a path's last hop: from an address of the first range that gets through (or of the entry's source
 * ranges when none does), from the first controller pod, or from the stand-in controller, to the pod, on the first
 * port that hop lets through (else the first the entry sends to). Undefined for an internal load balancer's path.
 */
export function hopQuestion(snapshot: Snapshot, entry: EntryPoint, path: InternetPath): HopQuestion | undefined {
  const last = path.hops[path.hops.length - 1];
  if (!last || path.verdict === 'internal') return undefined;
  const to = podRef(snapshot.pods[path.pod]);
  const port = firstPort(last.verdict === 'allowed' ? last.allowed : path.ports);
  const at = port ? { port: port.port, protocol: port.protocol } : {};
  const ctl = entry.controller;
  if (ctl) return { from: ctl.reading === 'stand-in' ? STAND_IN_REF : podRef(snapshot.pods[ctl.pods[0]]), to, ...at };
  // A range holding a documentation address reads best; any usable range gives the same verdict.
  const usable = path.usableFrom.find((u) => {
    const r = rangeOf(u.range);
    return r !== undefined && documentationAddress(r) !== undefined;
  }) ?? path.usableFrom[0];
  const from = exampleAddress(usable?.range ?? entry.sourceRanges[0] ?? '0.0.0.0/0');
  if (from === undefined) return undefined;
  const p = usable ? firstPort(usable.ports) : port;
  return { from, to, ...(p ? { port: p.port, protocol: p.protocol } : {}) };
}

/**
 * Explains the last hop of each path, on a snapshot holding only the pods asked about (and the stand-in controller
 * when asked): a pair's verdict depends on the two pods, their namespaces and the policies only (see pairVerdicts),
 * so the answers are those of the whole snapshot at the cost of a handful of pods.
 */
export function explainLastHops(snapshot: Snapshot, paths: readonly { entry: EntryPoint; path: InternetPath }[], hostNetwork: HostNetworkMode = 'as-pod'): (HopExplanation | undefined)[] {
  const questions = paths.map(({ entry, path }) => hopQuestion(snapshot, entry, path));
  const wanted = new Set<Pod>();
  let standIn = false;
  paths.forEach(({ entry, path }, i) => {
    if (!questions[i]) return;
    wanted.add(snapshot.pods[path.pod]);
    const ctl = entry.controller;
    if (ctl?.reading === 'controller-pods') wanted.add(snapshot.pods[ctl.pods[0]]);
    else if (ctl) standIn = true;
  });
  if (wanted.size === 0) return questions.map(() => undefined);
  const pods = [...(standIn ? [STAND_IN_CONTROLLER] : []), ...snapshot.pods.filter((p) => wanted.has(p))];
  const c = compileSnapshot({ ...snapshot, pods }, { hostNetwork, includeInactive: true });
  return questions.map((q) => {
    if (!q) return undefined;
    const r = explain(c, q);
    return r.ok ? { question: q, explanation: r.explanation } : undefined;
  });
}
