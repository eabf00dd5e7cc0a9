import type { Labels } from '@/lib/model/index';
import { PortSetTable, portsContain, portsHaveProtocol } from '@/lib/netpol/portSet';
import { selectorMatches } from '@/lib/netpol/selector';
import type { GraphModel, GraphWorkload } from './graphModel';
import { EXTERNAL_KEY, type GraphView } from './graphView';
import { parseSelectorText } from './selectorText';
import { edgeId, EXTERNALS_ID, INGRESS_CONTROLLER_ID, internetEdgeId, INTERNET_ID, namespaceId, parseElementId, podId } from './elementIds';
import type { GraphInternetWorkload } from './internetModel';

/** Above this many workloads the `auto` level draws namespaces (drill down into one to see its workloads). */
export const AGGREGATE_AT = 300;
/**
 * Above this many edges they are drawn as straight lines with the arrow at the middle and without port labels
 * (class `dense`, Cytoscape's haystack edges): curves and labels could not be told apart at that density anyway, and
 * a filter change on the 10k cluster's 720-edge namespace level draws in about a third less time.
 */
export const DENSE_EDGES = 300;
/**
 * The size of an aggregated node (a namespace, or the external addresses, drawn as one box): fixed, so a layout knows
 * it before anything is drawn (`width: 'label'` gives fcose no dimensions: every node lands on one spot).
 */
export const AGGREGATED_NODE = { width: 136, height: 52 } as const;
/** Element id of the external addresses (a compound of ranges, or one node when aggregated). */

export type NodeKind = 'namespace' | 'workload' | 'pod' | 'externals' | 'external' | 'internet' | 'ingress-controller';

/** Data of a node element. Ids are stable across views: `ns:<name>`, `wl:<ns>/<Kind>/<name>`, `pod:<ns>/<name>`, `ext:<range>`. */
export interface GraphNodeData {
  readonly id: string;
  readonly label: string;
  readonly kind: NodeKind;
  readonly parent?: string;
  readonly namespace?: string;
  /** Aggregated node (a namespace or the external addresses drawn as one node). */
  readonly aggregated: boolean;
  /** Workloads (or ranges) an aggregated node stands for. */
  readonly members: number;
  /** Every source reaches it on every port (not isolated for ingress, or a rule admitting all). */
  readonly openIn: boolean;
  /** It reaches every destination on every port. */
  readonly openOut: boolean;
}

export interface GraphEdgeData {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  /** The allowed connections in the connlist notation (`TCP 8080,UDP 53`). */
  readonly ports: string;
  /** Short label for the drawing. */
  readonly label: string;
  /** Endpoint-level connections folded into this edge (> 1 between aggregated nodes); entry points for an internet edge. */
  readonly count: number;
  /** An edge of the "reachable from the internet" view: the entry points into each workload it stands for. */
  readonly entries?: readonly GraphEntryEdgeRef[];
}

/** One entry point into one workload, as an internet edge refers to it (details in GraphModel.internet). */
export interface GraphEntryEdgeRef {
  /** `wl:…` of the workload reached. */
  readonly workload: string;
  /** Entry point id (lib/exposure). */
  readonly entry: string;
}

export interface GraphNode {
  readonly data: GraphNodeData;
  readonly classes: string;
}
export interface GraphEdge {
  readonly data: GraphEdgeData;
  readonly classes: string;
}

/** The elements of one view, and what the page says about it. */
export interface GraphElements {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  /** Some namespaces are drawn as single nodes. */
  readonly aggregated: boolean;
  /** Why the label selector was ignored. */
  readonly selectorError?: string;
  /** The focused node as drawn (the namespace holding it when aggregated), with its blast radius. */
  readonly focus?: { readonly id: string; readonly upstream: readonly string[]; readonly downstream: readonly string[] };
}

/** An endpoint before aggregation: a workload, a pod of an expanded workload, or an external range. */
interface Base {
  readonly id: string;
  readonly unit: string;
  readonly namespace?: string;
  readonly labels?: Labels;
  readonly groups: readonly number[];
  readonly external: boolean;
  readonly openIn: boolean;
  readonly openOut: boolean;
  /** For a pod: its workload's id and index among the workload's pods. */
  readonly owner?: { readonly id: string; readonly pod: number };
}

