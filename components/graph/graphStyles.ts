import type { StylesheetJson } from 'cytoscape';
import { AGGREGATED_NODE } from '@/viewmodels/graph/toGraphElements';

/** Colours of the graph, also used by the legend (Tailwind's palette; >= 4.5:1 on the zinc-950 canvas for text). */
export const GRAPH_COLORS = {
  workload: '#38bdf8', // sky-400
  pod: '#7dd3fc', // sky-300
  external: '#c4b5fd', // violet-300
  open: '#fbbf24', // amber-400: open to all
  upstream: '#fb923c', // orange-400: can reach the focus
  downstream: '#34d399', // emerald-400: reached from the focus
  focus: '#f472b6', // pink-400
  edge: '#71717a', // zinc-500
  text: '#e4e4e7', // zinc-200
  picked: '#ffffff',
  internet: '#f87171', // red-400: the Internet node and the entry points that admit traffic from it
} as const;

const label = {
  color: GRAPH_COLORS.text,
  'font-size': 12,
  'text-wrap': 'wrap',
  'text-max-width': '140px',
  'text-background-color': '#09090b',
  'text-background-opacity': 0.75,
  'text-background-padding': '2px',
  'text-background-shape': 'roundrectangle',
  // Cytoscape compares the font size scaled to the zoom's power of two (0.25-0.5 counts as 0.5): at 6, 12 px names
  // (workloads, namespaces) stay down to a quarter zoom, while 10-11 px text (ports on edges, pods, ranges, folded
  // namespaces), a few pixels high by then, goes below half zoom: a zoomed-out 700-edge graph is decluttered and
  // spared drawing those labels.
  'min-zoomed-font-size': 6,
} as const;

