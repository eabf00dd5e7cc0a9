import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '@/lib/analyses';
import { loadDemoSnapshot } from '@/lib/sources';
import { internetSummary } from '../overview/internetReachable';
import { buildGraphModel, type GraphModel } from './graphModel';
import { idOfConnlistName, INGRESS_CONTROLLER_ID, internetEdgeId, INTERNET_ID, isEdgeId, isInternetEdgeId, parseElementId, workloadId } from './elementIds';
import { DEFAULT_VIEW, parseGraphView, type GraphView } from './graphView';
import { graphInternetOf } from './internetModel';
import { toGraphElements } from './toGraphElements';

// The Graph's "reachable from the internet" view on the demo's planted exposures (demo/README.md).
let model: GraphModel;
let analyses: ReturnType<typeof analyze>;
beforeAll(async () => {
  const demo = await loadDemoSnapshot();
  analyses = analyze(demo);
  model = { ...buildGraphModel(demo, analyses.connectivity), internet: graphInternetOf(demo, analyses.entryPoints) };
});
const storefront = workloadId('shop-frontend', 'Deployment', 'storefront');
const nginx = workloadId('ingress-nginx', 'Deployment', 'ingress-nginx-controller');
const grafana = workloadId('monitoring', 'Deployment', 'grafana');
const checkout = workloadId('shop-backend', 'Deployment', 'checkout');
const internetView: GraphView = { ...DEFAULT_VIEW, scope: 'internet', level: 'workload' };

