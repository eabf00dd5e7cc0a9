import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import type { Pod } from '@/lib/model';
import { explain } from '@/lib/netpol/explain';
import { PodCard } from '@/components/explain/PodCard';
import { VerdictPanel } from '@/components/explain/VerdictPanel';
import { parseExplainQuery, podKey, PROTOCOLS } from '@/components/explain/explainQuery';
import { SourceFailurePanel } from '@/components/shell/SourceFailurePanel';
import { EmptyState } from '@/components/ui/EmptyState';
import { PageHeader } from '@/components/ui/PageHeader';
import { Panel } from '@/components/ui/Panel';
import { compiledSnapshot } from '@/server/analyses';
import { loadSnapshot } from '@/server/snapshotStore';

export const metadata: Metadata = { title: 'Explain' };

const FIELD = 'mt-1 h-9 w-full rounded-md border border-zinc-700 bg-zinc-950 px-2.5 py-1.5 text-sm text-zinc-100';

export default async function ExplainPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const result = await loadSnapshot();
  if (!result.ok) return <SourceFailurePanel failure={result.failure} />;
  const s = result.snapshot;
  const q = parseExplainQuery(await searchParams, s);
  const answer =
    q.from && q.to ? explain(compiledSnapshot(s), { from: podKey(q.from), to: podKey(q.to), port: q.port, protocol: q.protocol }) : undefined;
  const byNamespace = new Map<string, Pod[]>();
  for (const p of [...s.pods].sort((a, b) => podKey(a).localeCompare(podKey(b)))) {
    byNamespace.set(p.namespace, [...(byNamespace.get(p.namespace) ?? []), p]);
  }
  return (
    <>
      <PageHeader title="Explain" description="Can one pod reach another on a port, and which policies and rules decide it." />
      {s.pods.length === 0 ? (
        <Panel>
          <EmptyState title="No pods in this snapshot">Explain needs at least one pod or controller with a pod template.</EmptyState>
        </Panel>
      ) : (
        <div className="space-y-4">
          <Panel>
            <form method="get" action="/explain" className="grid gap-3 p-4 md:grid-cols-[1fr_1fr_8rem_7rem_auto] md:items-end">
              <Field id="explain-from" label="Source pod">
                <PodSelect id="explain-from" name="from" value={q.fromKey} groups={byNamespace} />
              </Field>
              <Field id="explain-to" label="Destination pod">
                <PodSelect id="explain-to" name="to" value={q.toKey} groups={byNamespace} />
              </Field>
              <Field id="explain-port" label="Port">
                <input id="explain-port" name="port" defaultValue={q.port?.toString() ?? ''} placeholder="any" className={FIELD} />
              </Field>
              <Field id="explain-protocol" label="Protocol">
                <select id="explain-protocol" name="protocol" defaultValue={q.protocol} className={FIELD}>
                  {PROTOCOLS.map((p) => (
                    <option key={p}>{p}</option>
                  ))}
                </select>
              </Field>
              <button type="submit" className="rounded-md bg-sky-700 px-4 py-1.5 text-sm font-medium text-white hover:bg-sky-600">
                Explain
              </button>
            </form>
            {q.problems.length > 0 && (
              <ul role="alert" className="border-t border-zinc-800 px-4 py-2 text-sm text-amber-200">
                {q.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            )}
          </Panel>
          <div className="grid gap-4 lg:grid-cols-2">
            <PodCard role="Source" pod={q.from} />
            <PodCard role="Destination" pod={q.to} />
          </div>
          <Panel title="Verdict">
            {answer === undefined ? (
              <p className="px-4 py-3 text-sm text-zinc-400">Pick a source and a destination pod, optionally a port, then Explain.</p>
            ) : answer.ok ? (
              <VerdictPanel explanation={answer.explanation} />
            ) : (
              <p role="alert" className="px-4 py-3 text-sm text-amber-200">
                {answer.message}
              </p>
            )}
          </Panel>
        </div>
      )}
    </>
  );
}

/** A form control with its label above it (a separate label, so the control's name is the label alone). */
function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="text-xs font-medium text-zinc-300">
        {label}
      </label>
      {children}
    </div>
  );
}

function PodSelect({ id, name, value, groups }: { id: string; name: string; value: string; groups: ReadonlyMap<string, readonly Pod[]> }) {
  return (
    <select id={id} name={name} defaultValue={value} className={FIELD}>
      <option value="">Choose a pod…</option>
      {[...groups].map(([ns, pods]) => (
        <optgroup key={ns} label={ns}>
          {pods.map((p) => (
            <option key={podKey(p)} value={podKey(p)}>
              {p.name}
              {p.fromTemplate ? ' (template)' : ''}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
