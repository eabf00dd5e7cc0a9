import { Badge, type Tone } from '../ui/Badge';
import { plural } from '@/viewmodels/ui/format';
import { Panel } from '../ui/Panel';
import type { UnreadableKind } from '@/lib/model';
import { adminTierNote, type AdminPolicyRow, type AdminRuleRow } from '@/viewmodels/policies/adminPolicyRows';
import { adminPolicyAnchor } from '@/viewmodels/graph/endpointRef';
import { EditorTables } from './EditorTables';

// A cluster-wide subject on a large cluster selects thousands of pods: list the first ones only.
const PODS_SHOWN = 100;

const ACTION_TONE: Record<AdminRuleRow['action'], Tone> = { Allow: 'good', Deny: 'bad', Pass: 'info' };

function AdminPolicyCard({ row }: { row: AdminPolicyRow }) {
  const anp = row.tier === 'AdminNetworkPolicy';
  return (
    <li data-testid="admin-policy" data-key={row.key} id={adminPolicyAnchor(row.tier, row.name)} className="border-b border-zinc-800 px-4 py-3 last:border-b-0">
      <div className="flex flex-wrap items-baseline gap-2">
        <Badge tone={anp ? 'info' : 'neutral'}>{anp ? `ANP · priority ${row.priority}` : 'Baseline (BANP)'}</Badge>
        <h3 className="font-medium text-zinc-100">{row.name}</h3>
        <span className="text-sm text-zinc-300">
          applies to <span className="font-mono text-xs">{row.subject}</span>:{' '}
          {row.subjectPods.length === 0 ? <Badge tone="warn">0 pods</Badge> : plural(row.subjectPods.length, 'pod')}
        </span>
      </div>
      {row.warnings.length > 0 && (
        <ul className="mt-2 space-y-1 text-sm text-amber-200" data-testid="admin-policy-warnings">
          {row.warnings.map((w) => (
            <li key={w.message}>
              ⚠ {w.message} <span className="text-xs text-amber-300/80">({w.code})</span>
            </li>
          ))}
        </ul>
      )}
      <ol className="mt-2 space-y-1 text-sm" aria-label={`Rules of ${row.name}, first match decides`}>
        {row.rules.map((r) => (
          <li key={r.label} className="flex flex-wrap items-baseline gap-2" data-testid="admin-rule">
            <Badge tone={ACTION_TONE[r.action]}>{r.action}</Badge>
            <span className="text-xs text-zinc-400">{r.label}</span>
            <span className="text-zinc-200">{r.sentence}</span>
            {r.peers.some((p) => p.pods === 0) && <Badge tone="warn">a peer matches no pod</Badge>}
          </li>
        ))}
        {row.rules.length === 0 && <li className="text-zinc-400">No rules: it decides nothing.</li>}
      </ol>
      <div className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-sm">
        {row.subjectPods.length > 0 && (
          <details>
            <summary className="cursor-pointer text-sky-300 hover:underline">Pods it applies to</summary>
            <ul className="mt-1 flex flex-wrap gap-1.5" data-testid="admin-subject-pods">
              {row.subjectPods.slice(0, PODS_SHOWN).map((p) => (
                <li key={p} className="rounded bg-zinc-800 px-1.5 py-0.5 font-mono text-xs text-zinc-200">
                  {p}
                </li>
              ))}
              {row.subjectPods.length > PODS_SHOWN && <li className="px-1.5 py-0.5 text-xs text-zinc-400">and {row.subjectPods.length - PODS_SHOWN} more</li>}
            </ul>
          </details>
        )}
      </div>
      <details className="mt-1 text-sm" data-testid="admin-editors">
        <summary className="cursor-pointer text-sky-300 hover:underline">
          Who can change it: {plural(row.editors.direct.length, 'direct editor')}, {plural(row.editors.indirect.length, 'indirect editor')}
        </summary>
        <p className="mt-1 text-xs text-zinc-400">
          Cluster-scoped: only ClusterRoleBindings grant it. Creating {anp ? 'an ANP with a lower priority number overrides this one' : 'or replacing the BANP changes the baseline'}, so create counts as much as update.
        </p>
        <div className="mt-2 rounded-md border border-zinc-800">
          <EditorTables direct={row.editors.direct} indirect={row.editors.indirect} />
        </div>
      </details>
    </li>
  );
}

/**
 * The admin tiers in evaluation order: AdminNetworkPolicies by priority (Allow/Deny decide, Pass hands over), then
 * the namespaces' NetworkPolicies, then the BaselineAdminNetworkPolicy for what no NetworkPolicy isolates
 * (network-policy-api, apis/v1alpha1 adminnetworkpolicy_types.go).
 */
export function AdminPolicySection({ rows, networkPolicies, unreadable }: { rows: readonly AdminPolicyRow[]; networkPolicies: number; unreadable: readonly UnreadableKind[] }) {
  const note = adminTierNote(rows, unreadable);
  const anps = rows.filter((r) => r.tier === 'AdminNetworkPolicy');
  const banp = rows.filter((r) => r.tier === 'BaselineAdminNetworkPolicy');
  return (
    <Panel title={`Admin network policies, in evaluation order: ${plural(anps.length, 'AdminNetworkPolicy', 'AdminNetworkPolicies')}, ${banp.length === 0 ? 'no baseline' : 'the baseline'}`}>
      {note.tone !== 'ok' && (
        <p data-testid="admin-tier-note" className={`border-b border-zinc-800 px-4 py-3 text-sm last:border-b-0 ${note.tone === 'unknown' ? 'text-amber-200' : 'text-zinc-400'}`}>
          {note.tone === 'unknown' ? '⚠ ' : ''}
          {note.text}
        </p>
      )}
      {rows.length > 0 && (
        <ol data-testid="admin-policies">
          {anps.map((r) => (
            <AdminPolicyCard key={r.key} row={r} />
          ))}
          <li data-testid="admin-netpol-tier" className="border-b border-zinc-800 bg-zinc-950/50 px-4 py-2 text-sm text-zinc-300 last:border-b-0">
            then the {plural(networkPolicies, 'NetworkPolicy', 'NetworkPolicies')} below decide what Pass hands over and what no admin rule matched
          </li>
          {banp.map((r) => (
            <AdminPolicyCard key={r.key} row={r} />
          ))}
        </ol>
      )}
    </Panel>
  );
}
