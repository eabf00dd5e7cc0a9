import { SEVERITIES, type Severity } from '../findings/finding';
import type { CheckFinding, CheckResult } from './checkReport';
import { mdCell, mdCellCode } from './markdown';

/** Counts of unsuppressed findings per severity, and of suppressed ones. */
export function checkCounts(r: CheckResult): Record<Severity | 'suppressed', number> {
  const out = { high: 0, medium: 0, low: 0, suppressed: 0 };
  for (const f of r.findings) {
    if (f.suppressed) out.suppressed++;
    else out[f.severity]++;
  }
  return out;
}

function where(f: CheckFinding): string {
  return f.location ? `${f.location.file}${f.location.line ? `:${f.location.line}` : ''}` : '';
}

function verdict(r: CheckResult): string {
  return r.failing > 0 ? `FAIL: ${r.failing} finding(s) at or above ${r.failOn}` : `PASS: no finding at or above ${r.failOn}`;
}

function summary(r: CheckResult): string {
  const c = checkCounts(r);
  return `${c.high} high, ${c.medium} medium, ${c.low} low${c.suppressed ? `, ${c.suppressed} suppressed` : ''}`;
}

/** Plain text: one block per finding (severity, rule, title, location, evidence, fix), then the verdict. */
export function checkTxt(r: CheckResult): string {
  const lines: string[] = [];
  for (const f of r.findings) {
    const sup = f.suppressed ? ` [suppressed: ${f.suppressed.reason}]` : '';
    lines.push(`${f.severity.toUpperCase().padEnd(6)} ${f.ruleId}  ${f.title}${sup}`);
    if (f.location) lines.push(`       at ${where(f)}`);
    for (const e of f.evidence) lines.push(`       - ${e.text}`);
    lines.push(`       fix: ${f.fix}`);
  }
  lines.push('', `${r.findings.length} finding(s): ${summary(r)}. ${verdict(r)}.`);
  return `${lines.join('\n')}\n`;
}

/** JSON: the verdict, counts, findings (with locations and suppressions) and warnings. */
export function checkJson(r: CheckResult): string {
  return `${JSON.stringify({ failOn: r.failOn, failing: r.failing, passed: r.failing === 0, counts: checkCounts(r), source: r.source, readAt: r.readAt, findings: r.findings, warnings: r.warnings }, null, 2)}\n`;
}

/** Markdown for a pull-request comment or a job summary: verdict, counts, one table row per finding. */
export function checkMd(r: CheckResult): string {
  const c = checkCounts(r);
  const out = [`### Perimeter check: ${r.failing > 0 ? '❌' : '✅'} ${verdict(r)}`, '', `| severity | count |`, `|---|---|`, ...SEVERITIES.slice().reverse().map((s) => `| ${s} | ${c[s]} |`), `| suppressed | ${c.suppressed} |`, ''];
  if (r.findings.length > 0) {
    out.push('| severity | rule | finding | where | fix |', '|---|---|---|---|---|');
    for (const f of r.findings) {
      const title = f.suppressed ? `~~${mdCell(f.title)}~~ (suppressed: ${mdCell(f.suppressed.reason)})` : mdCell(f.title);
      out.push(`| ${f.severity} | ${mdCellCode(f.ruleId)} | ${title} | ${f.location ? mdCellCode(where(f)) : ''} | ${mdCell(f.fix)} |`);
    }
    out.push('');
  }
  if (r.warnings.length > 0) out.push(`<details><summary>${r.warnings.length} input warning(s)</summary>`, '', ...r.warnings.map((w) => `- ${w.severity}: ${mdCell(w.message)}`), '', '</details>', '');
  return out.join('\n');
}