/** The one stylesheet of the connectivity graph. Classes come from `toGraphElements`. */
export const GRAPH_STYLES: StylesheetJson = [
  { selector: 'node', style: { ...label, label: 'data(label)', 'text-valign': 'bottom', 'text-margin-y': 4, width: 22, height: 22, 'background-color': GRAPH_COLORS.workload, 'border-width': 0 } },
  { selector: 'node.pod', style: { width: 14, height: 14, 'background-color': GRAPH_COLORS.pod, 'font-size': 10 } },
  { selector: 'node.external', style: { shape: 'diamond', 'background-color': GRAPH_COLORS.external, 'font-size': 10 } },
  // The "reachable from the internet" view: where the traffic comes from, and the stand-in for a controller not in the snapshot.
  { selector: 'node.internet', style: { shape: 'star', width: 40, height: 40, 'background-color': GRAPH_COLORS.internet, 'font-weight': 'bold' } },
  { selector: 'node.stand-in', style: { shape: 'hexagon', 'background-color': '#a16207', 'border-style': 'dashed', 'border-width': 2, 'border-color': '#fde68a' } },
  { selector: 'node.host', style: { shape: 'hexagon' } },
  { selector: 'node.inactive', style: { 'background-opacity': 0.35, 'border-width': 2, 'border-style': 'dashed', 'border-color': GRAPH_COLORS.workload } },
  { selector: 'node.open-in', style: { 'border-width': 4, 'border-style': 'double', 'border-color': GRAPH_COLORS.open } },
  {
    selector: ':parent',
    style: {
      'background-color': '#18181b',
      'background-opacity': 0.7,
      'border-width': 1,
      'border-color': '#52525b',
      'text-valign': 'top',
      'text-halign': 'center',
      'text-margin-y': -4,
      'font-size': 12,
      'font-weight': 'bold',
      padding: '14px',
      shape: 'round-rectangle',
    },
  },
  { selector: 'node.externals:parent', style: { 'border-style': 'dashed', 'border-color': GRAPH_COLORS.external } },
  { selector: 'node.workload.expanded', style: { 'border-color': GRAPH_COLORS.workload, 'background-color': '#0c1a24' } },
  {
    selector: 'node.aggregated',
    style: { shape: 'round-rectangle', width: AGGREGATED_NODE.width, height: AGGREGATED_NODE.height, 'text-max-width': '128px', 'font-size': 11, 'text-valign': 'center', 'text-margin-y': 0, 'background-color': '#172554', 'border-width': 1, 'border-color': '#3b82f6', 'text-background-opacity': 0 },
  },
  { selector: 'node.aggregated.externals', style: { 'background-color': '#2e1065', 'border-color': GRAPH_COLORS.external } },
  { selector: 'node.aggregated.has-open', style: { 'border-width': 3, 'border-color': GRAPH_COLORS.open } },
  {
    selector: 'edge',
    style: {
      width: 1.5,
      'curve-style': 'bezier',
      'line-color': GRAPH_COLORS.edge,
      'target-arrow-shape': 'triangle',
      'target-arrow-color': GRAPH_COLORS.edge,
      'arrow-scale': 0.9,
      label: 'data(label)',
      ...label,
      'font-size': 11,
      color: '#d4d4d8',
      'text-rotation': 'autorotate',
    },
  },
  { selector: 'edge.aggregated', style: { width: 'mapData(count, 1, 50, 1.5, 6)' } },
  // Entry points that admit internet traffic (lib/exposure's open paths); dashed where a stand-in controller is assumed.
  { selector: 'edge.internet', style: { width: 2.5, 'line-color': GRAPH_COLORS.internet, 'target-arrow-color': GRAPH_COLORS.internet, 'mid-target-arrow-color': GRAPH_COLORS.internet, color: '#fecaca' } },
  { selector: 'edge.internet.assumed', style: { 'line-style': 'dashed' } },
  // Haystack edges support only mid arrows; both directions between two nodes share one line, each with its arrow.
  // No port labels: hundreds of them overlap into an unreadable band (the side panel lists them per node and edge).
  { selector: 'edge.dense', style: { 'curve-style': 'haystack', 'haystack-radius': 0, 'target-arrow-shape': 'none', 'mid-target-arrow-shape': 'triangle', 'mid-target-arrow-color': GRAPH_COLORS.edge, label: '' } },
  // The edges of the picked node: labelled even where the graph is too dense for labels (counts between namespaces).
  { selector: 'edge.near', style: { label: 'data(label)', 'line-color': '#a1a1aa', 'target-arrow-color': '#a1a1aa', 'mid-target-arrow-color': '#a1a1aa', 'z-index': 9 } },
  { selector: '.dimmed', style: { opacity: 0.18 } },
  { selector: 'node.focus', style: { 'border-width': 4, 'border-color': GRAPH_COLORS.focus, 'border-style': 'solid' } },
  { selector: 'node.upstream', style: { 'background-color': GRAPH_COLORS.upstream } },
  { selector: 'node.downstream', style: { 'background-color': GRAPH_COLORS.downstream } },
  { selector: 'edge.upstream', style: { 'line-color': GRAPH_COLORS.upstream, 'target-arrow-color': GRAPH_COLORS.upstream, 'mid-target-arrow-color': GRAPH_COLORS.upstream, width: 2.5 } },
  { selector: 'edge.downstream', style: { 'line-color': GRAPH_COLORS.downstream, 'target-arrow-color': GRAPH_COLORS.downstream, 'mid-target-arrow-color': GRAPH_COLORS.downstream, width: 2.5 } },
  { selector: '.picked', style: { 'overlay-color': GRAPH_COLORS.picked, 'overlay-opacity': 0.18, 'overlay-padding': 6 } },
  { selector: 'node.picked', style: { 'border-width': 3, 'border-color': GRAPH_COLORS.picked, 'border-style': 'solid' } },
  { selector: 'edge.picked', style: { 'line-color': GRAPH_COLORS.picked, 'target-arrow-color': GRAPH_COLORS.picked, 'mid-target-arrow-color': GRAPH_COLORS.picked, width: 3 } },
];