interface BaseGraph {
  readonly table: PortSetTable;
  /** Base endpoints by their own id (units are assigned per view). */
  readonly bases: readonly Omit<Base, 'unit'>[];
  /** Flat triples `[srcBase, dstBase, portSetId]`, self-connections dropped. */
  readonly edges: readonly number[];
  /**
   * The same with an external end only, including the connections "open to all" marks imply (an ingress-open pod
   * from every source range, an egress-open pod to every destination range): the External view draws them, so a
   * workload open to 0.0.0.0/0 is on it (grafana on the demo) as in `perimeter connectivity`. Computed on the first
   * External view only: open-to-all endpoints times every external range is the largest part of it at 10k pods.
   */
  externalEdges(): readonly number[];
}

const tables = new WeakMap<GraphModel, PortSetTable>();
const baseGraphs = new WeakMap<GraphModel, Map<string, BaseGraph>>();

/** The engine's port sets re-interned in order, so ids match the model's (0 nothing, 1 everything). */
function tableOf(model: GraphModel): PortSetTable {
  let t = tables.get(model);
  if (!t) {
    t = new PortSetTable();
    for (const s of model.portSets) t.intern(s);
    tables.set(model, t);
  }
  return t;
}

/**
 * Endpoint-level connections, from the sparse group triples. Connections implied by "open to all" marks (an
 * egress-open source to an ingress-open destination, an external range to an ingress-open pod, an egress-open
 * pod to an external range) are not drawn as edges: the marks say it, and drawing them is quadratic.
 */
function baseGraph(model: GraphModel, podsOf: ReadonlySet<string>): BaseGraph {
  const key = [...podsOf].sort().join(',');
  let perModel = baseGraphs.get(model);
  if (!perModel) baseGraphs.set(model, (perModel = new Map()));
  const known = perModel.get(key);
  if (known) return known;
  const table = tableOf(model);
  const g = model.groups;
  const bases: Omit<Base, 'unit'>[] = [];
  const byGroup: number[][] = g.map(() => []);
  const byExternal = new Map<number, { src: number[]; dst: number[] }>();
  const open = (groups: readonly number[], side: 'ingressOpen' | 'egressOpen') => groups.every((x) => g[x][side]);
  const add = (id: string, namespace: string, labels: Labels, groups: readonly number[], owner?: Base['owner']) => {
    const i = bases.length;
    bases.push({ id, namespace, labels, groups, external: false, openIn: open(groups, 'ingressOpen'), openOut: open(groups, 'egressOpen'), owner });
    for (const x of groups) byGroup[x].push(i);
  };
  for (const w of model.workloads) {
    if (podsOf.has(w.id)) w.pods.forEach((p, k) => add(podId(w.namespace, p.name), w.namespace, w.labels, [p.group], { id: w.id, pod: k }));
    else add(w.id, w.namespace, w.labels, w.groups);
  }
  for (const e of model.externals) {
    const i = bases.length;
    bases.push({ id: e.id, groups: [], external: true, openIn: false, openOut: false });
    let l = byExternal.get(e.group);
    if (!l) byExternal.set(e.group, (l = { src: [], dst: [] }));
    if (e.source) l.src.push(i);
    if (e.destination) l.dst.push(i);
  }
  const acc = new Map<number, number>();
  const n = bases.length;
  const put = (a: number, b: number, v: number, into = acc) => {
    if (a === b) return;
    const k = a * n + b;
    into.set(k, table.union(into.get(k) ?? 0, v));
  };
  const ge = model.groupEdges;
  for (let i = 0; i < ge.length; i += 3) {
    const [s, d, v] = [ge[i], ge[i + 1], ge[i + 2]];
    if (g[s].egressOpen && g[d].ingressOpen) continue;
    for (const a of byGroup[s]) for (const b of byGroup[d]) put(a, b, v);
  }
  // Connections with an external end: drawn ones into `acc`, every one (open-to-all included) into `into` when asked.
  const externals = (into: Map<number, number> | undefined) => {
    const te = model.toExternal;
    for (let i = 0; i < te.length; i += 3) {
      const open = g[te[i]].egressOpen;
      if (open && !into) continue;
      for (const a of byGroup[te[i]]) {
        for (const b of byExternal.get(te[i + 1])?.dst ?? []) {
          if (!into) put(a, b, te[i + 2]);
          else put(a, b, te[i + 2], into);
        }
      }
    }
    const fe = model.fromExternal;
    for (let i = 0; i < fe.length; i += 3) {
      const open = g[fe[i + 1]].ingressOpen;
      if (open && !into) continue;
      for (const a of byExternal.get(fe[i])?.src ?? []) {
        for (const b of byGroup[fe[i + 1]]) {
          if (!into) put(a, b, fe[i + 2]);
          else put(a, b, fe[i + 2], into);
        }
      }
    }
  };
  externals(undefined);
  const triples = (m: Map<number, number>) => {
    const out: number[] = [];
    for (const [k, v] of m) if (v !== 0) out.push(Math.floor(k / n), k % n, v);
    return out;
  };
  let external: readonly number[] | undefined;
  const built: BaseGraph = {
    table,
    bases,
    edges: triples(acc),
    externalEdges: () => {
      if (!external) {
        const all = new Map<number, number>();
        externals(all);
        external = triples(all);
      }
      return external;
    },
  };
  perModel.set(key, built);
  return built;
}

