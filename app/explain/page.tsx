import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import type { Pod } from '@/lib/model';
import { explain } from '@/lib/netpol/explain';
import { resolveEndpoint, type Resolution } from '@/lib/netpol/resolveEndpoint';
import { EndpointCard } from '@/components/explain/EndpointCard';
import { FixPanel } from '@/components/explain/FixPanel';
import { VerdictPanel } from '@/components/explain/VerdictPanel';
import { proposeFixes } from '@/lib/fix';
import { fixView } from '@/viewmodels/explain/fixView';
import { PROTOCOLS } from '@/lib/model';
import { explainHref, parseExplainForm, podKey } from '@/viewmodels/explain/explainQuery';
import { HostNetworkNote } from '@/components/shell/HostNetworkNote';
import { SourceFailurePanel } from '@/components/shell/SourceFailurePanel';
import { UnreadableNotice } from '@/components/shell/UnreadableNotice';
import { ANSWER_DEPENDS_ON } from '@/viewmodels/shell/unreadableNotice';
import { EmptyState } from '@/components/ui/EmptyState';
import { PageHeader } from '@/components/ui/PageHeader';
import { Panel } from '@/components/ui/Panel';
import { analysesOf, compiledSnapshot } from '@/server/analyses';
import { TimeTravelNotice } from '@/components/history/TimeTravelNotice';
import { viewSnapshot } from '@/server/history/timeTravel';

export const metadata: Metadata = { title: 'Explain' };

const FIELD = 'mt-1 h-9 w-full rounded-md border border-zinc-700 bg-zinc-950 px-2.5 py-1.5 text-sm text-zinc-100 placeholder:text-zinc-500';
// A datalist of every pod of a 10,000-pod cluster would weigh more than the page; offer workloads only then.
const MAX_POD_OPTIONS = 2000;
// Up to this many pods, the proposed change is computed with every answer (about 1 s of CPU per check at 10,000).
const AUTO_FIX_PODS = 20_000;

