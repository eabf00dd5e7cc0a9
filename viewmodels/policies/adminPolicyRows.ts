import type { UnreadableKind, Warning } from '@/lib/model/index';
import type { AdminPolicySummary, AdminRuleSummary } from '@/lib/netpol/index';
import type { PolicyEditors } from '@/lib/rbac/index';
import { editorRows, type DirectEditorRow, type IndirectEditorRow } from './editorRows';

/** One admin rule as the Policies page reads it: `rule #2 (allow-monitoring): Allow ingress from … on every port`. */
export interface AdminRuleRow {
  readonly label: string;
  readonly action: AdminRuleSummary['action'];
  readonly sentence: string;
  /** Per peer: its text and how many pods it matches (null for networks/nodes peers, which match no pod). */
  readonly peers: readonly { readonly text: string; readonly pods: number | null }[];
}

/** An AdminNetworkPolicy or the BaselineAdminNetworkPolicy with what the Policies page shows about it. */
export interface AdminPolicyRow {
  readonly key: string;
  readonly tier: AdminPolicySummary['tier'];
  readonly name: string;
  readonly priority?: number;
  readonly subject: string;
  readonly subjectPods: readonly string[];
  readonly rules: readonly AdminRuleRow[];
  readonly warnings: readonly { readonly code: string; readonly message: string }[];
  readonly editors: { readonly direct: readonly DirectEditorRow[]; readonly indirect: readonly IndirectEditorRow[] };
}

/** `AdminNetworkPolicy/cluster-guardrails`: the key the editors map and the rows share (names are unique per kind). */
export const adminPolicyKey = (tier: AdminPolicySummary['tier'], name: string) => `${tier}/${name}`;

// `namespaces {}` is every namespace: say so rather than print an empty selector.
function peerText(text: string): string {
  if (text === 'namespaces {}') return 'every namespace';
  if (text === 'pods {} in namespaces {}') return 'every pod in every namespace';
  return text;
}

const VERB: Record<AdminRuleSummary['action'], string> = { Allow: 'Allow', Deny: 'Deny', Pass: 'Pass to NetworkPolicies' };

/** The rule in one sentence: action, direction, peers and ports, as `kubectl describe` would not. */
export function adminRuleSentence(r: AdminRuleSummary): string {
  const peers = r.peers.map((p) => peerText(p.text)).join(' or ');
  return `${VERB[r.action]} ${r.direction === 'Ingress' ? 'ingress from' : 'egress to'} ${peers} on ${r.ports}.`;
}

/**
 * The admin policies in evaluation order (as summarizeAdminPolicies returns them: ANPs by priority then name, then the
 * BANP), with their warnings (compiler and loader, matched by kind and name) and editors.
 */
export function adminPolicyRows(summaries: readonly AdminPolicySummary[], warnings: readonly Warning[], editors: ReadonlyMap<string, PolicyEditors>): AdminPolicyRow[] {
  return summaries.map((s) => {
    const key = adminPolicyKey(s.tier, s.name);
    const e = editors.get(key);
    return {
      key,
      tier: s.tier,
      name: s.name,
      ...(s.priority === undefined ? {} : { priority: s.priority }),
      subject: peerText(s.subject),
      subjectPods: s.subjectPods,
      rules: s.rules.map((r) => ({
        label: `${r.direction.toLowerCase()} rule #${r.index + 1}${r.name ? ` (${r.name})` : ''}`,
        action: r.action,
        sentence: adminRuleSentence(r),
        peers: r.peers.map((p) => ({ text: peerText(p.text), pods: p.text.startsWith('networks ') || p.text.startsWith('nodes ') ? null : p.pods.length })),
      })),
      warnings: [...new Map(warnings.filter((w) => w.object?.kind === s.tier && w.object.name === s.name).map((w) => [w.message, { code: w.code, message: w.message }])).values()],
      editors: e ? editorRows(e) : { direct: [], indirect: [] },
    };
  });
}

/**
 * What the admin tiers section says when it has no policy to list, or besides them: an unreadable admin kind means
 * the tier is unknown, never "none" (a missing guardrail read as absent would be a wrong verdict).
 */
export function adminTierNote(rows: readonly AdminPolicyRow[], unreadable: readonly UnreadableKind[]): { tone: 'unknown' | 'none' | 'ok'; text: string } {
  const missing = unreadable.map((u) => u.kind).filter((k): k is AdminPolicyRow['tier'] => k === 'AdminNetworkPolicy' || k === 'BaselineAdminNetworkPolicy');
  if (missing.length > 0) {
    const which = missing.length === 2 ? 'AdminNetworkPolicies and BaselineAdminNetworkPolicies' : missing[0] === 'AdminNetworkPolicy' ? 'AdminNetworkPolicies' : 'BaselineAdminNetworkPolicies';
    return { tone: 'unknown', text: `${which} could not be read: ${rows.length === 0 ? 'whether' : 'whether more'} admin policies override or back up the NetworkPolicies is unknown.` };
  }
  if (rows.length === 0) return { tone: 'none', text: "No AdminNetworkPolicy or BaselineAdminNetworkPolicy: the namespaces' NetworkPolicies alone decide." };
  return { tone: 'ok', text: '' };
}
