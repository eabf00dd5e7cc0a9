'use client';

import type { GraphElements } from '@/viewmodels/graph/toGraphElements';

interface Props {
  readonly elements: GraphElements;
  readonly selected: readonly string[];
  readonly focus?: string;
  readonly onPick: (id: string, additive: boolean) => void;
  readonly onFocus: (id: string | undefined) => void;
}

const BUTTON = 'rounded border border-zinc-700 px-2 py-0.5 text-xs text-zinc-100 hover:bg-zinc-800 aria-pressed:border-sky-500 aria-pressed:bg-sky-900';

/** The drawn nodes as a table: the keyboard (and screen reader) way through the graph. */
export function NodeList({ elements, selected, focus, onPick, onFocus }: Props) {
  const parents = new Set(elements.nodes.map((n) => n.data.parent).filter(Boolean));
  const leaves = elements.nodes.filter((n) => !parents.has(n.data.id)).sort((a, b) => (a.data.namespace ?? '~').localeCompare(b.data.namespace ?? '~') || a.data.label.localeCompare(b.data.label));
  const inDeg = new Map<string, number>();
  const outDeg = new Map<string, number>();
  for (const e of elements.edges) {
    inDeg.set(e.data.target, (inDeg.get(e.data.target) ?? 0) + 1);
    outDeg.set(e.data.source, (outDeg.get(e.data.source) ?? 0) + 1);
  }
  return (
    <div className="max-h-96 overflow-y-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Nodes in this view</caption>
        <thead className="sticky top-0 z-10 bg-zinc-900 text-xs text-zinc-400">
          <tr>
            <th className="px-4 py-2 font-medium">Node</th>
            <th className="px-2 py-2 font-medium">Kind</th>
            <th className="px-2 py-2 font-medium">Namespace</th>
            <th className="px-2 py-2 text-right font-medium">Reached by</th>
            <th className="px-2 py-2 text-right font-medium">Reaches</th>
            <th className="px-2 py-2 font-medium">Marks</th>
            <th className="px-4 py-2 font-medium">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-800">
          {leaves.map((n) => {
            const d = n.data;
            const name = d.label.split('\n')[0];
            return (
              <tr key={d.id} data-testid={d.kind === 'workload' ? 'workload-row' : 'graph-node-row'} className={n.classes.includes('dimmed') ? 'opacity-60' : ''}>
                <td className="px-4 py-1.5 font-mono text-xs break-all text-zinc-100">{name}</td>
                <td className="px-2 py-1.5 text-zinc-300">{d.aggregated ? `${d.kind} (${d.members})` : d.kind}</td>
                <td className="px-2 py-1.5 text-zinc-300">{d.namespace ?? '—'}</td>
                <td className="px-2 py-1.5 text-right tabular-nums text-zinc-300">{inDeg.get(d.id) ?? 0}</td>
                <td className="px-2 py-1.5 text-right tabular-nums text-zinc-300">{outDeg.get(d.id) ?? 0}</td>
                <td className="px-2 py-1.5 text-xs text-amber-200">{[d.openIn ? 'open to all' : '', n.classes.includes('inactive') ? 'no live traffic' : '', n.classes.split(' ').includes('internet-reachable') ? 'reachable from the internet' : '', n.classes.includes('upstream') ? 'reaches focus' : '', n.classes.includes('downstream') ? 'reached from focus' : ''].filter(Boolean).join(', ')}</td>
                <td className="space-x-1 px-4 py-1.5 whitespace-nowrap">
                  <button type="button" className={BUTTON} aria-pressed={selected.includes(d.id)} aria-label={`Select ${name}`} onClick={(e) => onPick(d.id, e.shiftKey)}>
                    Select
                  </button>
                  <button type="button" className={BUTTON} aria-pressed={focus === d.id} aria-label={`Blast radius of ${name}`} onClick={() => onFocus(focus === d.id ? undefined : d.id)}>
                    Focus
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
