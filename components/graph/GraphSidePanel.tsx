'use client';

import Link from 'next/link';
import { useEffect, useState, type ReactNode } from 'react';
import type { Explanation, SideExplanation } from '@/lib/netpol/explain';
import { formatPorts } from '@/lib/netpol/portSet';
import { useSnapshotTick } from '../shell/useSnapshotTick';
import { Badge, LabelChips } from '../ui/Badge';
import { formatLabels } from '@/viewmodels/ui/format';
import { INGRESS_CONTROLLER_ID, INTERNET_ID, isInternetEdgeId, parseElementId, podId } from '@/viewmodels/graph/elementIds';
import { endpointRef, policyHref } from '@/viewmodels/graph/endpointRef';
import type { GraphModel, GraphWorkload } from '@/viewmodels/graph/graphModel';
import { EXTERNAL_KEY, toggle, type GraphView } from '@/viewmodels/graph/graphView';
import type { GraphEdge, GraphElements, GraphNode } from '@/viewmodels/graph/toGraphElements';

interface Props {
  readonly model: GraphModel;
  readonly elements: GraphElements;
  readonly view: GraphView;
  readonly onChange: (patch: Partial<GraphView>) => void;
}

const BUTTON = 'rounded-md border border-zinc-700 bg-zinc-900 px-2.5 py-1 text-xs font-medium text-zinc-100 hover:bg-zinc-800';

/** Details of the picked node, edge or pair of nodes: labels, selecting policies, the rules behind an edge. */
export function GraphSidePanel({ model, elements, view, onChange }: Props) {
  const nodes = new Map(elements.nodes.map((n) => [n.data.id, n]));
  const edges = new Map(elements.edges.map((e) => [e.data.id, e]));
  const picked = view.selected.filter((id) => nodes.has(id) || edges.has(id));
  let body: ReactNode;
  if (picked.length === 0) {
    body = (
      <div className="space-y-2 text-sm text-zinc-400">
        <p>Click a node or an edge for its details. Shift-click a second node to explain that pair.</p>
        <p>Click a folded namespace to drill into it (Back returns); double-click a namespace box to fold or unfold it in place, a workload to see its pods.</p>
      </div>
    );
  } else if (picked.length === 2 && nodes.has(picked[0]) && nodes.has(picked[1])) {
    body = <PairDetails a={nodes.get(picked[0])!} b={nodes.get(picked[1])!} elements={elements} view={view} />;
  } else if (edges.has(picked[0]) && isInternetEdgeId(picked[0])) {
    body = <InternetEdgeDetails edge={edges.get(picked[0])!} nodes={nodes} model={model} />;
  } else if (edges.has(picked[0])) {
    body = <EdgeDetails key={picked[0]} edge={edges.get(picked[0])!} nodes={nodes} view={view} />;
  } else {
    body = <NodeDetails node={nodes.get(picked[0])!} model={model} elements={elements} view={view} onChange={onChange} />;
  }
  return (
    <aside aria-label="Details" className="h-full overflow-y-auto p-4" data-testid="graph-side-panel">
      {body}
    </aside>
  );
}

function Title({ kind, children }: { kind: string; children: ReactNode }) {
  return (
    <div className="mb-3">
      <div className="text-xs font-medium uppercase tracking-wide text-zinc-400">{kind}</div>
      <h2 className="mt-0.5 font-mono text-sm font-semibold break-all text-zinc-50">{children}</h2>
    </div>
  );
}

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-zinc-400">{term}</dt>
      <dd className="min-w-0 break-words text-zinc-200">{children}</dd>
    </>
  );
}

function PolicyLinks({ keys }: { keys: readonly string[] }) {
  if (keys.length === 0) return <span className="text-zinc-400">none</span>;
  return (
    <ul className="space-y-0.5">
      {keys.map((k) => (
        <li key={k}>
          <Link href={policyHref(k)} className="font-mono text-xs text-sky-300 hover:underline">
            {k}
          </Link>
        </li>
      ))}
    </ul>
  );
}

