import { describeChange, describeWhen, describeWho, historyMdSections, summarizeEffects } from '../history/historyFormats';
import type { AuditReport, ControlResult } from './auditReport';
import type { CheckFinding } from './checkReport';
import { mdCellCode, mdCode, mdText } from './markdown';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const pct = (n: number, d: number) => (d === 0 ? '–' : `${Math.round((100 * n) / d)}%`);
/** A path that may wrap after a `/` only, never inside a file name (`demo/rbac-teams.yaml:22`). */
const wrapAtSlashes = (html: string) => html.replaceAll('/', '/<wbr>');
const where = (f: CheckFinding) => (f.location ? `${f.location.file}${f.location.line ? `:${f.location.line}` : ''}` : '');
const openText = (c: ControlResult) => (c.status === 'no open findings' ? 'no open findings' : `${c.open.high} high, ${c.open.medium} medium, ${c.open.low} low open`) + (c.suppressed ? `; ${c.suppressed} suppressed` : '');
const SECTION_TITLE: Record<string, string> = {
  isolation: 'Isolation coverage',
  policies: 'NetworkPolicies',
  'policy-editors': 'NetworkPolicies (who can change them)',
  'separation-of-duties': 'Separation of duties',
  'access-matrix': 'Access matrix for NetworkPolicies',
  findings: 'Findings',
};
const SECTION_ID: Record<string, string> = { isolation: 'isolation', policies: 'policies', 'policy-editors': 'policies', 'separation-of-duties': 'sod', 'access-matrix': 'matrix', findings: 'findings' };

// Inline, print-friendly styles: the report is one file that opens offline, with no scripts and no fetched assets.
const CSS = `
:root{color-scheme:light}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#18181b;margin:0 auto;max-width:1100px;padding:24px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:2px solid #e4e4e7;padding-bottom:4px}h3{font-size:15px;margin:16px 0 6px}
table{border-collapse:collapse;width:100%;margin:6px 0 12px}th,td{border:1px solid #d4d4d8;padding:4px 6px;text-align:left;vertical-align:top}th{background:#f4f4f5}
code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px}code{white-space:nowrap}.mono{overflow-wrap:anywhere}td.where{overflow-wrap:normal;word-break:normal}
.meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:12px 0}.meta dt{font-weight:600}.meta dd{margin:0}
.sev{font-weight:600;border-radius:3px;padding:0 4px;white-space:nowrap}.high{background:#fee2e2;color:#991b1b}.medium{background:#fef3c7;color:#92400e}.low{background:#e0f2fe;color:#075985}
.ok{color:#166534;font-weight:600}.bad{color:#991b1b;font-weight:600}.muted{color:#52525b}.sup{text-decoration:line-through}
ul.ev{margin:2px 0 0 16px;padding:0}nav ol{columns:2}
@media print{body{padding:0;font-size:11px;max-width:none}h2{break-after:avoid}tr,.finding{break-inside:avoid}thead{display:table-header-group}nav{display:none}a{color:inherit;text-decoration:none}}
`;

