'use client';

import { useState, type ReactNode } from 'react';
import type { Protocol } from '@/lib/model';
import { MAX_HOPS, toggle, type GraphLevel, type GraphScope, type GraphView } from '@/viewmodels/graph/graphView';

const FIELD = 'h-8 rounded-md border border-zinc-700 bg-zinc-950 px-2 text-sm text-zinc-100 placeholder:text-zinc-500';
const SCOPES: readonly { value: GraphScope; label: string; title?: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'cross-namespace', label: 'Cross-namespace' },
  { value: 'external', label: 'External' },
  { value: 'internet', label: 'Internet', title: 'Reachable from the internet: the workloads entry points reach through their policies, and what they reach next' },
];

interface Props {
  readonly view: GraphView;
  readonly namespaces: readonly string[];
  readonly selectorError?: string;
  readonly onChange: (patch: Partial<GraphView>) => void;
}

/** The graph's filters: namespaces, label selector, port/protocol, scope, level, blast-radius hops. All in the URL. */
export function GraphFilters({ view, namespaces, selectorError, onChange }: Props) {
  return (
    <div className="flex flex-wrap items-end gap-3 px-4 py-3" data-testid="graph-filters">
      <NamespacePicker all={namespaces} chosen={view.namespaces} onChange={(ns) => onChange({ namespaces: ns, expanded: [] })} />
      <Labelled id="graph-labels" label="Label selector">
        <CommitInput id="graph-labels" value={view.labels} placeholder="app=checkout, tier in (backend)" className={`${FIELD} w-52 font-mono`} onCommit={(labels) => onChange({ labels })} invalid={selectorError !== undefined} />
      </Labelled>
      <Labelled id="graph-port" label="Port">
        <CommitInput id="graph-port" value={view.port?.toString() ?? ''} placeholder="any" className={`${FIELD} w-20`} inputMode="numeric" onCommit={(p) => onChange({ port: /^\d+$/.test(p) && +p >= 1 && +p <= 65535 ? +p : undefined, protocol: p === '' ? view.protocol : view.protocol ?? 'TCP' })} />
      </Labelled>
      <Labelled id="graph-protocol" label="Protocol">
        <select id="graph-protocol" value={view.protocol ?? ''} onChange={(e) => onChange({ protocol: (e.target.value || undefined) as Protocol | undefined })} className={FIELD}>
          <option value="">any</option>
          <option>TCP</option>
          <option>UDP</option>
          <option>SCTP</option>
        </select>
      </Labelled>
      <fieldset className="flex flex-col">
        <legend className="text-xs font-medium text-zinc-300">Show</legend>
        <div className="mt-1 flex h-8 overflow-hidden rounded-md border border-zinc-700">
          {SCOPES.map((s) => (
            <label key={s.value} title={s.title} className={`flex cursor-pointer items-center px-2 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-sky-400 ${view.scope === s.value ? 'bg-sky-800 text-white' : 'bg-zinc-950 text-zinc-300 hover:bg-zinc-800'}`}>
              <input type="radio" name="graph-scope" value={s.value} checked={view.scope === s.value} onChange={() => onChange({ scope: s.value })} className="sr-only" />
              {s.label}
            </label>
          ))}
        </div>
      </fieldset>
      <Labelled id="graph-level" label="Nodes">
        <select id="graph-level" value={view.level} onChange={(e) => onChange({ level: e.target.value as GraphLevel, expanded: [] })} className={FIELD}>
          <option value="auto">auto</option>
          <option value="workload">workloads</option>
          <option value="namespace">namespaces</option>
        </select>
      </Labelled>
      <Labelled id="graph-hops" label="Blast radius">
        <select id="graph-hops" value={view.hops} onChange={(e) => onChange({ hops: Number(e.target.value) })} className={FIELD} title="Hops highlighted around the focused node">
          {Array.from({ length: MAX_HOPS }, (_, i) => i + 1).map((h) => (
            <option key={h} value={h}>
              {h} hop{h === 1 ? '' : 's'}
            </option>
          ))}
        </select>
      </Labelled>
      {selectorError && (
        <p role="alert" className="basis-full text-sm text-amber-200">
          Label selector ignored: {selectorError}
        </p>
      )}
    </div>
  );
}

function Labelled({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-zinc-300">
        {label}
      </label>
      {children}
    </div>
  );
}

/** A text input that applies its value on Enter or when it loses focus (a filter per keystroke would relayout each time). */
function CommitInput({ value, onCommit, invalid, ...rest }: { id: string; value: string; placeholder: string; className: string; inputMode?: 'numeric'; invalid?: boolean; onCommit: (v: string) => void }) {
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  // Follow the URL when it changes elsewhere (back button, reset).
  if (seen !== value) {
    setSeen(value);
    setText(value);
  }
  const commit = () => {
    if (text.trim() !== value) onCommit(text.trim());
  };
  return (
    <input
      {...rest}
      value={text}
      aria-invalid={invalid || undefined}
      spellCheck={false}
      autoComplete="off"
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') setText(value);
      }}
    />
  );
}

/** Namespaces as a searchable checkbox list in a disclosure (keyboard: Tab, Space). */
function NamespacePicker({ all, chosen, onChange }: { all: readonly string[]; chosen: readonly string[]; onChange: (ns: string[]) => void }) {
  const [query, setQuery] = useState('');
  // The list is rendered only while open: hundreds of hidden checkboxes would be re-rendered on every filter change.
  const [open, setOpen] = useState(false);
  const shown = open ? all.filter((n) => n.includes(query.trim())) : [];
  return (
    <details className="relative" data-testid="graph-namespaces" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className={`${FIELD} flex cursor-pointer list-none items-center gap-1 self-end`} aria-label="Namespaces">
        <span className="text-zinc-300">Namespaces:</span>
        <span className="max-w-48 truncate">{chosen.length === 0 ? 'all' : chosen.join(', ')}</span>
        <span aria-hidden className="text-zinc-500">▾</span>
      </summary>
      <div className="absolute z-20 mt-1 w-72 rounded-md border border-zinc-700 bg-zinc-900 p-2 shadow-xl">
        <input aria-label="Find a namespace" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Find a namespace" className={`${FIELD} w-full`} />
        <div className="mt-2 max-h-64 overflow-y-auto">
          {shown.map((n) => (
            <label key={n} className="flex items-center gap-2 rounded px-1.5 py-1 text-sm text-zinc-200 hover:bg-zinc-800">
              <input type="checkbox" checked={chosen.includes(n)} onChange={() => onChange(toggle(chosen, n))} className="accent-sky-500" />
              {n}
            </label>
          ))}
          {shown.length === 0 && <p className="px-1.5 py-1 text-sm text-zinc-400">No namespace matches.</p>}
        </div>
        {chosen.length > 0 && (
          <button type="button" onClick={() => onChange([])} className="mt-2 text-xs text-sky-300 hover:underline">
            Clear ({chosen.length})
          </button>
        )}
      </div>
    </details>
  );
}