function shortPorts(label: string): string {
  if (label === 'All Connections') return 'all';
  return label.length > 28 ? `${label.slice(0, 26)}…` : label;
}

/** Whether the view draws namespaces as nodes (too many workloads for one readable picture). */
export function isAggregated(model: GraphModel, view: GraphView): boolean {
  return view.level === 'namespace' || (view.level === 'auto' && model.workloads.length > AGGREGATE_AT);
}

function workloadsIn(model: GraphModel): Map<string, GraphWorkload[]> {
  const m = new Map<string, GraphWorkload[]>();
  for (const w of model.workloads) m.set(w.namespace, [...(m.get(w.namespace) ?? []), w]);
  return m;
}

/**
 * The Cytoscape elements of a view of the graph model: namespaces as compound nodes (or single nodes when
 * aggregated), workloads (or their pods), external ranges, and one edge per connected pair labelled with its ports.
 * Filters keep the connections touching the chosen namespaces/labels, allowing the port, within the scope.
 */
export function toGraphElements(model: GraphModel, view: GraphView): GraphElements {
  const aggregated = isAggregated(model, view);
  const byNamespace = workloadsIn(model);
  // Filtering a few namespaces drills into them without a click.
  const expanded = new Set(view.expanded);
  if (aggregated) for (const ns of view.namespaces) if ((byNamespace.get(ns)?.length ?? 0) <= AGGREGATE_AT) expanded.add(ns);
  const base = baseGraph(model, new Set(view.pods));
  const { table, bases: raw } = base;
  // The External view draws every connection with an external end, the implied ones too (BaseGraph.externalEdges).
  const baseEdges = view.scope === 'external' ? base.externalEdges() : base.edges;
  const unitOf = (b: Omit<Base, 'unit'>): string => {
    if (b.external) return aggregated && !expanded.has(EXTERNAL_KEY) ? EXTERNALS_ID : b.id;
    return aggregated && !expanded.has(b.namespace!) ? namespaceId(b.namespace!) : b.id;
  };
  const bases: Base[] = raw.map((b) => ({ ...b, unit: unitOf(b) }));

  let selector: ReturnType<typeof parseSelectorText> | undefined;
  if (view.labels) selector = parseSelectorText(view.labels);
  const nsFilter = new Set(view.namespaces);
  // Reachable from the internet: the workloads entry points reach are the subjects, their connections what they reach next.
  const internet = view.scope === 'internet' ? new Map((model.internet?.reachable ?? []).map((w) => [w.id, w])) : undefined;
  const reachable = (b: Omit<Base, 'unit'>) => internet !== undefined && internet.has(b.owner?.id ?? b.id);
  const bySubject = nsFilter.size > 0 || selector?.ok === true || internet !== undefined;
  const subject = bases.map((b) => {
    if (!bySubject) return true;
    if (internet && !reachable(b)) return false;
    if (b.external) return false;
    if (nsFilter.size > 0 && !nsFilter.has(b.namespace!)) return false;
    return selector?.ok !== true || selectorMatches(selector.selector, b.labels!);
  });
  const byPort = view.port !== undefined || view.protocol !== undefined;
  const portOk = (v: number) => {
    const set = table.sets[v];
    if (view.port !== undefined) return portsContain(set, view.protocol ?? 'TCP', view.port);
    return view.protocol === undefined || portsHaveProtocol(set, view.protocol);
  };
  const scopeOk = (a: Base, b: Base) => {
    switch (view.scope) {
      case 'all':
        return true;
      case 'cross-namespace':
        return !a.external && !b.external && a.namespace !== b.namespace;
      case 'external':
        return a.external || b.external;
      case 'internet':
        return reachable(a);
    }
  };

  // Which bases show: every subject unless a port or scope filter asks for connections, then the ends of kept ones.
  const shown = new Set<number>();
  const unitEdges = new Map<string, { source: string; target: string; v: number; count: number }>();
  for (let i = 0; i < baseEdges.length; i += 3) {
    const [a, b, v] = [baseEdges[i], baseEdges[i + 1], baseEdges[i + 2]];
    if (!(subject[a] || subject[b]) || !portOk(v) || !scopeOk(bases[a], bases[b])) continue;
    shown.add(a);
    shown.add(b);
    const [ua, ub] = [bases[a].unit, bases[b].unit];
    if (ua === ub) continue;
    const id = edgeId(ua, ub);
    const e = unitEdges.get(id);
    if (e) {
      e.v = table.union(e.v, v);
      e.count++;
    } else unitEdges.set(id, { source: ua, target: ub, v, count: 1 });
  }
  bases.forEach((b, i) => {
    if (!subject[i]) return;
    // An ingress-open endpoint admits any port from anyone: it answers "who can be reached on this port" too. External
    // addresses show only with a connection drawn (the External view draws all of theirs, open-to-all included).
    if ((view.scope === 'all' || view.scope === 'internet') && (!byPort || b.openIn) && !b.external) shown.add(i);
  });

  // Nodes: units of shown bases, with their compound parents.
  const nodes = new Map<string, GraphNode>();
  const members = new Map<string, { count: number; openIn: number; openOut: number }>();
  for (const i of [...shown].sort((x, y) => x - y)) {
    const b = bases[i];
    const m = members.get(b.unit) ?? { count: 0, openIn: 0, openOut: 0 };
    m.count++;
    if (b.openIn) m.openIn++;
    if (b.openOut) m.openOut++;
    members.set(b.unit, m);
  }
  const addNode = (data: GraphNodeData, classes: string[]) => {
    if (data.openIn) classes.push('open-in');
    if (data.openOut) classes.push('open-out');
    nodes.set(data.id, { data, classes: classes.join(' ') });
  };
  const workloadById = new Map(model.workloads.map((w) => [w.id, w]));
  const externalById = new Map(model.externals.map((e) => [e.id, e]));
  for (const i of [...shown].sort((x, y) => x - y)) {
    const b = bases[i];
    if (nodes.has(b.unit)) continue;
    const m = members.get(b.unit)!;
    if (b.unit === EXTERNALS_ID) {
      addNode({ id: EXTERNALS_ID, label: `External addresses\n${m.count} set${m.count === 1 ? '' : 's'}`, kind: 'externals', aggregated: true, members: m.count, openIn: false, openOut: false }, ['externals', 'aggregated']);
    } else if (parseElementId(b.unit)?.kind === 'namespace') {
      const open = m.openIn > 0 ? `\n${m.openIn} open to all` : '';
      addNode({ id: b.unit, label: `${b.namespace}\n${m.count} workload${m.count === 1 ? '' : 's'}${open}`, kind: 'namespace', namespace: b.namespace, aggregated: true, members: m.count, openIn: false, openOut: false }, ['namespace', 'aggregated', ...(m.openIn > 0 ? ['has-open'] : [])]);
    } else if (b.external) {
      // Free nodes, not a compound: each range sits next to the pods it talks to, which keeps the layout compact.
      addNode({ id: b.id, label: externalById.get(b.id)!.label, kind: 'external', aggregated: false, members: 1, openIn: false, openOut: false }, ['external']);
    } else {
      const parentNs = namespaceId(b.namespace!);
      if (!nodes.has(parentNs)) addNode({ id: parentNs, label: b.namespace!, kind: 'namespace', namespace: b.namespace, aggregated: false, members: 0, openIn: false, openOut: false }, ['namespace']);
      const classes: string[] = [];
      if (b.owner) {
        const w = workloadById.get(b.owner.id)!;
        const pod = w.pods[b.owner.pod];
        if (!nodes.has(w.id)) addNode({ id: w.id, label: `${w.name}\n${w.kind}`, kind: 'workload', parent: parentNs, namespace: w.namespace, aggregated: false, members: w.pods.length, openIn: false, openOut: false }, ['workload', 'expanded']);
        if (pod.inactive) classes.push('inactive');
        if (pod.hostNetwork) classes.push('host');
        addNode({ id: b.id, label: pod.name, kind: 'pod', parent: w.id, namespace: b.namespace, aggregated: false, members: 1, openIn: b.openIn, openOut: b.openOut }, ['pod', ...classes]);
      } else {
        const w = workloadById.get(b.id)!;
        if (!w.active) classes.push('inactive');
        if (w.hostNetwork) classes.push('host');
        const mark = b.openIn ? '\nopen to all' : '';
        // Reachable from the internet: marked, with the Services in front of it.
        const fromInternet = internet?.get(w.id);
        if (fromInternet) classes.push('internet-reachable');
        const svc = fromInternet && fromInternet.services.length > 0 ? `\nsvc ${fromInternet.services.join(', ')}` : '';
        addNode({ id: w.id, label: `${w.name}${mark}${svc}`, kind: 'workload', parent: parentNs, namespace: w.namespace, aggregated: false, members: w.pods.length, openIn: b.openIn, openOut: b.openOut }, ['workload', ...classes]);
      }
    }
  }
  const entryEdges = internet && model.internet ? addInternet(internet, bases, nodes, addNode) : [];
  const dense = unitEdges.size + entryEdges.length > DENSE_EDGES;
  const edges: GraphEdge[] = [...unitEdges.entries()].map(([id, e]) => {
    const ports = table.labels[e.v];
    const classes = [...(e.count > 1 ? ['aggregated'] : []), ...(dense ? ['dense'] : [])].join(' ');
    return { data: { id, source: e.source, target: e.target, ports, label: e.count > 1 ? `${shortPorts(ports)} (${e.count})` : shortPorts(ports), count: e.count }, classes };
  });
  for (const e of entryEdges) edges.push(dense ? { ...e, classes: `${e.classes} dense` } : e);
  const result = { nodes: [...nodes.values()], edges, aggregated, selectorError: selector && !selector.ok ? selector.error : undefined };
  return view.focus ? withFocus(result, view.focus, view.hops, model) : result;
}

