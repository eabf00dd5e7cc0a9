import Link from 'next/link';
import type { ChangeSet } from '@/lib/history/types';
import { summarizeRights } from '@/lib/diff/accessDiff';
import { DiffGraph } from '@/components/whatif/DiffGraph';
import { Badge } from '@/components/ui/Badge';
import { Panel } from '@/components/ui/Panel';
import { Table, Td } from '@/components/ui/Table';
import { changeSetHeadline, objectDiffs } from '@/viewmodels/history/historyView';
import { graphEdgeChanges } from '@/viewmodels/whatif/whatIfGraph';

const LINE: Record<string, string> = { '+': 'bg-emerald-950/60 text-emerald-200', '-': 'bg-red-950/60 text-red-200', ' ': 'text-zinc-400' };

/** One version: each object's YAML diff and who made it, then its effects and the alerts it raised. */
export function ChangeSetDetail({ cs }: { cs: ChangeSet }) {
  const head = changeSetHeadline(cs);
  const e = cs.effects;
  const at = `at=${cs.version}`;
  return (
    <div className="space-y-4" data-testid="history-detail" data-version={cs.version}>
      <Panel
        title={`Version ${cs.version}${cs.kind === 'gap' ? ` (watch gap: between versions ${cs.fromVersion} and ${cs.version})` : ''}`}
        actions={
          <span className="flex gap-3 text-xs">
            {['graph', 'explain', 'access', 'findings'].map((p) => (
              <Link key={p} href={`/${p}?${at}`} className="text-sky-300 hover:underline">
                {p[0].toUpperCase() + p.slice(1)} at v{cs.version}
              </Link>
            ))}
          </span>
        }
      >
        <div className="space-y-1 px-4 py-3 text-sm text-zinc-300">
          <p>{head.when}</p>
          <p data-testid="history-effects-summary">{head.effects}</p>
          <p className="text-xs text-zinc-400">
            Content hash (as the audit report computes it): <code className="break-all">{cs.contentHash ?? 'pending'}</code>
          </p>
        </div>
      </Panel>
      {objectDiffs(cs).map((o, i) => (
        <Panel key={i} title={o.title} actions={<span className="text-xs text-zinc-400" data-testid="history-who">{o.who}</span>}>
          <pre className="overflow-x-auto px-4 py-2 font-mono text-xs leading-5" data-testid="history-yaml-diff">
            {o.diff.map((l, k) => (
              <div key={k} className={LINE[l.op]}>
                {l.op}
                {l.text}
              </div>
            ))}
          </pre>
        </Panel>
      ))}
      {e && e.connections.items.length > 0 && (
        <Panel title={`Connections: +${e.connections.added} added, −${e.connections.removed} removed, ${e.connections.changed} changed${e.connections.omitted ? ` (${e.connections.omitted} more not listed)` : ''}`}>
          <div className="px-4 py-3">
            <DiffGraph edges={graphEdgeChanges(e.connections.items.slice(0, 40))} />
          </div>
          <Table caption="Connection changes" head={['change', 'from', 'to', 'before', 'after']}>
            {e.connections.items.slice(0, 100).map((c, i) => (
              <tr key={i} data-testid="history-connection">
                <Td>
                  <Badge tone={c.change === 'removed' ? 'good' : c.exposure ? 'bad' : 'warn'}>{c.change}</Badge>
                </Td>
                <Td className="font-mono text-xs">{c.src}</Td>
                <Td className="font-mono text-xs">{c.dst}</Td>
                <Td>{c.before}</Td>
                <Td>{c.after}</Td>
              </tr>
            ))}
          </Table>
        </Panel>
      )}
      {e && (e.access.length > 0 || e.escalation.length > 0) && (
        <Panel title="Access gained and lost">
          <Table caption="Access changes" head={['change', 'subject', 'where', 'rights', 'through']}>
            {e.access.map((a, i) => (
              <tr key={`a${i}`} data-testid="history-access">
                <Td>
                  <Badge tone={a.change === 'gained' ? 'bad' : 'good'}>{a.change}</Badge>
                </Td>
                <Td className="font-mono text-xs">{a.subject}</Td>
                <Td>{a.namespace ?? 'every namespace'}</Td>
                <Td>
                  {a.capability}: {summarizeRights(a.rights)}
                </Td>
                <Td className="text-xs text-zinc-400">{a.via.join('; ')}</Td>
              </tr>
            ))}
            {e.escalation.map((x, i) => (
              <tr key={`e${i}`} data-testid="history-escalation">
                <Td>
                  <Badge tone={x.change === 'gained' ? 'bad' : 'good'}>escalation {x.change}</Badge>
                </Td>
                <Td className="font-mono text-xs">{x.subject}</Td>
                <Td>{x.namespace}</Td>
                <Td>can become a NetworkPolicy editor</Td>
                <Td className="text-xs text-zinc-400">{x.steps.join('; ')}</Td>
              </tr>
            ))}
          </Table>
        </Panel>
      )}
      {e && (e.defaultDenies.length > 0 || e.findings.opened.length > 0 || e.findings.closed.length > 0) && (
        <Panel title="Default denies and findings">
          <ul className="space-y-1 px-4 py-3 text-sm">
            {e.defaultDenies.map((d, i) => (
              <li key={`d${i}`} data-testid="history-default-deny">
                <Badge tone={d.change === 'removed' ? 'bad' : 'good'}>default deny {d.change}</Badge> {d.direction} in {d.namespace}
              </li>
            ))}
            {e.findings.opened.map((f) => (
              <li key={`o${f.id}`}>
                <Badge tone="bad">opened</Badge> [{f.severity}] {f.title} <span className="text-xs text-zinc-500">{f.id}</span>
              </li>
            ))}
            {e.findings.closed.map((f) => (
              <li key={`c${f.id}`}>
                <Badge tone="good">closed</Badge> [{f.severity}] {f.title} <span className="text-xs text-zinc-500">{f.id}</span>
              </li>
            ))}
          </ul>
        </Panel>
      )}
      {cs.alerts.length > 0 && (
        <Panel title="Alert deliveries">
          <Table caption="Alert deliveries" head={['rule', 'webhook', 'state', 'attempts', 'last error', 'delivered']}>
            {cs.alerts.map((a) => (
              <tr key={a.id} data-testid="history-alert">
                <Td>{a.rule}</Td>
                <Td>{a.target}</Td>
                <Td>
                  <Badge tone={a.state === 'delivered' ? 'good' : a.state === 'failed' ? 'bad' : a.state === 'suppressed' ? 'neutral' : 'warn'}>{a.state}</Badge>
                </Td>
                <Td>{a.attempts}</Td>
                <Td className="text-xs text-zinc-400">{a.lastError ?? ''}</Td>
                <Td className="text-xs">{a.deliveredAt ?? ''}</Td>
              </tr>
            ))}
          </Table>
        </Panel>
      )}
      {cs.effectsError && <p className="text-sm text-red-300">Effects could not be computed: {cs.effectsError}</p>}
    </div>
  );
}
