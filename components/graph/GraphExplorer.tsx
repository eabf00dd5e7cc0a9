'use client';

import { useRouter, useSearchParams } from 'next/navigation';
import { memo, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { Panel } from '../ui/Panel';
import { CytoscapeGraph, type GraphHandle } from './CytoscapeGraph';
import { GraphFilters } from './GraphFilters';
import { GRAPH_COLORS } from './graphStyles';
import type { GraphModel } from '@/viewmodels/graph/graphModel';
import type { Places } from '@/viewmodels/graph/namespaceLayout';
import { GraphSidePanel } from './GraphSidePanel';
import { DEFAULT_VIEW, EXTERNAL_KEY, graphViewQuery, parseGraphView, toggle, type GraphView } from '@/viewmodels/graph/graphView';
import { NodeList } from './NodeList';
import { isEdgeId, namespaceId, parseElementId } from '@/viewmodels/graph/elementIds';
import { DENSE_EDGES, toGraphElements } from '@/viewmodels/graph/toGraphElements';

const BUTTON = 'h-8 rounded-md border border-zinc-700 bg-zinc-900 px-3 text-sm text-zinc-100 hover:bg-zinc-800';

/**
 * The Graph page's interactive part: filters, the drawing, the side panel and the node list; state in the URL.
 * `places`: the namespace level's drawing, computed on the server for a large model (server/graphAnalyses).
 */
export function GraphExplorer({ model, places }: { model: GraphModel; places?: Places }) {
  // The view renders from local state, set by the click itself: a discrete update React renders and commits at
  // once, where a URL change alone waits for the router's time-sliced transition (40-70 ms on the 10k graph). The
  // URL follows with pushState; the router's echo of it is then a no-op, and back/forward arrive the same way.
  const urlQuery = useSearchParams().toString();
  const [query, setQuery] = useState(urlQuery);
  const [seenUrl, setSeenUrl] = useState(urlQuery);
  if (urlQuery !== seenUrl) {
    setSeenUrl(urlQuery);
    setQuery(urlQuery);
  }
  const view = useMemo(() => parseGraphView(new URLSearchParams(query)), [query]);
  const elements = useMemo(() => toGraphElements(model, view), [model, view]);
  // The drawing updates first; the node list and side panel follow in a deferred, interruptible render.
  const later = useDeferredValue(elements);
  const graph = useRef<GraphHandle>(null);
  // The latest elements for the stable callbacks (tap, search) and the node to zoom to once it is drawn.
  const latest = useRef(elements);
  const pendingZoom = useRef<string | undefined>(undefined);
  useEffect(() => {
    latest.current = elements;
  }, [elements]);
  const section = useRef<HTMLElement>(null);
  const [laidOut, setLaidOut] = useState(false);
  // The latest view for the callbacks below, so they stay stable and memoized children skip re-rendering.
  const current = useRef(view);
  useEffect(() => {
    current.current = view;
  }, [view]);
  // The internet view's part of the model comes with a server render of that view (it costs an entry-point analysis
  // the other views do not need): switching to it without that part navigates, every other change stays local.
  const router = useRouter();
  const hasInternet = useRef(model.internet !== undefined);
  useEffect(() => {
    hasInternet.current = model.internet !== undefined;
  }, [model]);

  // Shallow URL updates: Next keeps useSearchParams in sync without a server round trip.
  const setView = useCallback((patch: Partial<GraphView>) => {
    const qs = graphViewQuery({ ...current.current, ...patch });
    if ((patch.scope ?? current.current.scope) === 'internet' && !hasInternet.current) return router.push(qs ? `?${qs}` : window.location.pathname, { scroll: false });
    performance.mark('graph:view');
    current.current = parseGraphView(new URLSearchParams(qs));
    setQuery(qs);
    window.history.pushState(null, '', qs ? `?${qs}` : window.location.pathname);
  }, [router]);
  const onPick = useCallback(
    (id: string | undefined, additive: boolean) => {
      if (id === undefined) return setView({ selected: [] });
      const selected = current.current.selected;
      const isNode = !isEdgeId(id);
      const one = selected.length === 1 && !isEdgeId(selected[0]) ? selected[0] : undefined;
      setView({ selected: additive && isNode && one && one !== id ? [one, id] : [id] });
    },
    [setView],
  );
  // A click on the drawing: a folded namespace drills in (that namespace's workloads and what they talk to, a
  // history entry Back undoes); anything else is picked.
  const onTap = useCallback(
    (id: string | undefined, additive: boolean) => {
      const ref = id === undefined ? undefined : parseElementId(id);
      const node = ref?.kind === 'namespace' ? latest.current.nodes.find((n) => n.data.id === id) : undefined;
      if (ref?.kind === 'namespace' && node?.data.aggregated && !additive) return setView({ namespaces: [ref.namespace], expanded: [], selected: [id!] });
      onPick(id, additive);
    },
    [onPick, setView],
  );
  const onExpand = useCallback(
    (id: string) => {
      const v = current.current;
      const ref = parseElementId(id);
      if (ref?.kind === 'externals') return setView({ expanded: toggle(v.expanded, EXTERNAL_KEY) });
      if (ref?.kind === 'namespace') return setView({ expanded: toggle(v.expanded, ref.namespace) });
      if (ref?.kind === 'workload') return setView({ pods: toggle(v.pods, id) });
    },
    [setView],
  );
  const onFocus = useCallback((focus: string | undefined) => setView({ focus }), [setView]);
  // Written on the element, not in state: a re-render of the whole explorer per layout would cost a frame or two.
  const onLayout = useCallback((ms: number) => {
    if (pendingZoom.current && graph.current?.zoomTo(pendingZoom.current)) pendingZoom.current = undefined;
    const el = section.current;
    if (el) {
      el.dataset.layoutSeq = String(Number(el.dataset.layoutSeq ?? 0) + 1);
      el.dataset.layoutMs = String(Math.round(ms));
    }
    setLaidOut(true);
  }, []);
  // Search: a node drawn is picked and zoomed to; a workload folded into its namespace is drawn first (its namespace
  // drilled into), then zoomed to once laid out.
  const onFind = useCallback(
    (id: string) => {
      if (graph.current?.zoomTo(id)) return setView({ selected: [id] });
      const ref = parseElementId(id);
      const ns = ref?.kind === 'workload' ? ref.namespace : undefined;
      if (!ns) return;
      pendingZoom.current = id;
      setView({ expanded: [...new Set([...current.current.expanded, ns])], selected: [id] });
    },
    [setView],
  );
  const exportPng = () => {
    const uri = graph.current?.png();
    if (!uri) return;
    const a = document.createElement('a');
    a.href = uri;
    a.download = `perimeter-graph${query ? `-${query.replace(/[^\w=-]+/g, '_').slice(0, 80)}` : ''}.png`;
    a.click();
  };
  const namespaces = useMemo(() => model.namespaces.map((n) => n.name), [model]);
  const empty = elements.nodes.length === 0;
  const filtered = graphViewQuery({ ...view, selected: [], focus: undefined }) !== '';
  const leafCount = elements.nodes.filter((n) => n.data.kind !== 'namespace' || n.data.aggregated).length;

  return (
    <div className="space-y-4">
      <Panel>
        <GraphFilters view={view} namespaces={namespaces} selectorError={elements.selectorError} onChange={setView} />
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2 border-t border-zinc-800 px-4 py-2 text-xs text-zinc-300">
          <span data-testid="graph-status">
            {leafCount} node{leafCount === 1 ? '' : 's'}, {elements.edges.length} edge{elements.edges.length === 1 ? '' : 's'}
            {elements.aggregated && ` · ${model.workloads.length.toLocaleString('en')} workloads folded into namespaces, edges counting the connections between them (click a namespace to drill in)`}
            {elements.edges.length > DENSE_EDGES && ' · ports not written on edges at this density: pick an edge or a node'}
          </span>
          <Legend internet={view.scope === 'internet'} />
          <span className="ml-auto flex gap-2">
            <NodeSearch model={model} onFind={onFind} />
            <button type="button" className={BUTTON} onClick={() => graph.current?.fit()}>
              Fit
            </button>
            <button type="button" className={BUTTON} onClick={exportPng} disabled={empty}>
              Export PNG
            </button>
            {filtered && (
              <button type="button" className={BUTTON} onClick={() => setView(DEFAULT_VIEW)}>
                Reset view
              </button>
            )}
          </span>
        </div>
      </Panel>
      <div className="grid gap-4 xl:grid-cols-[1fr_24rem]">
        {/* As tall as the window leaves below the header, readings and filters: the whole canvas above the fold at 1440×900. */}
        <section ref={section} aria-label="Graph" className="relative h-[calc(100vh-23rem)] min-h-[420px] overflow-hidden rounded-lg border border-zinc-800 bg-zinc-950" data-testid="graph">
          <CytoscapeGraph ref={graph} elements={elements} places={places} picked={view.selected} onPick={onTap} onExpand={onExpand} onLayout={onLayout} />
          {!laidOut && !empty && (
            <div className="absolute inset-0 flex items-center justify-center bg-zinc-950/80 text-sm text-zinc-300" role="status">
              Laying out {leafCount} nodes…
            </div>
          )}
          {empty && (
            <div className="absolute inset-0 flex flex-col items-center justify-center gap-2 text-center" role="status">
              <p className="text-sm font-medium text-zinc-200">{model.workloads.length === 0 ? 'No workloads in this snapshot' : 'No connection matches these filters'}</p>
              <p className="max-w-md text-sm text-zinc-400">
                {model.workloads.length === 0 ? 'The source held no pods or controllers, so there is nothing to draw.' : 'Nothing allowed touches the chosen namespaces or labels on this port and scope.'}
              </p>
              {filtered && (
                <button type="button" className={BUTTON} onClick={() => setView(DEFAULT_VIEW)}>
                  Reset view
                </button>
              )}
            </div>
          )}
        </section>
        <div className="rounded-lg border border-zinc-800 bg-zinc-900/60 xl:h-[calc(100vh-23rem)] xl:min-h-[420px]">
          <SidePanel model={model} elements={later} view={view} onChange={setView} />
        </div>
      </div>
      <Panel title="Nodes in this view">
        <Nodes elements={later} selected={view.selected} focus={view.focus} onPick={onPick} onFocus={onFocus} />
      </Panel>
    </div>
  );
}

// The view's arrays are new on every URL change; compare the node list's props by content.
const Nodes = memo(NodeList, (a, b) => a.elements === b.elements && a.focus === b.focus && a.selected.join('\n') === b.selected.join('\n') && a.onPick === b.onPick && a.onFocus === b.onFocus);
const SidePanel = memo(GraphSidePanel);

/**
 * Find a node by name (workloads, namespaces, external addresses): Enter or a pick from the list zooms to it, drilling
 * into its namespace when the level folds it.
 */
function NodeSearch({ model, onFind }: { model: GraphModel; onFind: (id: string) => void }) {
  const [text, setText] = useState('');
  const options = useMemo(() => {
    const out = new Map<string, string>();
    for (const n of model.namespaces) out.set(`${n.name} (namespace)`, namespaceId(n.name));
    for (const w of model.workloads) out.set(`${w.namespace}/${w.name}`, w.id);
    for (const e of model.externals) out.set(e.label, e.id);
    return out;
  }, [model]);
  const find = (value: string) => {
    const t = value.trim();
    const id = options.get(t) ?? [...options.entries()].find(([label]) => label.split('/').pop() === t || label.endsWith(`/${t}`))?.[1];
    if (id) onFind(id);
  };
  return (
    <span className="flex items-center gap-1">
      <label htmlFor="graph-find" className="sr-only">
        Find a node
      </label>
      <input
        id="graph-find"
        list="graph-find-names"
        value={text}
        placeholder="Find a workload…"
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => {
          setText(e.target.value);
          // A pick from the list (not typing) arrives as a whole option.
          if (options.has(e.target.value)) find(e.target.value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') find(text);
        }}
        className="h-8 w-48 rounded-md border border-zinc-700 bg-zinc-950 px-2 text-sm text-zinc-100 placeholder:text-zinc-500"
      />
      <datalist id="graph-find-names">
        {[...options.keys()].slice(0, 2000).map((label) => (
          <option key={label} value={label} />
        ))}
      </datalist>
    </span>
  );
}

function Swatch({ color, label, ring = false }: { color: string; label: string; ring?: boolean }) {
  return (
    <span className="flex items-center gap-1.5">
      <span aria-hidden className="inline-block h-3 w-3 rounded-full" style={ring ? { border: `3px double ${color}` } : { background: color }} />
      {label}
    </span>
  );
}

function Legend({ internet }: { internet: boolean }) {
  return (
    <span className="flex flex-wrap items-center gap-3" aria-label="Legend">
      {internet && <Swatch color={GRAPH_COLORS.internet} label="entry point open from the internet (dashed: controller assumed)" />}
      <Swatch color={GRAPH_COLORS.workload} label="workload" />
      <Swatch color={GRAPH_COLORS.external} label="external addresses" />
      <Swatch color={GRAPH_COLORS.open} label="open to all" ring />
      <Swatch color={GRAPH_COLORS.upstream} label="can reach focus" />
      <Swatch color={GRAPH_COLORS.downstream} label="reached from focus" />
    </span>
  );
}
