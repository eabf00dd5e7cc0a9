import { connlistNameOfId as label } from '@/viewmodels/graph/elementIds';
import type { GraphEdgeChange } from '@/viewmodels/whatif/whatIfGraph';

const COLOR: Record<GraphEdgeChange['change'], string> = { added: '#34d399', removed: '#f87171', changed: '#fbbf24' };
const ROW = 26;
const WIDTH = 1000;
const LABEL = 330;
const MAX_CHARS = 44;

const clip = (s: string, fromStart: boolean) => (s.length <= MAX_CHARS ? s : fromStart ? `…${s.slice(-(MAX_CHARS - 1))}` : `${s.slice(0, MAX_CHARS - 1)}…`);

/**
 * The changed connections drawn as a two-column graph: sources left, destinations right, one line per change
 * (added green, removed red dashed, changed amber). A stand-in until the Graph page can overlay the same edge ids.
 */
export function DiffGraph({ edges }: { edges: readonly GraphEdgeChange[] }) {
  const sources = [...new Set(edges.map((e) => e.source))].sort();
  const targets = [...new Set(edges.map((e) => e.target))].sort();
  const height = Math.max(sources.length, targets.length) * ROW + 16;
  const y = (list: string[], id: string) => 8 + list.indexOf(id) * ROW + ROW / 2;
  return (
    <svg role="img" aria-label={`${edges.length} changed connection(s) between ${sources.length} source(s) and ${targets.length} destination(s)`} viewBox={`0 0 ${WIDTH} ${height}`} className="w-full max-w-5xl" data-testid="whatif-graph">
      {edges.map((e) => (
        <line key={e.id} data-change={e.change} x1={LABEL + 6} y1={y(sources, e.source)} x2={WIDTH - LABEL - 6} y2={y(targets, e.target)} stroke={COLOR[e.change]} strokeWidth={2} strokeDasharray={e.change === 'removed' ? '6 4' : undefined}>
          <title>{`${e.change}: ${label(e.source)} → ${label(e.target)} (${e.ports})`}</title>
        </line>
      ))}
      {sources.map((s) => (
        <text key={`s-${s}`} x={LABEL} y={y(sources, s) + 4} textAnchor="end" fontSize={12} fontFamily="ui-monospace, monospace" fill="#e4e4e7">
          {clip(label(s), true)}
        </text>
      ))}
      {targets.map((t) => (
        <text key={`t-${t}`} x={WIDTH - LABEL} y={y(targets, t) + 4} fontSize={12} fontFamily="ui-monospace, monospace" fill="#e4e4e7">
          {clip(label(t), false)}
        </text>
      ))}
    </svg>
  );
}
