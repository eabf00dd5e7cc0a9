import type { Location, Log, Notification, ReportingDescriptor, Result } from 'sarif';
import type { Severity } from '../findings/finding';
import type { SourceLocation } from '../model';
import type { CheckFinding, CheckResult } from './checkReport';
import { isFileLocation } from './findingLocation';
import { RULES } from './ruleCatalog';

/** SARIF result levels by severity (SARIF 2.1.0 §3.27.10: error, warning, note). */
const LEVEL: Record<Severity, Result.level> = { high: 'error', medium: 'warning', low: 'note' };
/** GitHub code scanning reads `security-severity` (0–10) on rules to rank security alerts. */
const SECURITY_SEVERITY: Record<Severity, string> = { high: '8.0', medium: '5.0', low: '2.0' };

/** Tool identity written into every SARIF log. */
export interface SarifTool {
  readonly name: string;
  readonly version: string;
}

/**
 * A manifest path as a SARIF relative URI reference: forward slashes, no leading `./`, percent-encoded. Absolute
 * paths become `file://` URIs (SARIF §3.4.3 allows both; code scanning wants repository-relative ones).
 */
export function artifactUri(file: string): string {
  const p = file.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
  const encoded = p.split('/').map(encodeURIComponent).join('/');
  return p.startsWith('/') ? `file://${encoded}` : encoded;
}

function location(f: CheckFinding, fallbackFile: string | undefined): Location[] {
  const logical = f.object
    ? [{ fullyQualifiedName: f.object.namespace ? `${f.object.kind}/${f.object.namespace}/${f.object.name}` : `${f.object.kind}/${f.object.name}`, name: f.object.name, kind: 'resource' }]
    : f.subject
      ? [{ fullyQualifiedName: `${f.subject.kind}/${f.subject.namespace ? `${f.subject.namespace}/` : ''}${f.subject.name}`, name: f.subject.name, kind: 'subject' }]
      : [];
  // Without an object location, the first input file at line 1 (code scanning needs a physical location), said so.
  const own: SourceLocation | undefined = f.location && isFileLocation(f.location) ? f.location : undefined;
  const loc = own ?? (fallbackFile ? { file: fallbackFile, line: 1 } : undefined);
  if (!loc && logical.length === 0) return [];
  return [
    {
      ...(loc ? { physicalLocation: { artifactLocation: { uri: artifactUri(loc.file) }, region: { startLine: loc.line ?? 1 } } } : {}),
      ...(!own && loc ? { message: { text: 'No manifest object to point at (e.g. a built-in grant); shown at the first input file.' } } : {}),
      ...(logical.length ? { logicalLocations: logical } : {}),
    },
  ];
}

/**
 * A rule's friendly name as SARIF wants it (§3.49.7; the Multitool's SARIF2012): one Pascal-case identifier, no two
 * capitals in a row. "DNS blocked for an isolated workload" → "DnsBlockedForIsolatedWorkload".
 */
export function pascalName(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '' && !/^(a|an|the)$/i.test(w))
    .map((w) => (w === w.toUpperCase() ? w[0] + w.slice(1).toLowerCase() : w[0].toUpperCase() + w.slice(1)))
    .join('');
}

function notification(w: CheckResult['warnings'][number]): Notification {
  return {
    message: { text: w.message },
    level: w.severity === 'error' ? 'error' : w.severity === 'warning' ? 'warning' : 'note',
    descriptor: { id: w.code },
    ...(w.origin && isFileLocation(w.origin) ? { locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(w.origin.file) }, region: { startLine: w.origin.line ?? 1 } } }] } : {}),
  };
}

/**
 * A SARIF 2.1.0 log of a check: every rule's metadata (id, name, descriptions, help, default level, tags,
 * security-severity), one result per finding with its manifest file and line, a stable partial fingerprint (the
 * finding id), suppressions for allow-listed findings (with the config's reason), and input warnings as tool
 * configuration notifications.
 */
export function checkSarif(result: CheckResult, tool: SarifTool): Log {
  const ruleIndex = new Map(RULES.map((r, i) => [r.id as string, i]));
  const rules = RULES.map(
    (r): ReportingDescriptor => ({
      id: r.id,
      name: pascalName(r.name),
      shortDescription: { text: r.name },
      fullDescription: { text: r.explanation },
      help: { text: `${r.explanation}\nFix: ${r.fix}\nSee docs/rules.md (${r.id}).`, markdown: `${r.explanation}\n\n**Fix:** ${r.fix}\n\nSee \`docs/rules.md\` (\`${r.id}\`).` },
      defaultConfiguration: { level: LEVEL[r.severity] },
      properties: { tags: ['security', 'kubernetes', r.area === 'rbac' ? 'rbac' : r.area === 'exposure' ? 'exposure' : 'networkpolicy'], 'security-severity': SECURITY_SEVERITY[r.severity], precision: 'very-high' },
    }),
  );
  const results = result.findings.map(
    (f): Result => ({
      ruleId: f.ruleId,
      ...(ruleIndex.has(f.ruleId) ? { ruleIndex: ruleIndex.get(f.ruleId) } : {}),
      level: LEVEL[f.severity],
      message: { text: `${f.title}. Fix: ${f.fix}` },
      locations: location(f, result.fallbackFile),
      partialFingerprints: { 'perimeterFindingId/v1': f.id },
      ...(f.suppressed ? { suppressions: [{ kind: 'external', status: 'accepted', justification: `${f.suppressed.reason} (perimeter.config.yaml ${f.suppressed.where})` }] } : {}),
      properties: { severity: f.severity, ...(f.defaultSeverity ? { defaultSeverity: f.defaultSeverity } : {}), evidence: f.evidence.map((e) => e.text) },
    }),
  );
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: tool.name, version: tool.version, semanticVersion: tool.version, rules } },
        invocations: [{ executionSuccessful: true, toolConfigurationNotifications: result.warnings.map(notification) }],
        results,
      },
    ],
  };
}
