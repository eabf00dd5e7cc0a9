import type { GraphEdgeChange } from './whatIfGraph';

const COLOR: Record<GraphEdgeChange['change'], string> = { added: '#34d399', removed: '#f87171', changed: '#fbbf24' };
const ROW = 28;
const WIDTH = 760;

const label = (id: string) => id.replace(/^wl:/, '').replace(/^ext:/, '');

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
    <svg role="img" aria-label={`${edges.length} changed connection(s) between ${sources.length} source(s) and ${targets.length} destination(s)`} viewBox={`0 0 ${WIDTH} ${height}`} className="w-full" data-testid="whatif-graph">
      {edges.map((e) => (
        <line key={e.id} data-change={e.change} x1={250} y1={y(sources, e.source)} x2={WIDTH - 250} y2={y(targets, e.target)} stroke={COLOR[e.change]} strokeWidth={2} strokeDasharray={e.change === 'removed' ? '6 4' : undefined}>
          <title>{`${e.change}: ${label(e.source)} → ${label(e.target)} (${e.ports})`}</title>
        </line>
      ))}
      {sources.map((s) => (
        <text key={`s-${s}`} x={244} y={y(sources, s) + 4} textAnchor="end" fontSize={12} fill="#e4e4e7">
          {label(s).length > 36 ? `…${label(s).slice(-35)}` : label(s)}
        </text>
      ))}
      {targets.map((t) => (
        <text key={`t-${t}`} x={WIDTH - 244} y={y(targets, t) + 4} fontSize={12} fill="#e4e4e7">
          {label(t).length > 36 ? `${label(t).slice(0, 35)}…` : label(t)}
        </text>
      ))}
    </svg>
  );
}
