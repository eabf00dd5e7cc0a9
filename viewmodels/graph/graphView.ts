import type { Protocol } from '@/lib/model/index';
import type { HostNetworkMode } from '@/lib/netpol/compile';
import { parseHostNetwork as readHostNetwork, parsePortSpec, parseProtocol } from '@/lib/request';

/** Reads `hostNetwork=host` (lib/request); anything else is the engine's default, `as-pod`. */
export function parseHostNetwork(v: string | undefined): HostNetworkMode {
  const r = readHostNetwork(v);
  return r.ok ? r.value : 'as-pod';
}

/** Reads `live=only` (pods that are not running left out, as `--live-only`); anything else keeps them. */
export function parseLiveOnly(v: string | undefined): boolean {
  return v?.trim() === 'only';
}

/** The network reading a graph view asks the server for. */
export function readingOf(v: Pick<GraphView, 'hostNetwork' | 'liveOnly'>): { hostNetwork: HostNetworkMode; includeInactive: boolean } {
  return { hostNetwork: v.hostNetwork, includeInactive: !v.liveOnly };
}

/** Which connections a view keeps, by where their ends are. */
/** `internet`: what entry points bring in from the internet (lib/exposure), and what those workloads reach next. */
export type GraphScope = 'all' | 'cross-namespace' | 'external' | 'internet';
/** Workload nodes, namespace nodes (drill down with `expanded`), or namespace nodes only when there are many workloads. */
export type GraphLevel = 'auto' | 'namespace' | 'workload';

/** Everything the graph page shows, as it is written in the URL (so a link reproduces the view). */
export interface GraphView {
  /** Show only these namespaces and what they connect to (empty: all). */
  readonly namespaces: readonly string[];
  /** A kubectl-style label selector (`app=checkout,tier in (backend)`) over workload pod labels. */
  readonly labels: string;
  /** Keep only connections that allow this port (with `protocol`); undefined: any port. */
  readonly port?: number;
  /** Keep only connections of this protocol (TCP when a port is given without one). */
  readonly protocol?: Protocol;
  readonly scope: GraphScope;
  readonly level: GraphLevel;
  /** Namespaces drawn with their workloads while the rest stays aggregated (`~external` for the address ranges). */
  readonly expanded: readonly string[];
  /** Workload ids drawn with their pods. */
  readonly pods: readonly string[];
  /** The node whose blast radius is highlighted. */
  readonly focus?: string;
  /** How many hops the blast radius spans (1-5). */
  readonly hops: number;
  /** The node or edge shown in the side panel; two nodes offer "explain this pair". */
  readonly selected: readonly string[];
  /** `host`: hostNetwork pods are selected by no policy and act as their node (most CNIs); computed on the server. */
  readonly hostNetwork: HostNetworkMode;
  /** Pods that are not running left out, as `perimeter connectivity --live-only` (`live=only`); computed on the server. */
  readonly liveOnly: boolean;
}

export const DEFAULT_VIEW: GraphView = { namespaces: [], labels: '', scope: 'all', level: 'auto', expanded: [], pods: [], hops: 1, selected: [], hostNetwork: 'as-pod', liveOnly: false };
export const EXTERNAL_KEY = '~external';
export const MAX_HOPS = 5;

type Params = Readonly<Record<string, string | string[] | undefined>> | URLSearchParams;

function get(params: Params, key: string): string {
  if (params instanceof URLSearchParams) return (params.get(key) ?? '').trim();
  const v = params[key];
  return (Array.isArray(v) ? v[0] ?? '' : v ?? '').trim();
}

const list = (v: string) => (v === '' ? [] : [...new Set(v.split(',').map((x) => x.trim()).filter(Boolean))]);

/** Reads a view from the query string; anything malformed falls back to the default for that field. */
export function parseGraphView(params: Params): GraphView {
  const portSpec = parsePortSpec(get(params, 'port'));
  const port = portSpec.ok && portSpec.value?.kind === 'number' ? portSpec.value.port : undefined;
  const proto = parseProtocol(get(params, 'protocol'));
  const protocol = (proto.ok ? proto.value : undefined) ?? (port !== undefined ? 'TCP' : undefined);
  const scopeText = get(params, 'scope');
  const scope: GraphScope = scopeText === 'cross-namespace' || scopeText === 'external' || scopeText === 'internet' ? scopeText : 'all';
  const levelText = get(params, 'level');
  const level: GraphLevel = levelText === 'namespace' || levelText === 'workload' ? levelText : 'auto';
  const hops = Math.min(MAX_HOPS, Math.max(1, Number(get(params, 'hops')) || 1));
  return {
    namespaces: list(get(params, 'ns')),
    labels: get(params, 'labels'),
    port,
    protocol,
    scope,
    level,
    expanded: list(get(params, 'expand')),
    pods: list(get(params, 'pods')),
    focus: get(params, 'focus') || undefined,
    hops,
    selected: list(get(params, 'selected')).slice(0, 2),
    hostNetwork: parseHostNetwork(get(params, 'hostNetwork')),
    liveOnly: parseLiveOnly(get(params, 'live')),
  };
}

/** The query string of a view, omitting defaults so links stay short; the inverse of `parseGraphView`. */
export function graphViewQuery(v: GraphView): string {
  const q = new URLSearchParams();
  if (v.namespaces.length) q.set('ns', v.namespaces.join(','));
  if (v.labels) q.set('labels', v.labels);
  if (v.port !== undefined) q.set('port', String(v.port));
  if (v.protocol && !(v.port !== undefined && v.protocol === 'TCP')) q.set('protocol', v.protocol);
  if (v.scope !== 'all') q.set('scope', v.scope);
  if (v.level !== 'auto') q.set('level', v.level);
  if (v.expanded.length) q.set('expand', v.expanded.join(','));
  if (v.pods.length) q.set('pods', v.pods.join(','));
  if (v.focus) q.set('focus', v.focus);
  if (v.hops !== 1) q.set('hops', String(v.hops));
  if (v.selected.length) q.set('selected', v.selected.join(','));
  if (v.hostNetwork === 'host') q.set('hostNetwork', 'host');
  if (v.liveOnly) q.set('live', 'only');
  return q.toString();
}

/** Adds a value to a list field, or removes it when present. */
export function toggle(xs: readonly string[], x: string): string[] {
  return xs.includes(x) ? xs.filter((y) => y !== x) : [...xs, x];
}