export default async function ExplainPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const result = await viewSnapshot(await searchParams);
  if (!result.ok) return <SourceFailurePanel failure={result.failure} />;
  const s = result.snapshot;
  const form = parseExplainForm(await searchParams);
  const q = form.request;
  const c = compiledSnapshot(s, q.hostNetwork);
  const problems = [...form.problems];
  const resolve = (ref: string, role: string): Resolution | undefined => {
    if (ref === '') return undefined;
    const r = resolveEndpoint(c, ref);
    if (!r.ok) problems.push(`${role}: ${r.message}.`);
    return r;
  };
  const from = resolve(q.from, 'Source');
  const to = resolve(q.to, 'Destination');
  // A question with a field that could not be read is not answered: the answer would be to another question.
  const answer = from?.ok && to?.ok && form.problems.length === 0 ? explain(c, q) : undefined;
  // With a port asked, the change that flips the verdict, each candidate checked on a copy (lib/fix). Each check
  // analyses the whole snapshot again, so past AUTO_FIX_PODS it runs when asked (?propose=1).
  const params = await searchParams;
  const wantsFix = answer?.ok && (answer.explanation.port !== undefined || answer.explanation.portName);
  const proposeNow = wantsFix && (s.pods.length <= AUTO_FIX_PODS || params.propose === '1');
  const fix = answer?.ok && proposeNow ? fixView(q, proposeFixes(analysesOf(s), q, answer.explanation)) : undefined;
  const podsOf = (r?: Resolution): Pod[] => (r?.ok && r.endpoint.kind === 'pods' ? r.endpoint.pods.map((i) => c.pods[i].pod) : []);
  const workloads = [...new Set(s.pods.map((p) => `${p.workload.namespace}/${p.workload.kind}/${p.workload.name}`))].sort();
  const options = s.pods.length > MAX_POD_OPTIONS ? workloads : [...workloads, ...s.pods.map(podKey)].sort();
  return (
    <>
      <TimeTravelNotice past={result.past} livePath="/explain" />
      <PageHeader title="Explain" description="Can one pod, workload or address reach another on a port, and which policies and rules decide it — on the source's egress and on the destination's ingress." />
      <UnreadableNotice unreadable={s.unreadable} dependsOn={ANSWER_DEPENDS_ON.connectivity} />
      <HostNetworkNote pods={s.pods} mode={q.hostNetwork} switchHref={explainHref({ ...q, hostNetwork: q.hostNetwork === 'host' ? 'as-pod' : 'host' })} />
      {s.pods.length === 0 ? (
        <Panel>
          <EmptyState title="No pods in this snapshot">Explain needs at least one pod or controller with a pod template.</EmptyState>
        </Panel>
      ) : (
        <div className="space-y-4">
          <Panel>
            <form method="get" action="/explain" className="grid gap-3 p-4 md:grid-cols-[1fr_1fr_8rem_7rem_auto] md:items-end">
              <Field id="explain-from" label="Source">
                <input id="explain-from" name="from" list="explain-endpoints" defaultValue={q.from} placeholder="ns/pod, ns/Kind/workload or IP" autoComplete="off" spellCheck={false} className={FIELD} />
              </Field>
              <Field id="explain-to" label="Destination">
                <input id="explain-to" name="to" list="explain-endpoints" defaultValue={q.to} placeholder="ns/pod, ns/Kind/workload or IP" autoComplete="off" spellCheck={false} className={FIELD} />
              </Field>
              <Field id="explain-port" label="Port">
                <input id="explain-port" name="port" defaultValue={q.port?.toString() ?? ''} placeholder="any" className={FIELD} />
              </Field>
              <Field id="explain-protocol" label="Protocol">
                <select id="explain-protocol" name="protocol" defaultValue={q.protocol ?? ''} className={FIELD} title="Default: TCP for a port number; a named port's own protocol on the destination">
                  <option value="">default</option>
                  {PROTOCOLS.map((p) => (
                    <option key={p}>{p}</option>
                  ))}
                </select>
              </Field>
              <button type="submit" className="h-9 rounded-md bg-sky-700 px-4 text-sm font-medium text-white hover:bg-sky-600">
                Explain
              </button>
              {q.hostNetwork === 'host' && <input type="hidden" name="hostNetwork" value="host" />}
              <datalist id="explain-endpoints" data-testid="explain-options">
                {options.map((o) => (
                  <option key={o} value={o} />
                ))}
              </datalist>
            </form>
            {problems.length > 0 && (
              <ul role="alert" className="border-t border-zinc-800 px-4 py-2 text-sm text-amber-200">
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            )}
          </Panel>
          <div className="grid gap-4 lg:grid-cols-2">
            <EndpointCard role="Source" endpoint={from?.ok ? from.endpoint : undefined} pods={podsOf(from)} />
            <EndpointCard role="Destination" endpoint={to?.ok ? to.endpoint : undefined} pods={podsOf(to)} />
          </div>
          <Panel
            title="Verdict"
            actions={
              answer?.ok ? (
                <Link href={explainHref({ from: q.to, to: q.from, port: q.port, protocol: q.protocol, hostNetwork: q.hostNetwork })} className="text-xs text-sky-300 underline-offset-2 hover:underline">
                  Reverse direction
                </Link>
              ) : undefined
            }
          >
            {answer === undefined ? (
              <p className="px-4 py-3 text-sm text-zinc-400">Pick a source and a destination (a pod, a workload as ns/Kind/name, or an IP address), optionally a port, then Explain.</p>
            ) : answer.ok ? (
              <VerdictPanel explanation={answer.explanation} />
            ) : (
              <p role="alert" className="px-4 py-3 text-sm text-amber-200">
                {answer.message}
              </p>
            )}
          </Panel>
          {fix ? (
            <Panel title="Proposed change">
              <FixPanel view={fix} />
            </Panel>
          ) : wantsFix ? (
            <Panel title="Proposed change">
              <p className="px-4 py-3 text-sm text-zinc-300">
                Each proposed change is checked by analysing all {s.pods.length.toLocaleString('en-US')} pods again.{' '}
                <Link href={`${explainHref(q)}&propose=1`} className="text-sky-300 underline-offset-2 hover:underline" data-testid="explain-propose">
                  Propose a change
                </Link>
              </p>
            </Panel>
          ) : null}
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
