import { beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '@/lib/model/index';
import { analyzeConnectivity } from '@/lib/netpol/connectivity';
import { enumerateConnections, type Endpoint } from '@/lib/netpol/endpoints';
import { ipPeer, ns, pod, podsPeer, policy, port, rule, sel, snapshot } from '@/lib/netpol/testing';
import { loadDemoSnapshot } from '@/lib/sources/index';
import { buildGraphModel, type GraphModel } from './graphModel';
import { DEFAULT_VIEW, type GraphView } from './graphView';
import { DENSE_EDGES, toGraphElements } from './toGraphElements';

const modelOf = (s: Snapshot) => buildGraphModel(s, analyzeConnectivity(s));
const view = (v: Partial<GraphView> = {}): GraphView => ({ ...DEFAULT_VIEW, ...v });
const edge = (els: ReturnType<typeof toGraphElements>, id: string) => els.edges.find((e) => e.data.id === id);
const ids = (els: ReturnType<typeof toGraphElements>) => els.nodes.map((n) => n.data.id).sort();

// shop/web → db/postgres on 5432 (db isolated for ingress); web isolated for egress to postgres and 203.0.113.0/24.
const small = snapshot({
  namespaces: [ns('shop'), ns('db'), ns('tools')],
  pods: [
    pod('shop/web-1', { owner: 'Deployment/web', labels: { app: 'web' } }),
    pod('shop/web-2', { owner: 'Deployment/web', labels: { app: 'web' } }),
    pod('db/postgres-0', { owner: 'StatefulSet/postgres', labels: { app: 'postgres' } }),
    pod('tools/debug', { labels: { app: 'debug' } }),
  ],
  policies: [
    policy('db/postgres-from-web', { podSelector: sel({ app: 'postgres' }), ingress: [rule([podsPeer(sel({ app: 'web' }), sel())], [port('TCP', 5432)])] }),
    policy('shop/web-egress', { podSelector: sel({ app: 'web' }), egress: [rule([podsPeer(sel({ app: 'postgres' }), sel())]), rule([ipPeer('203.0.113.0/24')], [port('TCP', 443)])], types: ['Egress'] }),
  ],
});

describe('toGraphElements', () => {
  let m: GraphModel;
  beforeAll(() => {
    m = modelOf(small);
  });

  it('draws namespaces as compound nodes holding their workloads, with stable ids', () => {
    const els = toGraphElements(m, view());
    const web = els.nodes.find((n) => n.data.id === 'wl:shop/Deployment/web');
    expect(web?.data.parent).toBe('ns:shop');
    expect(els.nodes.find((n) => n.data.id === 'ns:shop')?.data.kind).toBe('namespace');
    expect(ids(els)).toContain('wl:db/StatefulSet/postgres');
    expect(ids(toGraphElements(m, view()))).toEqual(ids(els));
  });

  it('labels an edge with the ports both sides allow', () => {
    const els = toGraphElements(m, view());
    expect(edge(els, 'wl:shop/Deployment/web->wl:db/StatefulSet/postgres')?.data.ports).toBe('TCP 5432');
    expect(edge(els, 'wl:shop/Deployment/web->ext:203.0.113.0-203.0.113.255')?.data.ports).toBe('TCP 443');
  });

  it('marks an unisolated workload "open to all" instead of drawing an edge from every egress-open endpoint', () => {
    const els = toGraphElements(m, view());
    const debug = els.nodes.find((n) => n.data.id === 'wl:tools/Pod/debug');
    expect(debug?.classes).toContain('open-in');
    expect(debug?.data.openOut).toBe(true);
    // tools/debug → web is implied by both marks; postgres admits only web, so debug → postgres does not exist.
    expect(els.edges.filter((e) => e.data.source === 'wl:tools/Pod/debug')).toEqual([]);
    expect(els.edges.some((e) => e.data.target === 'wl:tools/Pod/debug')).toBe(false);
  });

  it('a port filter keeps the connections allowing that port, and the open-to-all endpoints that admit it from anyone', () => {
    const els = toGraphElements(m, view({ port: 5432, protocol: 'TCP' }));
    expect(els.edges.map((e) => e.data.id)).toEqual(['wl:shop/Deployment/web->wl:db/StatefulSet/postgres']);
    expect(ids(els)).toContain('wl:tools/Pod/debug');
    expect(ids(els)).not.toContain('ext:203.0.113.0-203.0.113.255');
    expect(toGraphElements(m, view({ port: 5433, protocol: 'TCP' })).edges).toEqual([]);
  });

  it('a namespace filter keeps its nodes and whatever connects to them', () => {
    const els = toGraphElements(m, view({ namespaces: ['db'] }));
    expect(ids(els)).toEqual(['ns:db', 'ns:shop', 'wl:db/StatefulSet/postgres', 'wl:shop/Deployment/web']);
  });

  it('a label selector in kubectl syntax picks the subject workloads; a malformed one is reported and ignored', () => {
    const els = toGraphElements(m, view({ labels: 'app in (postgres)' }));
    expect(ids(els)).toEqual(['ns:db', 'ns:shop', 'wl:db/StatefulSet/postgres', 'wl:shop/Deployment/web']);
    const bad = toGraphElements(m, view({ labels: 'app in ()' }));
    expect(bad.selectorError).toMatch(/needs at least one value/);
    expect(ids(bad)).toEqual(ids(toGraphElements(m, view())));
  });

  it('scope "external" keeps only connections with an external end; "cross-namespace" only in-cluster ones across namespaces', () => {
    // Open-to-all endpoints are drawn with their external connections here (marks alone would hide them from this view).
    expect(toGraphElements(m, view({ scope: 'external' })).edges.map((e) => e.data.id).sort()).toEqual([
      'ext:0.0.0.0-255.255.255.255->wl:shop/Deployment/web',
      'ext:0.0.0.0-255.255.255.255->wl:tools/Pod/debug',
      'wl:db/StatefulSet/postgres->ext:0.0.0.0-203.0.112.255',
      'wl:db/StatefulSet/postgres->ext:203.0.113.0-203.0.113.255',
      'wl:shop/Deployment/web->ext:203.0.113.0-203.0.113.255',
      'wl:tools/Pod/debug->ext:0.0.0.0-203.0.112.255',
      'wl:tools/Pod/debug->ext:203.0.113.0-203.0.113.255',
    ]);
    expect(toGraphElements(m, view({ scope: 'cross-namespace' })).edges.map((e) => e.data.id)).toEqual(['wl:shop/Deployment/web->wl:db/StatefulSet/postgres']);
  });

  it('expanding a workload draws its pods inside it, each with its own edges', () => {
    const els = toGraphElements(m, view({ pods: ['wl:shop/Deployment/web'] }));
    expect(els.nodes.find((n) => n.data.id === 'pod:shop/web-1')?.data.parent).toBe('wl:shop/Deployment/web');
    expect(edge(els, 'pod:shop/web-2->wl:db/StatefulSet/postgres')?.data.ports).toBe('TCP 5432');
    expect(edge(els, 'wl:shop/Deployment/web->wl:db/StatefulSet/postgres')).toBeUndefined();
  });

  it('namespace level folds workloads into one node per namespace and edges into one per pair, with counts', () => {
    const els = toGraphElements(m, view({ level: 'namespace' }));
    expect(els.aggregated).toBe(true);
    expect(ids(els)).toEqual(['externals', 'ns:db', 'ns:shop', 'ns:tools']);
    expect(edge(els, 'ns:shop->ns:db')?.data.ports).toBe('TCP 5432');
    expect(els.nodes.find((n) => n.data.id === 'ns:tools')?.data.label).toContain('1 open to all');
  });

  it('drilling into one namespace draws its workloads while the others stay aggregated', () => {
    const els = toGraphElements(m, view({ level: 'namespace', expanded: ['db'] }));
    expect(edge(els, 'ns:shop->wl:db/StatefulSet/postgres')?.data.ports).toBe('TCP 5432');
    expect(els.nodes.find((n) => n.data.id === 'ns:db')?.data.aggregated).toBe(false);
  });

  it('focus highlights who reaches the node and what it reaches, one or more hops out, and dims the rest', () => {
    const els = toGraphElements(m, view({ focus: 'wl:db/StatefulSet/postgres' }));
    expect(els.focus).toEqual({ id: 'wl:db/StatefulSet/postgres', upstream: ['wl:shop/Deployment/web'], downstream: [] });
    expect(els.nodes.find((n) => n.data.id === 'wl:tools/Pod/debug')?.classes).toContain('dimmed');
    expect(edge(els, 'wl:shop/Deployment/web->ext:203.0.113.0-203.0.113.255')?.classes).toContain('dimmed');
    const two = toGraphElements(m, view({ focus: 'ext:203.0.113.0-203.0.113.255', hops: 2 }));
    expect(two.focus?.upstream).toEqual(['wl:shop/Deployment/web']);
  });

  it('a focused workload inside an aggregated namespace focuses that namespace node', () => {
    const els = toGraphElements(m, view({ level: 'namespace', focus: 'wl:db/StatefulSet/postgres' }));
    expect(els.focus).toEqual({ id: 'ns:db', upstream: ['ns:shop'], downstream: [] });
  });
});

describe('toGraphElements on the demo cluster (demo/README.md)', () => {
  let m: GraphModel;
  beforeAll(async () => {
    m = modelOf(await loadDemoSnapshot());
  });

  it('checkout → payments-api carries only TCP 8080 (the on-call story: 8443 is dropped by payments ingress)', () => {
    const e = edge(toGraphElements(m, view()), 'wl:shop-backend/Deployment/checkout->wl:payments/Deployment/payments-api');
    expect(e?.data.ports).toBe('TCP 8080');
  });

  it('"who can reach TCP 5432?" finds catalog and checkout reaching postgres', () => {
    const els = toGraphElements(m, view({ port: 5432 }));
    const toPostgres = els.edges.filter((e) => e.data.target === 'wl:shop-db/StatefulSet/postgres').map((e) => e.data.source);
    expect(toPostgres.sort()).toEqual(['wl:shop-backend/Deployment/catalog', 'wl:shop-backend/Deployment/checkout']);
  });

  it('grafana (ingress: [{}]) carries the open-to-all mark; ci does not, as the BaselineAdminNetworkPolicy closes it to other namespaces', () => {
    const els = toGraphElements(m, view());
    const open = els.nodes.filter((n) => n.data.openIn).map((n) => n.data.id);
    expect(open).toContain('wl:monitoring/Deployment/grafana');
    expect(open).not.toContain('wl:ci/Deployment/gitlab-runner');
    expect(open).not.toContain('wl:payments/Deployment/payments-api');
  });
});

describe('dense views', () => {
  // n namespaces of one workload each, every one admitting every other on TCP 80: n × (n - 1) edges.
  const mesh = (n: number) =>
    snapshot({
      namespaces: Array.from({ length: n }, (_, i) => ns(`n${i}`)),
      pods: Array.from({ length: n }, (_, i) => pod(`n${i}/web-0`, { owner: 'Deployment/web', labels: { app: 'web' } })),
      policies: Array.from({ length: n }, (_, i) => policy(`n${i}/from-all`, { podSelector: sel({ app: 'web' }), ingress: [rule([podsPeer(sel(), sel())], [port('TCP', 80)])] })),
    });

  it(`above ${DENSE_EDGES} edges every edge is drawn as a straight line (class dense), below none is`, () => {
    const big = toGraphElements(modelOf(mesh(18)), view({ level: 'workload' }));
    expect(big.edges).toHaveLength(18 * 17);
    expect(big.edges.every((e) => e.classes.split(' ').includes('dense'))).toBe(true);
    const few = toGraphElements(modelOf(mesh(10)), view({ level: 'workload' }));
    expect(few.edges.length).toBeLessThanOrEqual(DENSE_EDGES);
    expect(few.edges.some((e) => e.classes.includes('dense'))).toBe(false);
  });
});

describe('the External view tells what `perimeter connectivity` tells (demo cluster)', async () => {
  const demo = await loadDemoSnapshot();
  /** Connlist lines with an external end, the range named by the graph node that holds it. */
  const cliLines = (liveOnly: boolean, model: GraphModel) => {
    const conn = analyzeConnectivity(demo, { includeInactive: !liveOnly });
    const nodeOfRange = new Map<string, string>(model.externals.flatMap((e) => e.ranges.map((r) => [`${r}[External]`, e.id] as const)));
    const name = (e: Endpoint) => (e.kind === 'external' ? nodeOfRange.get(e.name)! : e.name);
    const out = new Set<string>();
    for (const c of enumerateConnections(conn, { activeOnly: liveOnly })) {
      if (c.src.kind !== 'external' && c.dst.kind !== 'external') continue;
      out.add(`${name(c.src)} => ${name(c.dst)} : ${conn.ports.labels[c.ports]}`);
    }
    return [...out].sort();
  };
  const graphLines = (model: GraphModel) => {
    const byId = new Map(model.workloads.map((w) => [w.id, `${w.namespace}/${w.name}[${w.kind}]`]));
    const name = (id: string) => byId.get(id) ?? id;
    return toGraphElements(model, view({ scope: 'external', level: 'workload' }))
      .edges.map((e) => `${name(e.data.source)} => ${name(e.data.target)} : ${e.data.ports}`)
      .sort();
  };

  it('every connection from or to outside the cluster, open-to-all workloads included: grafana (Pending) is reachable from 0.0.0.0/0', () => {
    const model = buildGraphModel(demo, analyzeConnectivity(demo));
    const lines = graphLines(model);
    expect(lines).toEqual(cliLines(false, model));
    expect(lines).toContain('ext:0.0.0.0-255.255.255.255 => monitoring/grafana[Deployment] : All Connections');
    const grafana = toGraphElements(model, view({ scope: 'external', level: 'workload' })).nodes.find((n) => n.data.id === 'wl:monitoring/Deployment/grafana');
    expect(grafana?.classes).toContain('inactive');
  });

  it('running pods only is `connectivity --live-only`: grafana is left out', () => {
    const model = buildGraphModel(demo, analyzeConnectivity(demo, { includeInactive: false }));
    const lines = graphLines(model);
    expect(lines).toEqual(cliLines(true, model));
    expect(lines.some((l) => l.includes('grafana'))).toBe(false);
  });

  it('names each set of external addresses in CIDR notation: the PSP range payments-api may reach, and the rest, except-range included', () => {
    const model = buildGraphModel(demo, analyzeConnectivity(demo));
    expect(model.externals.map((e) => e.label).sort()).toEqual(['0.0.0.0/0 (anywhere)', '0.0.0.0/0 (anywhere) except 203.0.113.0/25', '203.0.113.0/25']);
  });
});
