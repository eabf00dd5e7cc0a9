'use client';

import cytoscape, { type Core, type EventObject, type LayoutOptions } from 'cytoscape';
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import { GRAPH_STYLES } from './graphStyles';
import { hash, layoutOptions, registerFcose, seeded } from './fcoseLayout';
import { separateBoxes, type Box } from '@/viewmodels/graph/separateBoxes';
import type { Places } from '@/viewmodels/graph/namespaceLayout';
import type { GraphElements } from '@/viewmodels/graph/toGraphElements';

/** What the page can ask of the drawing. */
export interface GraphHandle {
  /** The current view as a PNG data URI (the whole graph at the current zoom's detail, on the page's background). */
  png(): string;
  fit(): void;
  /** Centres and zooms on a node and its neighbours; false when it is not drawn. */
  zoomTo(id: string): boolean;
}

// Room between namespace boxes (and other top-level nodes) after the layout, in drawing units.
const BOX_GAP = 40;

/** The top-level nodes' boxes (namespaces with their label, aggregated nodes, external nodes). */
function topBoxes(cy: Core): Box[] {
  return cy
    .nodes()
    .orphans()
    .map((n) => {
      const b = n.boundingBox({ includeLabels: true, includeOverlays: false });
      return { id: n.id(), x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 };
    });
}

/** Moves top-level nodes (compounds with everything inside) so no two boxes overlap; how many moved. */
function separate(cy: Core): number {
  const moves = separateBoxes(topBoxes(cy), BOX_GAP);
  for (const [id, { dx, dy }] of moves) {
    const n = cy.getElementById(id);
    const leaves = n.isParent() ? n.descendants().filter((d) => d.isChildless()) : n;
    leaves.forEach((leaf) => {
      const p = leaf.position();
      leaf.position({ x: p.x + dx, y: p.y + dy });
    });
  }
  return moves.size;
}

interface Props {
  readonly elements: GraphElements;
  /**
   * A drawing computed on the server (the namespace level of a large cluster): the first layout places the nodes as
   * given instead of running fcose, when every node drawn has a place in it and none is inside another.
   */
  readonly places?: Places;
  /** Picked node/edge ids (side panel), drawn highlighted. */
  readonly picked: readonly string[];
  /** A tap on an element (shift adds a second node), or on the background (empty list). */
  readonly onPick: (id: string | undefined, additive: boolean) => void;
  /** A double tap on a node: drill into a namespace, expand a workload's pods. */
  readonly onExpand: (id: string) => void;
  /** Layout finished (also used by the performance script through `data-layout`). */
  readonly onLayout?: (ms: number) => void;
  readonly ref?: Ref<GraphHandle>;
}

/** Sets an element's data and classes when they differ from what it was last given. */
function patch(el: cytoscape.CollectionReturnValue, next: { data: { id: string }; classes: string }, drawn: Map<string, { data: string; classes: string }>) {
  const before = drawn.get(next.data.id);
  const data = JSON.stringify(next.data);
  if (before?.data !== data) el.data({ ...next.data });
  if (before?.classes !== next.classes) el.classes(next.classes);
  drawn.set(next.data.id, { data, classes: next.classes });
}

/**
 * The only component that owns Cytoscape: it creates the instance in an effect and destroys it in cleanup, patches
 * elements by id inside `cy.batch`, reruns the layout only when the element set changes, removes its listeners,
 * and reports taps upward. The instance lives in a ref, never in React state.
 */
