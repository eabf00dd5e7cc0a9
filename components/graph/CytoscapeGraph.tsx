'use client';

import cytoscape, { type Core, type EventObject, type LayoutOptions } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import { GRAPH_STYLES } from './graphStyles';
import type { GraphElements } from './toGraphElements';

let registered = false;
function registerFcose() {
  if (!registered) {
    cytoscape.use(fcose);
    registered = true;
  }
}

/** What the page can ask of the drawing. */
export interface GraphHandle {
  /** The current view as a PNG data URI (the whole graph at the current zoom's detail, on the page's background). */
  png(): string;
  fit(): void;
}

interface Props {
  readonly elements: GraphElements;
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

function layoutOptions(nodes: number, randomize: boolean): LayoutOptions {
  return {
    name: 'fcose',
    // "draft" skips the spectral refinement that grows quadratically: needed to stay interactive at thousands of nodes.
    quality: nodes > 400 ? 'draft' : 'default',
    randomize,
    animate: false,
    fit: true,
    padding: 24,
    nodeDimensionsIncludeLabels: true,
    nodeSeparation: 50,
    idealEdgeLength: 70,
    nestingFactor: 0.6,
    gravity: 0.5,
    tile: true,
    numIter: nodes > 400 ? 600 : 2500,
    packComponents: true,
  } as LayoutOptions;
}

/**
 * The only component that owns Cytoscape: it creates the instance in an effect and destroys it in cleanup, patches
 * elements by id inside `cy.batch`, reruns the layout only when the element set changes, removes its listeners,
 * and reports taps upward. The instance lives in a ref, never in React state.
 */
export function CytoscapeGraph({ elements, picked, onPick, onExpand, onLayout, ref }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const laidOut = useRef(false);
  // Latest callbacks, so the instance is created once and its listeners never go stale.
  const handlers = useRef({ onPick, onExpand, onLayout });
  useEffect(() => {
    handlers.current = { onPick, onExpand, onLayout };
  });

  useImperativeHandle(ref, () => ({
    png: () => cyRef.current?.png({ output: 'base64uri', full: true, bg: '#09090b', scale: 2, maxWidth: 6000, maxHeight: 6000 }) ?? '',
    fit: () => cyRef.current?.fit(undefined, 24),
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
    return () => {
      cy.removeListener('tap', tap);
      cy.removeListener('dbltap', 'node', dbltap);
      cy.destroy();
      cyRef.current = null;
      laidOut.current = false;
    };
  }, []);

  // Patch elements by id; rerun the layout when nodes or edges came or went (or a node changed parent).
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    let changed = false;
    const want = new Set<string>([...elements.nodes.map((n) => n.data.id), ...elements.edges.map((e) => e.data.id)]);
    cy.batch(() => {
      const gone = cy.elements().filter((el) => !want.has(el.id()));
      if (gone.nonempty()) {
        cy.remove(gone);
        changed = true;
      }
      for (const n of elements.nodes) {
        const el = cy.getElementById(n.data.id);
        if (el.empty()) {
          const parentPos = n.data.parent ? cy.getElementById(n.data.parent) : undefined;
          cy.add({ group: 'nodes', data: { ...n.data }, classes: n.classes, position: parentPos?.nonempty() ? { ...parentPos.position() } : undefined });
          changed = true;
          continue;
        }
        if ((el.data('parent') ?? undefined) !== n.data.parent) {
          el.move({ parent: n.data.parent ?? null });
          changed = true;
        }
        el.data({ ...n.data });
        el.classes(n.classes);
      }
      for (const e of elements.edges) {
        const el = cy.getElementById(e.data.id);
        if (el.empty()) {
          cy.add({ group: 'edges', data: { ...e.data }, classes: e.classes });
          changed = true;
        } else {
          el.data({ ...e.data });
          el.classes(e.classes);
        }
      }
    });
    if (changed || !laidOut.current) {
      const started = performance.now();
      const layout = cy.layout(layoutOptions(elements.nodes.length, !laidOut.current));
      layout.one('layoutstop', () => handlers.current.onLayout?.(performance.now() - started));
      layout.run();
      laidOut.current = true;
    } else handlers.current.onLayout?.(0);
  }, [elements]);

  // Picked elements: a class, not Cytoscape's selection (which would fight React's state).
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      cy.elements('.picked').removeClass('picked');
      for (const id of picked) cy.getElementById(id).addClass('picked');
    });
  }, [picked, elements]);

  return <div ref={container} className="h-full w-full" data-testid="graph-canvas" role="img" aria-label="Connectivity graph (use the node list below to navigate by keyboard)" />;
}
