import { summarizeRights, type AccessChange } from '../diff/accessDiff';
import { exposureLabel, type ConnectionChange } from '../diff/connectivityDiff';
import { newExposures, type SnapshotDiff } from '../diff/snapshotDiff';
import { mdCell, mdCellCode } from './markdown';

const SIGN: Record<ConnectionChange['change'], string> = { added: '+', removed: '-', changed: '~' };
const scope = (a: AccessChange) => (a.namespace ? `namespace ${a.namespace}` : 'every namespace (ClusterRoleBinding)');
const exposureText = exposureLabel;

function connLine(c: ConnectionChange): string {
  const ports = c.change === 'added' ? c.after : c.change === 'removed' ? c.before : `${c.before} -> ${c.after}${c.opened ? ` (opened ${c.opened})` : ''}${c.closed ? ` (closed ${c.closed})` : ''}`;
  return `${SIGN[c.change]} ${c.src} => ${c.dst} : ${ports}${c.exposure ? `  [${exposureText(c)}]` : ''}`;
}

/** Plain text: `+`/`-`/`~` connlist lines, then access changes. */
export function diffTxt(d: SnapshotDiff): string {
  const lines = [`Connections: ${count(d, 'added')} added, ${count(d, 'removed')} removed, ${count(d, 'changed')} changed`, ...d.connections.map(connLine), ''];
  lines.push(`Access to NetworkPolicies and workloads: ${d.access.length} change(s)`);
  for (const a of d.access) lines.push(`${a.change === 'gained' ? '+' : '-'} ${a.subject} ${a.change} "${a.capability}" in ${scope(a)}: ${summarizeRights(a.rights)}`, ...a.via.map((v) => `    via ${v}`));
  if (d.findings) {
    lines.push('', `Findings: ${d.findings.introduced.length} introduced, ${d.findings.resolved.length} resolved`);
    for (const f of d.findings.introduced) lines.push(`+ ${f.severity.toUpperCase()} ${f.ruleId}  ${f.title}`);
    for (const f of d.findings.resolved) lines.push(`- ${f.severity.toUpperCase()} ${f.ruleId}  ${f.title}`);
  }
  return `${lines.join('\n')}\n`;
}

function count(d: SnapshotDiff, change: ConnectionChange['change']): number {
  return d.connections.filter((c) => c.change === change).length;
}

/** JSON: both lists, counts and the new exposures. */
export function diffJson(d: SnapshotDiff): string {
  const findings = d.findings ? { introducedFindings: d.findings.introduced.length, resolvedFindings: d.findings.resolved.length } : {};
  return `${JSON.stringify({ summary: { added: count(d, 'added'), removed: count(d, 'removed'), changed: count(d, 'changed'), accessChanges: d.access.length, newExposures: newExposures(d).length, ...findings }, connections: d.connections, access: d.access, ...(d.findings ? { findings: d.findings } : {}) }, null, 2)}\n`;
}

/** Rows past this go into a collapsed block, so a large change still makes a readable pull-request comment. */
const MAX_ROWS = 50;

/** Markdown ready to post as a pull-request comment: a summary line, exposures first, tables, long lists folded. */
export function diffMd(d: SnapshotDiff): string {
  const exposures = newExposures(d);
  const out: string[] = ['### Perimeter: what this change does', ''];
  out.push(`**Connections:** ${count(d, 'added')} added, ${count(d, 'removed')} removed, ${count(d, 'changed')} changed · **Access:** ${d.access.filter((a) => a.change === 'gained').length} gained, ${d.access.filter((a) => a.change === 'lost').length} lost`, '');
  if (exposures.length) out.push(`> [!WARNING]`, `> ${exposures.length} new path(s) from outside the cluster or across namespaces.`, '');
  if (d.connections.length === 0 && d.access.length === 0) out.push('No change to connectivity or to who can change NetworkPolicies and workloads.', '');
  if (d.connections.length) {
    const rows = d.connections.map((c) => `| ${c.change} | ${mdCellCode(c.src)} | ${mdCellCode(c.dst)} | ${mdCell(c.before)} | ${mdCell(c.after)} | ${exposureText(c)} |`);
    out.push('#### Connections', '', '| change | from | to | before | after | note |', '|---|---|---|---|---|---|', ...fold(rows, 'connection'), '');
  }
  if (d.access.length) {
    const rows = d.access.map((a) => `| ${a.change} | ${mdCellCode(a.subject)} | ${mdCell(a.capability)} | ${mdCell(a.namespace ?? 'all (ClusterRoleBinding)')} | ${mdCell(summarizeRights(a.rights))} | ${mdCell(a.via.slice(0, 2).join('; '))}${a.via.length > 2 ? ` and ${a.via.length - 2} more` : ''} |`);
    out.push('#### Who can change NetworkPolicies and workloads', '', '| change | subject | capability | namespace | rights | via |', '|---|---|---|---|---|---|', ...fold(rows, 'access change'), '');
  }
  if (d.findings && (d.findings.introduced.length || d.findings.resolved.length)) {
    const rows = [
      ...d.findings.introduced.map((f) => `| introduced | ${f.severity} | ${mdCellCode(f.ruleId)} | ${mdCell(f.title)} |`),
      ...d.findings.resolved.map((f) => `| resolved | ${f.severity} | ${mdCellCode(f.ruleId)} | ${mdCell(f.title)} |`),
    ];
    out.push('#### Findings', '', '| change | severity | rule | finding |', '|---|---|---|---|', ...fold(rows, 'finding'), '');
  }
  return out.join('\n');
}

function fold(rows: string[], what: string): string[] {
  if (rows.length <= MAX_ROWS) return rows;
  // A table cannot continue inside <details>; the rest is a second table in a collapsed block.
  const header = ['', `<details><summary>${rows.length - MAX_ROWS} more ${what}(s)</summary>`, ''];
  return [...rows.slice(0, MAX_ROWS), ...header, '| | | | | | |', '|---|---|---|---|---|---|', ...rows.slice(MAX_ROWS), '', '</details>'];
}