describe('the graph’s "reachable from the internet" view', () => {
  it('reads scope=internet from the URL; the Internet, stand-in and entry-edge ids parse', () => {
    expect(parseGraphView(new URLSearchParams('scope=internet')).scope).toBe('internet');
    expect(parseElementId(INTERNET_ID)).toEqual({ kind: 'internet' });
    expect(parseElementId(INGRESS_CONTROLLER_ID)).toEqual({ kind: 'ingress-controller' });
    const id = internetEdgeId(INTERNET_ID, storefront);
    expect([isEdgeId(id), isInternetEdgeId(id), parseElementId(id)]).toEqual([true, true, undefined]);
  });

  it('holds exactly the workloads lib/exposure finds reachable, as the Overview counts them (4 in the demo)', () => {
    const reachable = model.internet!.reachable.map((w) => w.id);
    expect(reachable).toEqual(analyses.entryPoints.reachable.map((r) => idOfConnlistName(r.workload)));
    expect(reachable).toHaveLength(internetSummary(analyses.entryPoints, 5).count);
    expect(reachable).toHaveLength(4);
  });

  it('says through which entry point and controller, on which ports, with the deciding policy and Services', () => {
    const sf = model.internet!.reachable.find((w) => w.id === storefront)!;
    expect(sf.services).toEqual(['storefront']);
    expect(sf.entries).toHaveLength(1);
    expect(sf.entries[0]).toMatchObject({ entry: 'Ingress:shop-frontend/storefront', kind: 'Ingress', controller: nginx, ports: 'TCP 8080', assumed: false });
    expect(sf.entries[0].routes[0].deciding).toMatch(/^shop-frontend\/storefront.* ingress: allowed by /);
    expect(sf.entries[0].routes[0].explainHref).toMatch(/^\/explain\?from=ingress-nginx%2F/);
  });

  it('lists the entry points closed in fact with why and the deciding policy, as the Overview counts them', () => {
    const closed = model.internet!.closed;
    expect(closed).toHaveLength(internetSummary(analyses.entryPoints, 5).closedEntries);
    const partners = closed.find((c) => c.entry === 'LoadBalancer:payments/payments-api-partners');
    expect(partners?.reason).toMatch(/^exposed on paper, closed in fact/);
    expect(partners?.deciding).toContain('payments/default-deny-all');
  });

  it('draws the Internet node, one edge per open entry, the controller hop, Service labels, and what they reach next', () => {
    const el = toGraphElements(model, internetView);
    const internet = el.nodes.find((n) => n.data.id === INTERNET_ID);
    expect(internet).toMatchObject({ data: { kind: 'internet', members: 4 }, classes: 'internet' });
    const edge = (s: string, t: string) => el.edges.find((e) => e.data.id === internetEdgeId(s, t));
    expect(edge(INTERNET_ID, nginx)?.data.ports).toBe('LoadBalancer TCP 80,443');
    expect(edge(INTERNET_ID, grafana)?.data).toMatchObject({ ports: 'NodePort TCP 3000', entries: [{ workload: grafana, entry: 'NodePort:monitoring/grafana' }] });
    // The Ingress to storefront is drawn from the controller pods' workload, never straight from the internet.
    expect(edge(nginx, storefront)?.data.ports).toBe('Ingress TCP 8080');
    expect(edge(INTERNET_ID, storefront)).toBeUndefined();
    expect(el.nodes.find((n) => n.data.id === storefront)?.data).toMatchObject({ label: 'storefront\nsvc storefront' });
    expect(el.nodes.filter((n) => n.classes.split(' ').includes('internet-reachable')).map((n) => n.data.id).sort()).toEqual(model.internet!.reachable.map((w) => w.id).sort());
    // Entry edges go only to reachable workloads; connections start at reachable workloads only.
    const reachable = new Set(model.internet!.reachable.map((w) => w.id));
    for (const e of el.edges) {
      if (isInternetEdgeId(e.data.id)) expect(reachable.has(e.data.target)).toBe(true);
      else expect(reachable.has(e.data.source)).toBe(true);
    }
    expect(el.edges.some((e) => e.data.source === storefront && e.data.target === checkout)).toBe(true);
    // No stand-in: every controller of the demo's routes is in the snapshot.
    expect(el.nodes.some((n) => n.data.id === INGRESS_CONTROLLER_ID)).toBe(false);
  });

  it('never draws an entry point closed in fact as an edge', () => {
    const el = toGraphElements(model, internetView);
    const drawn = new Set(el.edges.flatMap((e) => e.data.entries ?? []).map((r) => r.entry));
    for (const c of model.internet!.closed) expect(drawn.has(c.entry)).toBe(false);
    expect(drawn.size).toBeGreaterThan(0);
  });

  it('folds entry edges into the namespace drawing a reachable workload, at namespace level', () => {
    const el = toGraphElements(model, { ...internetView, level: 'namespace' });
    expect(el.edges.find((e) => e.data.id === internetEdgeId(INTERNET_ID, 'ns:monitoring'))?.data.ports).toBe('NodePort TCP 3000');
    expect(el.edges.find((e) => e.data.id === internetEdgeId('ns:ingress-nginx', 'ns:shop-frontend'))?.data.ports).toBe('Ingress TCP 8080');
  });

  it('a route through a controller not in the snapshot goes through the stand-in node, its reachability assumed', () => {
    const sf = model.internet!.reachable.find((w) => w.id === storefront)!;
    const m: GraphModel = { ...model, internet: { ...model.internet!, reachable: [{ ...sf, entries: [{ ...sf.entries[0], entry: 'Gateway:edge/public/https', kind: 'Gateway', controller: INGRESS_CONTROLLER_ID, assumed: true }] }] } };
    const el = toGraphElements(m, internetView);
    expect(el.nodes.find((n) => n.data.id === INGRESS_CONTROLLER_ID)?.classes).toBe('stand-in');
    expect(el.edges.find((e) => e.data.id === internetEdgeId(INGRESS_CONTROLLER_ID, storefront))).toMatchObject({ data: { ports: 'Gateway TCP 8080' }, classes: 'internet assumed' });
    expect(el.edges.find((e) => e.data.id === internetEdgeId(INTERNET_ID, INGRESS_CONTROLLER_ID))?.data.ports).toBe('assumed reachable');
  });

  it('other views draw none of it', () => {
    const el = toGraphElements(model, { ...DEFAULT_VIEW, level: 'workload' });
    expect(el.nodes.some((n) => n.data.kind === 'internet')).toBe(false);
    expect(el.edges.some((e) => isInternetEdgeId(e.data.id))).toBe(false);
  });
});