/**
 * The "reachable from the internet" view's own elements: the Internet node, the stand-in ingress controller when a
 * route goes through a controller not in the snapshot, and one edge per drawn pair (Internet or controller → the
 * node drawing a reachable workload) standing for the entry points that open it, with their open pod ports. Only
 * lib/exposure's open paths make edges; entry points closed in fact are listed on the Internet node, not drawn.
 */
function addInternet(
  internet: ReadonlyMap<string, GraphInternetWorkload>,
  bases: readonly Base[],
  nodes: ReadonlyMap<string, GraphNode>,
  addNode: (data: GraphNodeData, classes: string[]) => void,
): GraphEdge[] {
  // A workload is drawn as itself, as the compound of its pods, or inside its folded namespace.
  const unitOf = new Map<string, string>();
  for (const b of bases) if (!b.external) unitOf.set(b.owner?.id ?? b.id, b.owner && b.unit === b.id ? b.owner.id : b.unit);
  const drawn = (workload: string) => {
    const u = unitOf.get(workload);
    return u !== undefined && nodes.has(u) ? u : undefined;
  };
  const edges = new Map<string, { source: string; target: string; kinds: string[]; ports: string[]; entries: GraphEntryEdgeRef[]; assumed: boolean }>();
  const put = (source: string, target: string, kind: string, ports: string, ref: GraphEntryEdgeRef | undefined, assumed: boolean) => {
    const id = internetEdgeId(source, target);
    const e = edges.get(id) ?? edges.set(id, { source, target, kinds: [], ports: [], entries: [], assumed: false }).get(id)!;
    if (!e.kinds.includes(kind)) e.kinds.push(kind);
    if (ports && !e.ports.includes(ports)) e.ports.push(ports);
    if (ref) e.entries.push(ref);
    e.assumed ||= assumed;
  };
  let standIn = false;
  for (const [workload, w] of internet) {
    const unit = drawn(workload);
    if (!unit) continue;
    for (const e of w.entries) {
      const ref = { workload, entry: e.entry };
      if (e.controller === undefined) put(INTERNET_ID, unit, e.kind, e.ports, ref, false);
      else if (e.controller === INGRESS_CONTROLLER_ID) {
        standIn = true;
        put(INTERNET_ID, INGRESS_CONTROLLER_ID, 'assumed', '', undefined, true);
        put(INGRESS_CONTROLLER_ID, unit, e.kind, e.ports, ref, true);
      } else {
        // The controller pods' workload is itself reachable (through its own entry point) when this path is open.
        const ctl = drawn(e.controller);
        if (ctl && ctl !== unit) put(ctl, unit, e.kind, e.ports, ref, false);
      }
    }
  }
  addNode({ id: INTERNET_ID, label: 'Internet', kind: 'internet', aggregated: false, members: internet.size, openIn: false, openOut: false }, ['internet']);
  if (standIn) addNode({ id: INGRESS_CONTROLLER_ID, label: '{ingress-controller}\nnot in the snapshot', kind: 'ingress-controller', aggregated: false, members: 1, openIn: false, openOut: false }, ['stand-in']);
  return [...edges].map(([id, e]) => {
    const ports = e.ports.length > 0 ? `${e.kinds.join(', ')} ${e.ports.join('; ')}` : 'assumed reachable';
    const count = Math.max(1, e.entries.length);
    const label = count > 1 ? `${shortPorts(ports)} (${count})` : shortPorts(ports);
    return { data: { id, source: e.source, target: e.target, ports, label, count, entries: e.entries }, classes: ['internet', ...(e.assumed ? ['assumed'] : []), ...(count > 1 ? ['aggregated'] : [])].join(' ') };
  });
}