function isolation(model: GraphModel, groups: readonly number[], dir: 'ingress' | 'egress') {
  const gs = groups.map((g) => model.groups[g]);
  const ids = [...new Set(gs.flatMap((g) => (dir === 'ingress' ? g.ingressPolicies : g.egressPolicies)))];
  return {
    isolated: gs.some((g) => (dir === 'ingress' ? g.ingressIsolated : g.egressIsolated)),
    open: gs.every((g) => (dir === 'ingress' ? g.ingressOpen : g.egressOpen)),
    policies: ids.map((i) => model.policies[i]).sort(),
  };
}

function Isolation({ model, groups, dir }: { model: GraphModel; groups: readonly number[]; dir: 'ingress' | 'egress' }) {
  const i = isolation(model, groups, dir);
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap gap-1">
        {i.isolated ? <Badge tone="good">isolated</Badge> : <Badge tone="warn">not isolated</Badge>}
        {i.open && <Badge tone="warn">{dir === 'ingress' ? 'open to all sources' : 'open to all destinations'}</Badge>}
      </div>
      {i.isolated && <PolicyLinks keys={i.policies} />}
    </div>
  );
}

function Neighbours({ title, edges, end, nodes, onPick }: { title: string; edges: readonly GraphEdge[]; end: 'source' | 'target'; nodes: ReadonlyMap<string, GraphNode>; onPick: (edgeId: string) => void }) {
  return (
    <div className="mt-4">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-zinc-400">
        {title} ({edges.length})
      </h3>
      {edges.length === 0 ? (
        <p className="mt-1 text-sm text-zinc-400">none drawn</p>
      ) : (
        <ul className="mt-1 max-h-48 space-y-0.5 overflow-y-auto text-xs">
          {edges.map((e) => (
            <li key={e.data.id}>
              <button type="button" onClick={() => onPick(e.data.id)} className="flex w-full justify-between gap-2 rounded px-1 py-0.5 text-left hover:bg-zinc-800" title="Show the rules behind this connection">
                <span className="truncate font-mono text-zinc-200">{nodes.get(e.data[end])?.data.label.split('\n')[0] ?? e.data[end]}</span>
                <span className="shrink-0 font-mono text-zinc-400">{e.data.ports}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function NodeDetails({ node, model, elements, view, onChange }: { node: GraphNode; model: GraphModel; elements: GraphElements; view: GraphView; onChange: (p: Partial<GraphView>) => void }) {
  const nodes = new Map(elements.nodes.map((n) => [n.data.id, n]));
  const d = node.data;
  const incoming = elements.edges.filter((e) => e.data.target === d.id);
  const outgoing = elements.edges.filter((e) => e.data.source === d.id);
  const focused = view.focus === d.id;
  const actions: ReactNode[] = [
    <button key="focus" type="button" className={BUTTON} aria-pressed={focused} onClick={() => onChange({ focus: focused ? undefined : d.id })}>
      {focused ? 'Clear blast radius' : 'Show blast radius'}
    </button>,
  ];
  const ref = endpointRef(d.id);
  if (ref) actions.push(<Link key="explain" className={BUTTON} href={`/explain?from=${encodeURIComponent(ref)}${view.hostNetwork === 'host' ? '&hostNetwork=host' : ''}`}>Explain from here…</Link>);
  let facts: ReactNode = null;
  let kind: string = d.kind;
  if (d.kind === 'namespace') {
    const ns = model.namespaces.find((n) => n.name === d.namespace);
    const wls = model.workloads.filter((w) => w.namespace === d.namespace);
    facts = (
      <dl className="grid grid-cols-[6.5rem_1fr] gap-x-3 gap-y-1.5 text-sm">
        <Row term="Workloads">{wls.length}</Row>
        <Row term="Open to all">{wls.filter((w) => isolation(model, w.groups, 'ingress').open).length}</Row>
        <Row term="Labels">
          <LabelChips labels={formatLabels(ns?.labels ?? {})} />
        </Row>
      </dl>
    );
    const drilled = !d.aggregated;
    if (view.expanded.includes(d.namespace!) || d.aggregated) {
      actions.push(
        <button key="drill" type="button" className={BUTTON} onClick={() => onChange({ expanded: toggle(view.expanded, d.namespace!) })}>
          {drilled ? 'Fold into one node' : 'Show its workloads'}
        </button>,
      );
    }
  } else if (d.kind === 'internet') {
    kind = 'internet';
    facts = <InternetFacts model={model} reached={d.members} />;
  } else if (d.kind === 'ingress-controller') {
    kind = 'ingress controller (stand-in)';
    facts = (
      <p className="text-sm text-zinc-300" data-testid="internet-node-facts">
        The controller of Ingresses, Routes or Gateways whose pods are not in the snapshot: a stand-in pod without labels in a namespace of its own, assumed reachable from the internet. What it reaches is what the backends’ policies admit from it.{' '}
        <Link className="text-sky-300 hover:underline" href="/exposure">
          Exposure page
        </Link>
      </p>
    );
  } else if (d.kind === 'externals') {
    kind = 'external addresses';
    facts = <p className="text-sm text-zinc-300">{d.aggregated ? `${d.members} sets of external addresses, drawn as one node.` : 'Addresses cut at the ipBlock boundaries of the policies.'}</p>;
    actions.push(
      <button key="drill" type="button" className={BUTTON} onClick={() => onChange({ expanded: toggle(view.expanded, EXTERNAL_KEY) })}>
        {d.aggregated ? 'Show the ranges' : 'Fold into one node'}
      </button>,
    );
  } else if (d.kind === 'external') {
    const ext = model.externals.find((e) => e.id === d.id);
    kind = 'external addresses';
    facts = (
      <dl className="grid grid-cols-[6.5rem_1fr] gap-x-3 gap-y-1.5 text-sm">
        <Row term="Ranges">
          {/* As the CLI's connlist names them: every ipBlock treats these the same. */}
          <ul className="font-mono text-xs" data-testid="external-ranges">
            {ext?.ranges.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </Row>
        <Row term="Role">{[ext?.source ? 'source (ingress ipBlocks)' : '', ext?.destination ? 'destination (egress ipBlocks)' : ''].filter(Boolean).join(', ')}</Row>
      </dl>
    );
  } else {
    const w: GraphWorkload | undefined = d.kind === 'workload' ? model.workloads.find((x) => x.id === d.id) : model.workloads.find((x) => x.namespace === d.namespace && x.pods.some((p) => podId(x.namespace, p.name) === d.id));
    const pod = d.kind === 'pod' ? w?.pods.find((p) => podId(w.namespace, p.name) === d.id) : undefined;
    const groups = pod ? [pod.group] : w?.groups ?? [];
    // In the internet view: the entry points reaching it and the Services in front of it.
    const internet = view.scope === 'internet' && w && d.kind === 'workload' ? model.internet?.reachable.find((x) => x.id === w.id) : undefined;
    if (w) kind = d.kind === 'pod' ? 'pod' : w.kind;
    facts = w && (
      <dl className="grid grid-cols-[6.5rem_1fr] gap-x-3 gap-y-2 text-sm">
        <Row term="Namespace">{w.namespace}</Row>
        {pod ? (
          <Row term="Pod">
            <span className="font-mono text-xs">{pod.ips?.replaceAll(',', ', ') ?? 'no IP'}</span> {pod.inactive && <Badge tone="warn">no live traffic</Badge>} {pod.hostNetwork && <Badge>host network</Badge>}
          </Row>
        ) : (
          <Row term="Pods">
            {w.pods.length} {w.pods.some((p) => p.inactive) && <Badge tone="warn">{w.pods.filter((p) => p.inactive).length} without live traffic</Badge>} {w.hostNetwork && <Badge>host network</Badge>}
          </Row>
        )}
        <Row term="Service acct">
          <span className="font-mono text-xs">{w.serviceAccount ?? '—'}</span>
        </Row>
        <Row term="Labels">
          <LabelChips labels={formatLabels(w.labels)} />
        </Row>
        <Row term="Ingress">
          <Isolation model={model} groups={groups} dir="ingress" />
        </Row>
        <Row term="Egress">
          <Isolation model={model} groups={groups} dir="egress" />
        </Row>
        {internet && (
          <>
            <Row term="Services">{internet.services.length > 0 ? <span className="font-mono text-xs">{internet.services.join(', ')}</span> : 'none'}</Row>
            <Row term="Internet">
              <ul className="space-y-0.5 text-xs" data-testid="node-internet-entries">
                {internet.entries.map((e) => (
                  <li key={e.entry}>
                    <Link href={exposureHref(e.entry)} className="font-mono text-sky-300 hover:underline">
                      {e.entry}
                    </Link>{' '}
                    <span className="font-mono text-zinc-300">{e.ports}</span>
                  </li>
                ))}
              </ul>
            </Row>
          </>
        )}
      </dl>
    );
    if (d.kind === 'workload' && w && w.pods.length > 0) {
      actions.push(
        <button key="pods" type="button" className={BUTTON} onClick={() => onChange({ pods: toggle(view.pods, w.id) })}>
          {view.pods.includes(w.id) ? 'Hide pods' : `Show ${w.pods.length} pod${w.pods.length === 1 ? '' : 's'}`}
        </button>,
      );
    }
  }
  return (
    <div data-testid="graph-node-details">
      <Title kind={kind}>{d.label.split('\n')[0]}</Title>
      <div className="mb-3 flex flex-wrap gap-2">{actions}</div>
      {facts}
      {d.openIn && <p className="mt-3 text-sm text-amber-200">Open to all: every source reaches it on every port (edges from endpoints whose egress is open too are not drawn).</p>}
      <Neighbours title="Reached by" edges={incoming} end="source" nodes={nodes} onPick={(id) => onChange({ selected: [id] })} />
      <Neighbours title="Reaches" edges={outgoing} end="target" nodes={nodes} onPick={(id) => onChange({ selected: [id] })} />
    </div>
  );
}

type Fetched = { state: 'loading' } | { state: 'ok'; explanation: Explanation } | { state: 'error'; message: string };

/** The rules behind an edge, asked of /api/explain (the engine's explain, any port). */
function EdgeDetails({ edge, nodes, view }: { edge: GraphEdge; nodes: ReadonlyMap<string, GraphNode>; view: GraphView }) {
  const from = endpointRef(edge.data.source);
  const to = endpointRef(edge.data.target);
  const [fetched, setFetched] = useState<Fetched>({ state: 'loading' });
  // Asked again on each new snapshot version: the rules shown come from /api, not from the refreshed page.
  const snapshotTick = useSnapshotTick();
  const hostNetwork = view.hostNetwork;
  useEffect(() => {
    if (!from || !to) return;
    const ctl = new AbortController();
    const q = new URLSearchParams({ from, to, ...(hostNetwork === 'host' && { hostNetwork }) });
    fetch(`/api/explain?${q}`, { signal: ctl.signal })
      .then(async (r) => {
        const body = await r.json();
        setFetched(r.ok ? { state: 'ok', explanation: body as Explanation } : { state: 'error', message: body?.error?.message ?? `HTTP ${r.status}` });
      })
      .catch((e: unknown) => {
        if (!ctl.signal.aborted) setFetched({ state: 'error', message: e instanceof Error ? e.message : String(e) });
      });
    return () => ctl.abort();
  }, [from, to, hostNetwork, snapshotTick]);
  const name = (id: string) => nodes.get(id)?.data.label.split('\n')[0] ?? id;
  return (
    <div data-testid="graph-edge-details">
      <Title kind={edge.data.count > 1 ? `${edge.data.count} connections` : 'connection'}>
        {name(edge.data.source)} → {name(edge.data.target)}
      </Title>
      <p className="text-sm text-zinc-300">
        Allowed: <span className="font-mono text-xs text-zinc-100">{edge.data.ports}</span>
      </p>
      {!from || !to ? (
        <p className="mt-3 text-sm text-zinc-400">Between aggregated nodes: drill into the namespaces to see each connection and its rules.</p>
      ) : (
        <>
          <div className="mt-3">
            {fetched.state === 'loading' && <p className="text-sm text-zinc-400">Asking the engine for the rules…</p>}
            {fetched.state === 'error' && (
              <p role="alert" className="text-sm text-amber-200">
                {fetched.message}
              </p>
            )}
            {fetched.state === 'ok' && (
              <div className="space-y-2">
                <RuleSide side={fetched.explanation.egress} title="Source egress" />
                <RuleSide side={fetched.explanation.ingress} title="Destination ingress" />
              </div>
            )}
          </div>
          <ExplainForm from={from} to={to} view={view} />
        </>
      )}
    </div>
  );
}

function RuleSide({ side, title }: { side: SideExplanation; title: string }) {
  return (
    <div className="rounded-md border border-zinc-800 bg-zinc-950/60 p-2.5 text-xs">
      <div className="font-medium text-zinc-100">{title}</div>
      {side.hits.length === 0 ? (
        <p className="mt-1 text-zinc-300">{side.reason}</p>
      ) : (
        <ul className="mt-1 space-y-1">
          {side.hits.map((h) => (
            <li key={`${h.policy}/${h.ruleIndex}/${h.peerIndex}`} className="text-zinc-300">
              <Link href={policyHref(h.policy)} className="font-mono text-sky-300 hover:underline">
                {h.policy}
              </Link>{' '}
              {h.direction.toLowerCase()} rule #{h.ruleIndex + 1}
              {h.peerIndex === undefined ? ' (any peer)' : `, peer #${h.peerIndex + 1}`}: <span className="font-mono text-zinc-100">{formatPorts(h.allows)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** "Why not on this port?": a plain GET form to the Explain page, prefilled with the view's port filter. */
function ExplainForm({ from, to, view }: { from: string; to: string; view: GraphView }) {
  return (
    <form method="get" action="/explain" className="mt-4 flex items-end gap-2 border-t border-zinc-800 pt-3" data-testid="graph-explain-form">
      <input type="hidden" name="from" value={from} />
      <input type="hidden" name="to" value={to} />
      {view.hostNetwork === 'host' && <input type="hidden" name="hostNetwork" value="host" />}
      <div className="flex flex-col gap-1">
        <label htmlFor="pair-port" className="text-xs text-zinc-300">
          Port
        </label>
        <input id="pair-port" name="port" defaultValue={view.port?.toString() ?? ''} placeholder="any" className="h-8 w-20 rounded-md border border-zinc-700 bg-zinc-950 px-2 text-sm text-zinc-100" />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="pair-protocol" className="text-xs text-zinc-300">
          Protocol
        </label>
        <select id="pair-protocol" name="protocol" defaultValue={view.protocol ?? 'TCP'} className="h-8 rounded-md border border-zinc-700 bg-zinc-950 px-2 text-sm text-zinc-100">
          <option>TCP</option>
          <option>UDP</option>
          <option>SCTP</option>
        </select>
      </div>
      <button type="submit" className="h-8 rounded-md bg-sky-700 px-3 text-sm font-medium text-white hover:bg-sky-600">
        Explain
      </button>
    </form>
  );
}

function PairDetails({ a, b, elements, view }: { a: GraphNode; b: GraphNode; elements: GraphElements; view: GraphView }) {
  const from = endpointRef(a.data.id);
  const to = endpointRef(b.data.id);
  const edge = elements.edges.find((e) => e.data.source === a.data.id && e.data.target === b.data.id);
  const name = (n: GraphNode) => n.data.label.split('\n')[0];
  return (
    <div data-testid="graph-pair-details">
      <Title kind="two nodes">
        {name(a)} → {name(b)}
      </Title>
      <p className="text-sm text-zinc-300">{edge ? <>Drawn connection: <span className="font-mono text-xs text-zinc-100">{edge.data.ports}</span></> : 'No connection drawn in this direction.'}</p>
      {from && to ? <ExplainForm from={from} to={to} view={view} /> : <p className="mt-3 text-sm text-zinc-400">Drill into aggregated nodes to explain a pair of workloads.</p>}
    </div>
  );
}

const exposureHref = (entry: string) => `/exposure?entry=${encodeURIComponent(entry)}`;
const workloadLabel = (id: string) => {
  const ref = parseElementId(id);
  return ref?.kind === 'workload' ? `${ref.namespace}/${ref.name}` : id;
};

/** The policy deciding a hop, with a link to Explain's page for it. */
function Deciding({ deciding, explainHref, className }: { deciding?: string; explainHref?: string; className: string }) {
  if (!deciding) return null;
  return (
    <p className={className}>
      Deciding: {deciding}
      {explainHref && (
        <>
          {' '}
          <Link href={explainHref} className="text-sky-300 hover:underline">
            explain
          </Link>
        </>
      )}
    </p>
  );
}

/** The Internet node: how many workloads it reaches (lib/exposure's count) and the entry points closed in fact. */
function InternetFacts({ model, reached }: { model: GraphModel; reached: number }) {
  const closed = model.internet?.closed ?? [];
  return (
    <div className="space-y-3 text-sm text-zinc-300" data-testid="internet-node-facts">
      <p>
        Every address outside the cluster. Its edges are the entry points (LoadBalancers, node ports, external IPs, host ports, host network; Ingresses, Routes and Gateways through their controller) whose every hop the policies admit: they reach {reached} workload{reached === 1 ? '' : 's'}, as on the{' '}
        <Link className="text-sky-300 hover:underline" href="/exposure">
          Exposure page
        </Link>
        .
      </p>
      {closed.length > 0 && (
        <div>
          <h3 className="text-xs font-semibold uppercase tracking-wide text-zinc-400">Exposed on paper, closed in fact ({closed.length}): not drawn</h3>
          <ul className="mt-1 space-y-2 text-xs" data-testid="internet-closed-entries">
            {closed.map((c) => (
              <li key={c.entry}>
                <Link href={exposureHref(c.entry)} className="font-mono text-sky-300 hover:underline">
                  {c.entry}
                </Link>
                <p className="text-zinc-300">{c.reason.replace(/^exposed on paper, closed in fact: /, '')}</p>
                <Deciding deciding={c.deciding} explainHref={c.explainHref} className="text-zinc-400" />
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

/** An internet edge: the entry points it stands for, their open ports, the controller hop and the deciding policy. */
function InternetEdgeDetails({ edge, nodes, model }: { edge: GraphEdge; nodes: ReadonlyMap<string, GraphNode>; model: GraphModel }) {
  const name = (id: string) => nodes.get(id)?.data.label.split('\n')[0] ?? id;
  const byWorkload = new Map((model.internet?.reachable ?? []).map((w) => [w.id, w]));
  const refs = edge.data.entries ?? [];
  return (
    <div data-testid="graph-internet-edge-details">
      <Title kind={refs.length === 1 ? 'entry point' : refs.length === 0 ? 'assumed hop' : `${refs.length} entry points`}>
        {name(edge.data.source)} → {name(edge.data.target)}
      </Title>
      {refs.length === 0 && (
        <p className="text-sm text-zinc-300">
          {edge.data.source === INTERNET_ID && edge.data.target === INGRESS_CONTROLLER_ID
            ? 'The controller of these routes is not in the snapshot: Perimeter assumes the internet reaches it (its own Service, load balancer and policies are unknown), and evaluates its hop to each backend as a stand-in pod without labels in a namespace of its own.'
            : edge.data.ports}
        </p>
      )}
      <ul className="space-y-3">
        {refs.map((r) => {
          const e = byWorkload.get(r.workload)?.entries.find((x) => x.entry === r.entry);
          if (!e) return null;
          return (
            <li key={`${r.workload}|${r.entry}`} className="rounded-md border border-zinc-800 bg-zinc-950/60 p-2.5 text-xs" data-testid="internet-entry">
              <Link href={exposureHref(e.entry)} className="font-mono text-sky-300 hover:underline">
                {e.entry}
              </Link>
              <dl className="mt-1.5 grid grid-cols-[5.5rem_1fr] gap-x-2 gap-y-1">
                <Row term="Reaches">
                  <span className="font-mono">{workloadLabel(r.workload)}</span>
                </Row>
                <Row term="Open ports">
                  <span className="font-mono text-zinc-100">{e.ports}</span>
                </Row>
                {e.controller && (
                  <Row term="Controller">
                    {e.controller === INGRESS_CONTROLLER_ID ? (
                      <span>
                        not in the snapshot: a stand-in, assumed reachable <Badge tone="warn">assumed</Badge>
                      </span>
                    ) : (
                      <span className="font-mono">
                        {workloadLabel(e.controller)}
                        {e.otherControllers ? ` and ${e.otherControllers} more` : ''}
                      </span>
                    )}
                  </Row>
                )}
              </dl>
              <ul className="mt-2 space-y-1.5 border-t border-zinc-800 pt-1.5">
                {e.routes.map((route, i) => (
                  <li key={`${route.via}|${i}`}>
                    <div className="font-mono text-zinc-200">
                      {route.via} <span className="text-zinc-400">({route.pods} pod{route.pods === 1 ? '' : 's'})</span>
                    </div>
                    <Deciding deciding={route.deciding} explainHref={route.explainHref} className="text-zinc-300" />
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
