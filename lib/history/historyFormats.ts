// History as evidence for auditors: the period, every change with who made it, when and what it did, and the
// content hash of each version as the audit report computes it (lib/report/snapshotHash). JSON, CSV and Markdown.
import { mdCell, mdCode, mdText } from '../report/markdown';
import type { ChangeEffects } from './effects';
import type { ChangeSet, RecordedChange, VersionSummary } from './types';

/** What an export covers. */
export interface HistoryPeriod {
  readonly cluster: { readonly context: string; readonly server: string };
  readonly from?: string;
  readonly to?: string;
  readonly generatedAt: string;
  readonly tool: { readonly name: string; readonly version: string };
}

/** One line per object: `modified NetworkPolicy payments/default-deny-all`. */
export function describeChange(c: Pick<RecordedChange, 'op' | 'kind' | 'namespace' | 'name'>): string {
  return `${c.op} ${c.kind} ${c.namespace ? `${c.namespace}/` : ''}${c.name}`;
}

/** Who, as evidence says it: the authenticated user (audit), or the field manager, marked as such. */
export function describeWho(c: RecordedChange): string {
  if (!c.who) return 'unknown (no audit event, no managedFields)';
  if (c.who.source === 'audit') return `${c.who.user} (audit${c.who.match === 'time' ? ', matched by time' : ''})`;
  return `field manager ${c.who.user} (managedFields, not an authenticated user)`;
}

/** When, for a version: its time, or the gap it covers. */
export function describeWhen(v: VersionSummary): string {
  if (v.kind === 'gap') return `between versions ${v.fromVersion} and ${v.version} (watch gap: ${v.gapReason}), recorded ${v.at}`;
  if (v.kind === 'baseline') return `${v.at} (first state recorded)`;
  return v.at;
}

/** The effects in one line: `+3 connections, -1 connection; 1 editor gained; default deny removed in payments; 2 findings opened`. */
export function summarizeEffects(e: ChangeEffects | undefined, state: VersionSummary['effectsState']): string {
  if (!e) return state === 'failed' ? 'effects could not be computed' : 'effects pending';
  const parts: string[] = [];
  const { added, removed, changed } = e.connections;
  if (added + removed + changed) parts.push(`connections +${added} -${removed} ~${changed}`);
  const gained = e.access.filter((a) => a.change === 'gained').length;
  const lost = e.access.length - gained;
  if (gained) parts.push(`${gained} right${gained === 1 ? '' : 's'} gained`);
  if (lost) parts.push(`${lost} right${lost === 1 ? '' : 's'} lost`);
  const esc = e.escalation.filter((x) => x.change === 'gained').length;
  if (esc) parts.push(`${esc} escalation path${esc === 1 ? '' : 's'} gained`);
  for (const d of e.defaultDenies) parts.push(`default deny ${d.direction.toLowerCase()} ${d.change} in ${d.namespace}`);
  if (e.findings.opened.length) parts.push(`${e.findings.opened.length} finding${e.findings.opened.length === 1 ? '' : 's'} opened`);
  if (e.findings.closed.length) parts.push(`${e.findings.closed.length} finding${e.findings.closed.length === 1 ? '' : 's'} closed`);
  return parts.length ? parts.join('; ') : 'no effect on connectivity, access or findings';
}

export function historyJson(period: HistoryPeriod, sets: readonly ChangeSet[]): string {
  return `${JSON.stringify(
    {
      kind: 'PerimeterHistory',
      period,
      versions: sets.map((s) => ({
        version: s.version,
        at: s.at,
        kind: s.kind,
        ...(s.kind === 'gap' ? { between: [s.fromVersion, s.version], gapReason: s.gapReason } : {}),
        contentHash: s.contentHash ?? null,
        changes: s.objects.map((o) => ({ op: o.op, kind: o.kind, namespace: o.namespace || undefined, name: o.name, resourceVersion: o.resourceVersion, observedAt: o.observedAt, via: o.via, who: o.who ?? null })),
        effects: s.effects ?? null,
        effectsState: s.effectsState,
        alerts: s.alerts.map((a) => ({ rule: a.rule, target: a.target, state: a.state, attempts: a.attempts, deliveredAt: a.deliveredAt })),
      })),
    },
    null,
    2,
  )}\n`;
}

const csvCell = (v: string | number | undefined) => {
  const s = v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) || /^[=+\-@\t]/.test(s) ? `"${(/^[=+\-@\t]/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"` : s;
};

/** One row per object change (a version without changes gets one row), formula-safe. */
export function historyCsv(sets: readonly ChangeSet[]): string {
  const rows = [['version', 'at', 'version kind', 'change', 'kind', 'namespace', 'name', 'who', 'who source', 'resourceVersion', 'effects', 'content hash']];
  for (const s of sets) {
    const effects = summarizeEffects(s.effects, s.effectsState);
    const when = s.kind === 'gap' ? `${s.at} (between ${s.fromVersion} and ${s.version})` : s.at;
    if (s.objects.length === 0) rows.push([String(s.version), when, s.kind, '', '', '', '', '', '', '', effects, s.contentHash ?? '']);
    for (const o of s.objects) rows.push([String(s.version), when, s.kind, o.op, o.kind, o.namespace, o.name, o.who?.user ?? '', o.who?.source ?? '', o.resourceVersion ?? '', effects, s.contentHash ?? '']);
  }
  return `${rows.map((r) => r.map(csvCell).join(',')).join('\n')}\n`;
}

/** Markdown: the period, then one section per version. */
export function historyMd(period: HistoryPeriod, sets: readonly ChangeSet[]): string {
  const o: string[] = [
    `# Changes to ${mdText(period.cluster.context)} (${mdText(period.cluster.server)})`,
    '',
    `Period: ${mdText(period.from ?? 'first recorded version')} to ${mdText(period.to ?? 'now')} · ${sets.length} version${sets.length === 1 ? '' : 's'} · generated ${mdText(period.generatedAt)} by ${mdText(`${period.tool.name} ${period.tool.version}`)}`,
    '',
    ...historyMdSections(sets, 2),
  ];
  return `${o.join('\n')}\n`;
}

/** The per-version sections at heading `level` (the audit report nests them under its own heading). */
export function historyMdSections(sets: readonly ChangeSet[], level: number): string[] {
  const h = '#'.repeat(level);
  const o: string[] = [];
  if (sets.length === 0) o.push('No change was recorded in the period.', '');
  for (const s of sets) {
    o.push(`${h}# Version ${s.version}: ${mdText(describeWhen(s))}`, '');
    o.push(`Content hash: ${mdCode(s.contentHash ?? 'pending')} · Effects: ${mdText(summarizeEffects(s.effects, s.effectsState))}`, '');
    if (s.objects.length) {
      o.push('| change | who | resourceVersion |', '|---|---|---|');
      for (const c of s.objects) o.push(`| ${mdCell(describeChange(c))} | ${mdCell(describeWho(c))} | ${mdCell(c.resourceVersion ?? '')} |`);
      o.push('');
    }
  }
  return o;
}