/** Resolves the focused id to a drawn node: itself, else the aggregated namespace (or external node) holding it. */
function drawnFocus(nodes: ReadonlyMap<string, GraphNode>, focus: string, model: GraphModel): string | undefined {
  if (nodes.has(focus)) return focus;
  const ref = parseElementId(focus);
  if (ref?.kind === 'external') return nodes.has(EXTERNALS_ID) ? EXTERNALS_ID : undefined;
  const ns = ref?.kind === 'workload' || ref?.kind === 'pod' ? ref.namespace : undefined;
  if (ns && nodes.has(namespaceId(ns))) return namespaceId(ns);
  const w = model.workloads.find((x) => x.pods.some((p) => podId(x.namespace, p.name) === focus));
  return w && nodes.has(w.id) ? w.id : undefined;
}

/** Breadth-first over edges, in one direction, up to `hops` steps; the focus itself excluded. */
function reach(start: string, hops: number, next: ReadonlyMap<string, readonly string[]>): Set<string> {
  const seen = new Set<string>([start]);
  let frontier = [start];
  for (let h = 0; h < hops && frontier.length > 0; h++) {
    const nextFrontier: string[] = [];
    for (const id of frontier) {
      for (const n of next.get(id) ?? []) {
        if (seen.has(n)) continue;
        seen.add(n);
        nextFrontier.push(n);
      }
    }
    frontier = nextFrontier;
  }
  seen.delete(start);
  return seen;
}