export function CytoscapeGraph({ elements, places: given, picked, onPick, onExpand, onLayout, ref }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const laidOut = useRef(false);
  // What each element was last given, so a patch touches only what changed (a restyle of every element is what
  // makes a filter change slow at hundreds of nodes).
  const drawnState = useRef(new Map<string, { data: string; classes: string }>());
  // Last known place of every leaf node, kept across filters.
  const positions = useRef(new Map<string, { x: number; y: number }>());
  // Latest callbacks, so the instance is created once and its listeners never go stale.
  const handlers = useRef({ onPick, onExpand, onLayout });
  useEffect(() => {
    handlers.current = { onPick, onExpand, onLayout };
  });
  const givenPlaces = useRef(given);
  useEffect(() => {
    givenPlaces.current = given;
  }, [given]);

  useImperativeHandle(ref, () => ({
    png: () => cyRef.current?.png({ output: 'base64uri', full: true, bg: '#09090b', scale: 2, maxWidth: 6000, maxHeight: 6000 }) ?? '',
    fit: () => cyRef.current?.fit(undefined, 24),
    zoomTo: (id: string) => {
      const cy = cyRef.current;
      const node = cy?.getElementById(id);
      if (!cy || !node || node.empty() || !node.isNode()) return false;
      // The node with its neighbours, never closer than twice the normal size (a lone node would fill the screen).
      cy.fit(node.closedNeighborhood(), 60);
      if (cy.zoom() > 2) cy.zoom({ level: 2, position: node.position() });
      cy.center(node);
      return true;
    },
  }));

  useEffect(() => {
    registerFcose();
    const cy = cytoscape({
      container: container.current,
      style: GRAPH_STYLES,
      autounselectify: true,
      boxSelectionEnabled: false,
      wheelSensitivity: 0.3,
      minZoom: 0.05,
      maxZoom: 4,
      textureOnViewport: true,
      hideEdgesOnViewport: false,
      pixelRatio: 1,
    });
    const tap = (e: EventObject) => {
      const additive = e.originalEvent instanceof MouseEvent && e.originalEvent.shiftKey;
      handlers.current.onPick(e.target === cy ? undefined : (e.target as { id(): string }).id(), additive);
    };
    const dbltap = (e: EventObject) => handlers.current.onExpand((e.target as { id(): string }).id());
    cy.on('tap', tap);
    cy.on('dbltap', 'node', dbltap);
    cyRef.current = cy;
    const places = positions.current;
    const drawn = drawnState.current;
    return () => {
      cy.removeListener('tap', tap);
      cy.removeListener('dbltap', 'node', dbltap);
      cy.destroy();
      cyRef.current = null;
      laidOut.current = false;
      places.clear();
      drawn.clear();
    };
  }, []);

  // Patch elements by id. A node that comes back keeps the place it had (the user's mental map, and no relayout);
  // the layout reruns only when a node without a known place appears or a node changes parent.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const patchStart = performance.now();
    let needsLayout = !laidOut.current;
    const places = positions.current;
    const drawn = drawnState.current;
    const want = new Set<string>([...elements.nodes.map((n) => n.data.id), ...elements.edges.map((e) => e.data.id)]);
    cy.batch(() => {
      const gone = cy.elements().filter((el) => !want.has(el.id()));
      if (gone.nonempty()) {
        gone.nodes().forEach((n) => {
          if (n.isChildless()) places.set(n.id(), { ...n.position() });
        });
        cy.remove(gone);
      }
      for (const n of elements.nodes) {
        const el = cy.getElementById(n.data.id);
        if (el.empty()) {
          const known = places.get(n.data.id);
          if (!known) needsLayout = true;
          cy.add({ group: 'nodes', data: { ...n.data }, classes: n.classes, position: known ? { ...known } : undefined });
          drawn.set(n.data.id, { data: JSON.stringify(n.data), classes: n.classes });
          continue;
        }
        if ((el.data('parent') ?? undefined) !== n.data.parent) {
          el.move({ parent: n.data.parent ?? null });
          needsLayout = true;
        }
        patch(el, n, drawn);
      }
      for (const e of elements.edges) {
        const el = cy.getElementById(e.data.id);
        if (el.empty()) {
          cy.add({ group: 'edges', data: { ...e.data }, classes: e.classes });
          drawn.set(e.data.id, { data: JSON.stringify(e.data), classes: e.classes });
        } else patch(el, e, drawn);
      }
    });
    // User Timing entries, read by scripts/perf-pages.ts and visible in the browser's performance panel.
    performance.measure('graph:patch', { start: patchStart });
    const started = performance.now();
    if (needsLayout) {
      const preset = laidOut.current ? undefined : givenPlaces.current;
      const placed = preset && elements.nodes.every((n) => n.data.parent === undefined && preset[n.data.id] !== undefined) ? preset : undefined;
      const layout = placed
        ? cy.layout({ name: 'preset', positions: { ...placed }, fit: true, padding: 24, animate: false })
        : // Cytoscape's LayoutOptions union knows only its built-in layouts; fcose's are declared in cytoscape-fcose.d.ts.
          cy.layout(layoutOptions(elements.nodes.length, !laidOut.current) as unknown as LayoutOptions);
      layout.one('layoutstop', () => {
        // fcose keeps nodes apart but lets compound boxes overlap, and the server's drawing aims at a gap it cannot
        // measure exactly (labels): move namespaces apart as whole boxes.
        // Fit again only when something moved (a fit measures every label).
        if (separate(cy) > 0) cy.fit(undefined, 24);
        cy.nodes().forEach((n) => {
          if (n.isChildless()) places.set(n.id(), { ...n.position() });
        });
        handlers.current.onLayout?.(performance.now() - started);
      });
      seeded(hash(elements.nodes.map((n) => n.data.id).join('\n')), () => layout.run());
      laidOut.current = true;
    } else {
      // The viewport stays where the user left it (no fit: it measures every label, and the camera should not jump).
      handlers.current.onLayout?.(performance.now() - started);
    }
  }, [elements]);

  // Picked elements: a class, not Cytoscape's selection (which would fight React's state). The edges of a picked
  // node are `near`: drawn brighter and labelled even where the graph is too dense for labels.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      cy.elements('.picked').removeClass('picked');
      cy.elements('.near').removeClass('near');
      for (const id of picked) {
        const el = cy.getElementById(id);
        el.addClass('picked');
        if (el.isNode()) el.connectedEdges().addClass('near');
      }
    });
  }, [picked, elements]);

  return <div ref={container} className="h-full w-full" data-testid="graph-canvas" role="img" aria-label="Connectivity graph (use the node list below to navigate by keyboard)" />;
}