/** A self-contained HTML document (inline CSS, no scripts): opens offline and prints cleanly. */
export function auditHtml(r: AuditReport): string {
  const h: string[] = [];
  const sev = (s: string) => `<span class="sev ${s}">${s}</span>`;
  h.push('<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">');
  // An empty inline icon: without it a browser asks the server for /favicon.ico, which an offline file cannot serve.
  h.push('<link rel="icon" href="data:,">');
  h.push(`<title>${esc(r.title)} — ${esc(r.snapshot.sourceText)}</title><style>${CSS}</style></head><body>`);
  h.push(`<header><h1>${esc(r.title)}</h1><p class="muted">Evidence about the Kubernetes NetworkPolicy and RBAC configuration of one snapshot. It supports an assessment; it is not one.</p>`);
  h.push('<dl class="meta">');
  h.push(`<dt>Source</dt><dd>${esc(r.snapshot.sourceText)}</dd><dt>Snapshot read at</dt><dd><time datetime="${esc(r.snapshot.readAt)}">${esc(r.snapshot.readAt)}</time></dd>`);
  h.push(`<dt>Content hash</dt><dd><code data-testid="content-hash">sha256:${esc(r.snapshot.contentHash)}</code> <span class="muted">(canonical JSON of the snapshot's objects: sorted keys and objects, origins left out)</span></dd>`);
  h.push(`<dt>Report generated</dt><dd>${esc(r.generatedAt)} by ${esc(r.tool.name)} ${esc(r.tool.version)}</dd>`);
  h.push(`<dt>Objects</dt><dd>${Object.entries(r.snapshot.counts).map(([k, v]) => `${v} ${esc(k)}`).join(', ')}</dd></dl></header>`);
  h.push('<nav><h2>Contents</h2><ol><li><a href="#controls">Control mapping</a></li><li><a href="#isolation">Isolation coverage</a></li><li><a href="#policies">NetworkPolicies and who can change them</a></li><li><a href="#sod">Separation of duties</a></li><li><a href="#matrix">Access matrix for NetworkPolicies</a></li><li><a href="#findings">Findings</a></li><li><a href="#rules">Rules</a></li>' + (r.changes ? '<li><a href="#changes">Changes in the period</a></li>' : '') + (r.warnings.length ? '<li><a href="#warnings">Input warnings</a></li>' : '') + '</ol></nav>');

  h.push('<section id="controls"><h2>Control mapping</h2><p class="muted">Each control, the checks that evidence it and the report sections to read. Status counts open (not allow-listed) findings of those checks.</p>');
  h.push('<table><thead><tr><th>Framework</th><th>Control</th><th>Checks</th><th>Evidence</th><th>Status</th></tr></thead><tbody>');
  for (const c of r.controls) {
    h.push(`<tr><td>${esc(c.framework)}</td><td><b>${esc(c.id)}</b> ${esc(c.title)}<div class="muted">${esc(c.rationale)}</div></td><td>${c.rules.map((x) => `<code>${esc(x)}</code>`).join('<br>')}</td>`);
    h.push(`<td>${[...new Set(c.sections)].map((s) => `<a href="#${SECTION_ID[s]}">${esc(SECTION_TITLE[s])}</a>`).join('<br>')}</td><td class="${c.status === 'no open findings' ? 'ok' : 'bad'}">${esc(openText(c))}</td></tr>`);
  }
  h.push('</tbody></table></section>');

  const iso = r.isolation;
  h.push(`<section id="isolation"><h2>Isolation coverage</h2><p>${iso.ingressIsolated} of ${iso.pods} pods (${pct(iso.ingressIsolated, iso.pods)}) are ingress-isolated and ${iso.egressIsolated} (${pct(iso.egressIsolated, iso.pods)}) egress-isolated: selected by a NetworkPolicy of that direction, so only what a policy allows reaches (or leaves) them.</p>`);
  h.push('<table><thead><tr><th>Namespace</th><th>Pods</th><th>Ingress-isolated</th><th>Egress-isolated</th><th>Default deny ingress</th><th>Default deny egress</th></tr></thead><tbody>');
  const yes = (b: boolean) => (b ? '<span class="ok">yes</span>' : '<span class="bad">no</span>');
  for (const n of iso.namespaces) h.push(`<tr><td>${esc(n.namespace)}</td><td>${n.pods}</td><td>${n.ingressIsolated} (${pct(n.ingressIsolated, n.pods)})</td><td>${n.egressIsolated} (${pct(n.egressIsolated, n.pods)})</td><td>${yes(n.defaultDenyIngress)}</td><td>${yes(n.defaultDenyEgress)}</td></tr>`);
  h.push('</tbody></table></section>');

  h.push(`<section id="policies"><h2>NetworkPolicies and who can change them</h2><p>${r.policies.length} NetworkPolicies. Editors can create, update, patch or delete a policy (named requests, so resourceNames rules count); indirect editors can become one in one step. Policies of a namespace share their editors unless resourceNames rules single some out.</p>`);
  h.push('<table><thead><tr><th>Policy</th><th>Types</th><th>Selects</th><th>Rules (in/out)</th><th>Editors</th></tr></thead><tbody>');
  for (const p of r.policies) {
    h.push(`<tr><td><b>${esc(p.namespace)}/${esc(p.name)}</b>${p.file ? `<div class="mono muted">${esc(p.file)}</div>` : ''}</td><td>${esc(p.policyTypes.join(', '))}</td><td>${p.selectedPods} pod(s)</td><td>${p.ingressRules} / ${p.egressRules}</td><td><a href="#editors-${p.editorGroup}">${r.editorGroups[p.editorGroup].editors.length} editor(s), ${r.editorGroups[p.editorGroup].indirectEditors.length} indirect</a></td></tr>`);
  }
  h.push('</tbody></table>');
  r.editorGroups.forEach((g, i) => {
    const all = r.policies.filter((p) => p.namespace === g.namespace).length === g.policies.length;
    h.push(`<h3 id="editors-${i}">Who can change ${all ? `the NetworkPolicies of namespace ${esc(g.namespace)}` : `${esc(g.namespace)}/${g.policies.map(esc).join(`, ${esc(g.namespace)}/`)}`}</h3>`);
    h.push('<table><thead><tr><th>Editor</th><th>Verbs</th><th>Through</th></tr></thead><tbody>');
    for (const e of g.editors) h.push(`<tr><td><code>${esc(e.subject)}</code></td><td>${esc(e.verbs.join(', '))}</td><td><ul class="ev">${e.via.map((v) => `<li class="mono">${esc(v)}</li>`).join('')}${e.moreVia ? `<li class="muted">and ${e.moreVia} more path(s)</li>` : ''}</ul></td></tr>`);
    for (const e of g.indirectEditors) h.push(`<tr><td><code>${esc(e.subject)}</code> <span class="muted">(indirect)</span></td><td>one step</td><td><ul class="ev">${e.steps.map((x) => `<li>${esc(x)}</li>`).join('')}${e.moreSteps ? `<li class="muted">and ${e.moreSteps} more step(s)</li>` : ''}</ul></td></tr>`);
    h.push('</tbody></table>');
  });
  h.push(`<h3>AdminNetworkPolicies and BaselineAdminNetworkPolicies</h3>`);
  if (r.adminPolicies.length === 0) h.push('<p class="muted">None in this snapshot.</p>');
  else {
    h.push('<p>Cluster-scoped policies of the platform tier: AdminNetworkPolicies are evaluated by priority before NetworkPolicies (Allow and Deny are final, Pass hands over); the BaselineAdminNetworkPolicy applies where no NetworkPolicy isolates a pod.</p><table><thead><tr><th>Policy</th><th>Priority</th><th>Applies to</th><th>Rules (in/out)</th></tr></thead><tbody>');
    for (const p of r.adminPolicies) h.push(`<tr><td><b>${esc(p.kind)} ${esc(p.name)}</b>${p.file ? `<div class="mono muted">${esc(p.file)}</div>` : ''}</td><td>${p.priority ?? 'baseline'}</td><td>${esc(p.subject)}</td><td>${p.ingressRules} / ${p.egressRules}</td></tr>`);
    h.push('</tbody></table>');
  }
  h.push(`<h4>Who can change them (ClusterRoleBindings)</h4><table><thead><tr><th>Subject</th>${r.adminEditors.verbs.map((v) => `<th>${esc(v)}</th>`).join('')}</tr></thead><tbody>${r.adminEditors.rows.map((row) => `<tr><td><code>${esc(row.subject)}</code></td>${row.allowed.map((a) => `<td>${a ? '●' : '·'}</td>`).join('')}</tr>`).join('')}</tbody></table>`);
  h.push('</section>');

  h.push(`<section id="sod"><h2>Separation of duties</h2>${r.separationOfDuties.length === 0 ? '<p class="ok">No subject combines conflicting duties, and every duty holder is allowed by the configuration.</p>' : findingsTable(r.separationOfDuties)}</section>`);

  h.push('<section id="matrix"><h2>Access matrix for NetworkPolicies</h2><p class="muted">Subjects allowed any verb on networkpolicies.networking.k8s.io, at cluster scope (ClusterRoleBindings only) and in each namespace that has NetworkPolicies (ClusterRoleBindings and that namespace’s RoleBindings). ● allowed, · denied.</p>');
  for (const m of r.accessMatrix) {
    h.push(`<h3>${m.namespace ? `Namespace ${esc(m.namespace)}` : 'Cluster scope'}</h3><table><thead><tr><th>Subject</th>${m.verbs.map((v) => `<th>${esc(v)}</th>`).join('')}</tr></thead><tbody>`);
    for (const row of m.rows) h.push(`<tr><td><code>${esc(row.subject)}</code></td>${row.allowed.map((a) => `<td>${a ? '●' : '·'}</td>`).join('')}</tr>`);
    h.push('</tbody></table>');
  }
  h.push('</section>');

  const open = r.findings.filter((f) => !f.suppressed);
  h.push(`<section id="findings"><h2>Findings</h2><p>${open.length} open (${['high', 'medium', 'low'].map((s) => `${open.filter((f) => f.severity === s).length} ${s}`).join(', ')}), ${r.findings.length - open.length} suppressed by the configuration's allow-list.</p>${findingsTable(r.findings)}</section>`);

  h.push('<section id="rules"><h2>Rules</h2><table><thead><tr><th>Rule</th><th>Severity</th><th>What it finds</th><th>Fix</th></tr></thead><tbody>');
  for (const x of r.rules) h.push(`<tr><td><code>${esc(x.id)}</code><div>${esc(x.name)}</div></td><td>${sev(x.severity)}</td><td>${esc(x.explanation)}</td><td>${esc(x.fix)}</td></tr>`);
  h.push('</tbody></table></section>');
  if (r.changes) h.push(changesHtml(r.changes, r.generatedAt));
  if (r.warnings.length) h.push(`<section id="warnings"><h2>Input warnings</h2><ul>${r.warnings.map((w) => `<li>${esc(w.severity)}: ${esc(w.message)}</li>`).join('')}</ul></section>`);
  h.push('</body></html>\n');
  return h.join('\n');

  function findingsTable(list: readonly CheckFinding[]): string {
    const rows = list.map(
      (f) =>
        `<tr class="finding"><td>${sev(f.severity)}</td><td><code>${esc(f.ruleId)}</code></td><td><span class="${f.suppressed ? 'sup' : ''}">${esc(f.title)}</span>${f.suppressed ? `<div class="muted">Suppressed: ${esc(f.suppressed.reason)} (${esc(f.suppressed.where)})</div>` : ''}<ul class="ev">${f.evidence.map((e) => `<li>${esc(e.text)}</li>`).join('')}</ul><div><b>Fix:</b> ${esc(f.fix)}</div></td><td class="mono where">${wrapAtSlashes(esc(where(f)))}</td></tr>`,
    );
    return `<table><thead><tr><th>Severity</th><th>Rule</th><th>Finding</th><th>Where</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
  }
}

/** The same report in Markdown (for a wiki or a ticket). Every name is escaped (lib/report/markdown). */
export function auditMd(r: AuditReport): string {
  const t = mdText;
  const code = mdCellCode;
  const o: string[] = [`# ${t(r.title)}`, '', `- **Source:** ${t(r.snapshot.sourceText)}`, `- **Snapshot read at:** ${t(r.snapshot.readAt)}`, `- **Content hash:** ${mdCode(`sha256:${r.snapshot.contentHash}`)}`, `- **Generated:** ${t(r.generatedAt)} by ${t(r.tool.name)} ${t(r.tool.version)}`, `- **Objects:** ${Object.entries(r.snapshot.counts).map(([k, v]) => `${v} ${t(k)}`).join(', ')}`, ''];
  o.push('## Control mapping', '', '| framework | control | checks | status |', '|---|---|---|---|');
  for (const c of r.controls) o.push(`| ${t(c.framework)} | **${t(c.id)}** ${t(c.title)} | ${c.rules.map(code).join(', ')} | ${t(openText(c))} |`);
  const iso = r.isolation;
  o.push('', '## Isolation coverage', '', `${iso.ingressIsolated} of ${iso.pods} pods ingress-isolated (${pct(iso.ingressIsolated, iso.pods)}), ${iso.egressIsolated} egress-isolated (${pct(iso.egressIsolated, iso.pods)}).`, '', '| namespace | pods | ingress-isolated | egress-isolated | default deny ingress | default deny egress |', '|---|---|---|---|---|---|');
  for (const n of iso.namespaces) o.push(`| ${t(n.namespace)} | ${n.pods} | ${n.ingressIsolated} | ${n.egressIsolated} | ${n.defaultDenyIngress ? 'yes' : 'no'} | ${n.defaultDenyEgress ? 'yes' : 'no'} |`);
  o.push('', '## NetworkPolicies and who can change them', '', '| policy | types | selects | editors |', '|---|---|---|---|');
  for (const p of r.policies) {
    const g = r.editorGroups[p.editorGroup];
    o.push(`| ${t(`${p.namespace}/${p.name}`)} | ${t(p.policyTypes.join(', '))} | ${p.selectedPods} | group ${p.editorGroup + 1}: ${g.editors.length} editor(s), ${g.indirectEditors.length} indirect |`);
  }
  r.editorGroups.forEach((g, i) => {
    o.push('', `### Editor group ${i + 1}: ${t(g.namespace)} (${t(g.policies.join(', '))})`, '', '| editor | verbs | through |', '|---|---|---|');
    for (const e of g.editors) o.push(`| ${code(e.subject)} | ${t(e.verbs.join(', '))} | ${t(e.via.join('; '))}${e.moreVia ? ` and ${e.moreVia} more` : ''} |`);
    for (const e of g.indirectEditors) o.push(`| ${code(e.subject)} (indirect) | one step | ${t(e.steps.join('; '))}${e.moreSteps ? ` and ${e.moreSteps} more` : ''} |`);
  });
  o.push('', '### AdminNetworkPolicies and BaselineAdminNetworkPolicies', '');
  if (r.adminPolicies.length === 0) o.push('None in this snapshot.');
  else {
    o.push('| policy | priority | applies to | rules (in/out) |', '|---|---|---|---|');
    for (const p of r.adminPolicies) o.push(`| ${t(`${p.kind} ${p.name}`)} | ${p.priority ?? 'baseline'} | ${t(p.subject)} | ${p.ingressRules} / ${p.egressRules} |`);
  }
  o.push('', `Who can change them: ${r.adminEditors.rows.map((x) => mdCode(x.subject)).join(', ') || 'nobody'}.`);
  o.push('', '## Separation of duties', '');
  if (r.separationOfDuties.length === 0) o.push('No subject combines conflicting duties.');
  for (const f of r.separationOfDuties) o.push(`- **${f.severity}** ${mdCode(f.ruleId)} ${t(f.title)}${f.suppressed ? ` _(suppressed: ${t(f.suppressed.reason)})_` : ''}`);
  o.push('', '## Access matrix for NetworkPolicies', '');
  for (const m of r.accessMatrix) {
    o.push(`### ${m.namespace ? `Namespace ${t(m.namespace)}` : 'Cluster scope'}`, '', `| subject | ${m.verbs.map(t).join(' | ')} |`, `|---|${m.verbs.map(() => '---').join('|')}|`);
    for (const row of m.rows) o.push(`| ${code(row.subject)} | ${row.allowed.map((a) => (a ? '●' : '·')).join(' | ')} |`);
    o.push('');
  }
  o.push('## Findings', '', '| severity | rule | finding | where |', '|---|---|---|---|');
  for (const f of r.findings) o.push(`| ${f.severity} | ${code(f.ruleId)} | ${f.suppressed ? `~~${t(f.title)}~~ (suppressed: ${t(f.suppressed.reason)})` : t(f.title)} | ${t(where(f))} |`);
  if (r.changes) o.push('', '## Changes in the period', '', `From ${t(r.changes.from ?? 'the first recorded version')} to ${t(r.changes.to ?? r.generatedAt)}: ${r.changes.versions.length} recorded version(s).`, '', ...historyMdSections(r.changes.versions, 2));
  if (r.warnings.length) o.push('', '## Input warnings', '', ...r.warnings.map((w) => `- ${w.severity}: ${t(w.message)}`));
  return `${o.join('\n')}\n`;
}

/** "Changes in the period": one row per changed object, with who, when, what it did and the version's content hash. */
function changesHtml(c: NonNullable<AuditReport['changes']>, generatedAt: string): string {
  const rows = c.versions.flatMap((v) =>
    (v.objects.length ? v.objects : [undefined]).map(
      (o) => `<tr><td>${v.version}</td><td>${esc(describeWhen(v))}</td><td>${o ? esc(describeChange(o)) : ''}</td><td>${o ? esc(describeWho(o)) : ''}</td><td>${esc(summarizeEffects(v.effects, v.effectsState))}</td><td><code>${esc(v.contentHash ?? 'pending')}</code></td></tr>`,
    ),
  );
  return `<section id="changes"><h2>Changes in the period</h2><p>From ${esc(c.from ?? 'the first recorded version')} to ${esc(c.to ?? generatedAt)}: ${c.versions.length} recorded version(s). Who is the authenticated user from the API server's audit events, else the field manager (marked).</p><table><thead><tr><th>Version</th><th>When</th><th>Change</th><th>Who</th><th>Effects</th><th>Content hash</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}

/** The report as JSON (every field of `AuditReport`). */
export function auditJson(r: AuditReport): string {
  return `${JSON.stringify(r, null, 2)}\n`;
}
