import { summarizeRights } from '@/lib/diff/accessDiff';
import { exposureLabel } from '@/lib/diff/connectivityDiff';
import type { ObjectRef } from '@/lib/model';
import { Badge, type Tone } from '../ui/Badge';
import { plural } from '@/viewmodels/ui/format';
import { Table, Td } from '../ui/Table';
import { DiffGraph } from './DiffGraph';
import type { WhatIfResponse } from './WhatIfForm';

const SEVERITY_TONE: Record<string, Tone> = { high: 'bad', medium: 'warn', low: 'info' };
const CHANGE_TONE: Record<string, Tone> = { added: 'good', removed: 'bad', changed: 'warn', gained: 'warn', lost: 'info' };
const ref = (r: ObjectRef) => `${r.kind} ${r.namespace ? `${r.namespace}/` : ''}${r.name}`;
// Long lists stay readable in the page; everything is in the API answer.
const SHOWN = 200;

/** The connections and access a what-if changes, with the objects it applied. */
export function WhatIfResults({ result }: { result: WhatIfResponse }) {
  const { connections, access, findings } = result.diff;
  const count = (c: string) => connections.filter((x) => x.change === c).length;
  const exposures = connections.filter((c) => c.exposure).length;
  const applied = [...result.created.map((r) => `created ${ref(r)}`), ...result.replaced.map((r) => `replaced ${ref(r)}`), ...result.deleted.map((r) => `deleted ${ref(r)}`)];
  return (
    <div className="space-y-4" data-testid="whatif-result">
      <section className="rounded-lg border border-zinc-800 bg-zinc-900/60 px-4 py-3 text-sm text-zinc-200">
        <p data-testid="whatif-summary">
          <strong className="text-white">Connections:</strong> {count('added')} added, {count('removed')} removed, {count('changed')} changed ·{' '}
          <strong className="text-white">Access:</strong> {access.filter((a) => a.change === 'gained').length} gained, {access.filter((a) => a.change === 'lost').length} lost
        </p>
        {exposures > 0 && (
          <p role="alert" className="mt-2 rounded-md border border-amber-800 bg-amber-950/60 px-3 py-1.5 text-amber-100" data-testid="whatif-exposure">
            {plural(exposures, 'connection')} newly open (or open on more ports) from outside the cluster or across namespaces.
          </p>
        )}
        <p className="mt-2 text-zinc-400">Applied to a copy: {applied.length ? applied.join('; ') : 'nothing'}.</p>
      </section>

      {connections.length > 0 && (
        <section className="rounded-lg border border-zinc-800 bg-zinc-900/60">
          <h2 className="border-b border-zinc-800 px-4 py-2.5 text-sm font-semibold text-zinc-100">Changed connections</h2>
          <div className="px-4 py-3">
            <DiffGraph edges={result.graph.slice(0, SHOWN)} />
          </div>
          <Table caption="Connections added, removed and changed" head={['Change', 'From', 'To', 'Before', 'After', 'Note']}>
            {connections.slice(0, SHOWN).map((c) => (
              <tr key={`${c.src}>${c.dst}`} data-testid="whatif-connection" data-change={c.change}>
                <Td><Badge tone={CHANGE_TONE[c.change]}>{c.change}</Badge></Td>
                <Td className="font-mono text-xs text-zinc-200">{c.src}</Td>
                <Td className="font-mono text-xs text-zinc-200">{c.dst}</Td>
                <Td className="text-zinc-300">{c.before}</Td>
                <Td className="text-zinc-100">{c.after}</Td>
                <Td className="text-amber-200">{exposureLabel(c)}</Td>
              </tr>
            ))}
          </Table>
          {connections.length > SHOWN && <p className="px-4 py-2 text-sm text-zinc-400">and {connections.length - SHOWN} more (the API answer has them all).</p>}
        </section>
      )}

      {access.length > 0 && (
        <section className="rounded-lg border border-zinc-800 bg-zinc-900/60">
          <h2 className="border-b border-zinc-800 px-4 py-2.5 text-sm font-semibold text-zinc-100">Who can change NetworkPolicies and workloads</h2>
          <Table caption="Subjects who gain or lose rights" head={['Change', 'Subject', 'Capability', 'Namespace', 'Rights', 'Through']}>
            {access.map((a) => (
              <tr key={`${a.change}|${a.subject}|${a.capability}|${a.namespace ?? '*'}`} data-testid="whatif-access">
                <Td><Badge tone={CHANGE_TONE[a.change]}>{a.change}</Badge></Td>
                <Td className="font-mono text-xs text-zinc-200">{a.subject}</Td>
                <Td className="text-zinc-200">{a.capability}</Td>
                <Td className="text-zinc-300">{a.namespace ?? 'all (ClusterRoleBinding)'}</Td>
                <Td className="text-zinc-300">{summarizeRights(a.rights)}</Td>
                <Td className="font-mono text-xs text-zinc-400">{a.via.join('; ')}</Td>
              </tr>
            ))}
          </Table>
        </section>
      )}
      {findings && findings.introduced.length + findings.resolved.length > 0 && (
        <section className="rounded-lg border border-zinc-800 bg-zinc-900/60">
          <h2 className="border-b border-zinc-800 px-4 py-2.5 text-sm font-semibold text-zinc-100">Findings the change introduces and resolves</h2>
          <Table caption="Findings introduced and resolved" head={['Change', 'Severity', 'Rule', 'Finding']}>
            {[...findings.introduced.map((f) => ({ f, change: 'introduced' })), ...findings.resolved.map((f) => ({ f, change: 'resolved' }))].slice(0, SHOWN).map(({ f, change }) => (
              <tr key={`${change}|${f.id}`} data-testid="whatif-finding" data-change={change}>
                <Td><Badge tone={change === 'introduced' ? 'bad' : 'good'}>{change}</Badge></Td>
                <Td><Badge tone={SEVERITY_TONE[f.severity]}>{f.severity}</Badge></Td>
                <Td className="font-mono text-xs text-zinc-300">{f.ruleId}</Td>
                <Td className="text-zinc-200">{f.title}</Td>
              </tr>
            ))}
          </Table>
        </section>
      )}
      {connections.length === 0 && access.length === 0 && (
        <p className="rounded-lg border border-zinc-800 bg-zinc-900/60 px-4 py-3 text-sm text-zinc-300" data-testid="whatif-nochange">
          No change to connectivity or to who can change NetworkPolicies and workloads.
        </p>
      )}
    </div>
  );
}
