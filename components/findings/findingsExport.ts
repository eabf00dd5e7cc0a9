import type { Finding } from '@/lib/findings';
import type { ObjectRef } from '@/lib/model';
import { subjectKey } from '@/lib/rbac/subjects';

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

const CSV_HEAD = ['severity', 'rule', 'id', 'namespace', 'subject', 'object', 'title', 'evidence', 'fix'];

/** One CSV line per finding (CRLF, as RFC 4180); evidence lines joined by newlines inside one quoted field. */
export function findingsCsv(findings: readonly Finding[]): string {
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
    ]
      .map(csvField)
      .join(','),
  );
  return [CSV_HEAD.join(','), ...rows].join('\r\n') + '\r\n';
}

// Markdown special characters that would change the meaning of a line of text.
const mdEscape = (s: string) => s.replace(/([\\`*_[\]<>|#])/g, '\\$1');

/** A Markdown report: a summary line, then one section per finding with its evidence and fix. */
export function findingsMarkdown(findings: readonly Finding[], meta: { source: string; readAt: string; filter: string }): string {
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  const lines = [
    '# Perimeter findings',
    '',
    `Source: ${mdEscape(meta.source)} · read ${meta.readAt}${meta.filter ? ` · filter \`${meta.filter}\`` : ''}`,
    '',
    `${findings.length} findings: ${count('high')} high, ${count('medium')} medium, ${count('low')} low.`,
  ];
  for (const f of findings) {
    lines.push('', `## [${f.severity}] ${mdEscape(f.title)}`, '', `- Rule: \`${f.ruleId}\``, `- Id: \`${f.id}\``);
    if (f.namespace) lines.push(`- Namespace: ${mdEscape(f.namespace)}`);
    if (f.subject) lines.push(`- Subject: ${mdEscape(subjectKey(f.subject))}`);
    if (f.object) lines.push(`- Object: ${mdEscape(formatRef(f.object))}`);
    if (f.evidence.length > 0) {
      lines.push('', 'Evidence:', '');
      for (const e of f.evidence) lines.push(`- ${mdEscape(e.text)}`);
    }
    lines.push('', `Fix: ${mdEscape(f.fix)}`);
  }
  return lines.join('\n') + '\n';
}