function withFocus(r: Omit<GraphElements, 'focus'>, focusId: string, hops: number, model: GraphModel): GraphElements {
  const byId = new Map(r.nodes.map((n) => [n.data.id, n]));
  const focus = drawnFocus(byId, focusId, model);
  if (!focus) return r;
  const out = new Map<string, string[]>();
  const inn = new Map<string, string[]>();
  for (const e of r.edges) {
    out.set(e.data.source, [...(out.get(e.data.source) ?? []), e.data.target]);
    inn.set(e.data.target, [...(inn.get(e.data.target) ?? []), e.data.source]);
  }
  const down = reach(focus, hops, out);
  const up = reach(focus, hops, inn);
  const near = new Set([focus, ...down, ...up]);
  const ancestors = new Set<string>();
  for (const id of near) for (let p = byId.get(id)?.data.parent; p; p = byId.get(p)?.data.parent) ancestors.add(p);
  const nodes = r.nodes.map((n) => {
    const id = n.data.id;
    const extra = id === focus ? ['focus'] : [...(up.has(id) ? ['upstream'] : []), ...(down.has(id) ? ['downstream'] : [])];
    if (extra.length === 0 && !ancestors.has(id)) extra.push('dimmed');
    return { ...n, classes: [n.classes, ...extra].filter(Boolean).join(' ') };
  });
  const edges = r.edges.map((e) => {
    const { source: s, target: t } = e.data;
    const isDown = (s === focus || down.has(s)) && down.has(t);
    const isUp = (t === focus || up.has(t)) && up.has(s);
    const extra = isDown || isUp ? [...(isUp ? ['upstream'] : []), ...(isDown ? ['downstream'] : [])] : ['dimmed'];
    return { ...e, classes: [e.classes, ...extra].filter(Boolean).join(' ') };
  });
  return { ...r, nodes, edges, focus: { id: focus, upstream: [...up].sort(), downstream: [...down].sort() } };
}
