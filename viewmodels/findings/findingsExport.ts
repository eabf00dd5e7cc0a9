import type { ReportedFinding } from '@/lib/findings/index';
import type { ObjectRef } from '@/lib/model/index';
import { subjectKey } from '@/lib/rbac/subjects';
import { mdCode, mdText } from '@/lib/report/markdown';

/** The export formats of the findings route. */
export type FindingsFormat = 'json' | 'csv' | 'md';

/** `Kind ns/name` or `Kind name`. */
export function formatRef(r: ObjectRef): string {
  return r.namespace ? `${r.kind} ${r.namespace}/${r.name}` : `${r.kind} ${r.name}`;
}

/** RFC 4180 field: quoted when it holds a comma, quote or line break; a leading = + - @ is prefixed with ' (CSV injection). */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

// suppressed and defaultSeverity come last, so a sheet built on the older columns keeps working.
const CSV_HEAD = ['severity', 'rule', 'id', 'namespace', 'subject', 'object', 'title', 'evidence', 'fix', 'suppressed', 'defaultSeverity'];

/** `allow[1]: reason` for an allow-listed finding, else empty. */
const suppressedText = (f: ReportedFinding) => (f.suppressed ? `${f.suppressed.where}: ${f.suppressed.reason}` : '');

/**
 * One CSV line per finding (CRLF, as RFC 4180); evidence lines joined by newlines inside one quoted field. After the
 * config: `suppressed` holds the allow-list entry and reason, `defaultSeverity` the rule's own severity when re-rated.
 */
export function findingsCsv(findings: readonly ReportedFinding[]): string {
  const rows = findings.map((f) =>
    [
      f.severity,
      f.ruleId,
      f.id,
      f.namespace ?? '(cluster-wide)',
      f.subject ? subjectKey(f.subject) : '',
      f.object ? formatRef(f.object) : '',
      f.title,
      f.evidence.map((e) => e.text).join('\n'),
      f.fix,
      suppressedText(f),
      f.defaultSeverity ?? '',
    ]
      .map(csvField)
      .join(','),
  );
  return [CSV_HEAD.join(','), ...rows].join('\r\n') + '\r\n';
}

/** Findings per piece of the JSON export: about 1 MB of text, stringified in a few ms. */
export const JSON_PIECE = 500;

/**
 * The JSON export, `{...head, count, findings: [...]}`, in pieces of `piece` findings: the same text as one
 * `JSON.stringify`, but never one call over all of them (30,803 findings at 10,000 pods are 50 MB of JSON), so the
 * server can answer others between pieces.
 */
export function* findingsJson(head: Readonly<Record<string, unknown>>, findings: readonly ReportedFinding[], piece = JSON_PIECE): Generator<string> {
  const open = JSON.stringify({ ...head, count: findings.length });
  yield `${open.slice(0, -1)},"findings":[`;
  for (let i = 0; i < findings.length; i += piece) {
    const items = JSON.stringify(findings.slice(i, i + piece));
    yield `${i > 0 ? ',' : ''}${items.slice(1, -1)}`;
  }
  yield ']}';
}

/**
 * A Markdown report: a summary line (severities of the open findings, then how many the allow-list suppressed), then
 * one section per finding with its evidence and fix; a suppressed one says so in its heading and gives the reason.
 */
export function findingsMarkdown(findings: readonly ReportedFinding[], meta: { source: string; readAt: string; filter: string; config?: string }): string {
  const open = findings.filter((f) => !f.suppressed);
  const count = (s: string) => open.filter((f) => f.severity === s).length;
  const suppressed = findings.length - open.length;
  const lines = [
    '# Perimeter findings',
    '',
    `Source: ${mdText(meta.source)} · read ${mdText(meta.readAt)}${meta.filter ? ` · filter ${mdCode(meta.filter)}` : ''}`,
    ...(meta.config ? ['', `Config: ${mdText(meta.config)}`] : []),
    '',
    `${findings.length} findings: ${count('high')} high, ${count('medium')} medium, ${count('low')} low${suppressed > 0 ? `; ${suppressed} suppressed` : ''}.`,
  ];
  for (const f of findings) {
    lines.push('', `## [${f.suppressed ? `suppressed, ${f.severity}` : f.severity}] ${mdText(f.title)}`, '', `- Rule: ${mdCode(f.ruleId)}`, `- Id: ${mdCode(f.id)}`);
    if (f.suppressed) lines.push(`- Suppressed by ${mdCode(f.suppressed.where)}: ${mdText(f.suppressed.reason)}`);
    if (f.defaultSeverity) lines.push(`- Severity set by the config; the rule's default is ${f.defaultSeverity}`);
    if (f.namespace) lines.push(`- Namespace: ${mdText(f.namespace)}`);
    if (f.subject) lines.push(`- Subject: ${mdText(subjectKey(f.subject))}`);
    if (f.object) lines.push(`- Object: ${mdText(formatRef(f.object))}`);
    if (f.evidence.length > 0) {
      lines.push('', 'Evidence:', '');
      for (const e of f.evidence) lines.push(`- ${mdText(e.text)}`);
    }
    lines.push('', `Fix: ${mdText(f.fix)}`);
  }
  return lines.join('\n') + '\n';
}
