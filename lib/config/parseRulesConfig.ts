import type { Severity } from '../findings/finding';
import { SEVERITIES } from '../findings/finding';
import { parseSubject, subjectKey } from '../rbac/subjects';
import { SUBJECT_SYNTAX } from '../request/subject';
import type { AllowEntry, RuleSetting, RulesConfig } from './rulesConfig';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isSeverity = (v: unknown): v is Severity => typeof v === 'string' && (SEVERITIES as readonly string[]).includes(v);
const ALLOW_KEYS = ['rule', 'id', 'namespace', 'subject', 'object', 'reason'];

/**
 * Reads `rules:` (rule id → `off` | `on` | a severity | `{enabled, severity}`) and `allow:` (a list of
 * `{rule, id?, namespace?, subject?, object?, reason}`). Unknown rule ids are kept but warned about, so a typo does
 * not silently leave a rule on; every bad entry is skipped with a warning naming it.
 */
export function parseRulesConfig(rules: unknown, allow: unknown, knownRules: readonly string[], warn: (m: string) => void): RulesConfig {
  const settings = new Map<string, RuleSetting>();
  const known = new Set(knownRules);
  if (rules !== undefined && rules !== null) {
    if (!isRecord(rules)) warn('`rules` must map rule ids to off, on, low, medium, high or {enabled, severity}; it was ignored.');
    else
      for (const [id, value] of Object.entries(rules)) {
        const setting = parseSetting(value);
        if (!setting) {
          warn(`rules.${id} must be off, on, low, medium, high or {enabled, severity}; it was ignored.`);
          continue;
        }
        if (!known.has(id)) warn(`rules.${id} names no known rule (see docs/rules.md); it has no effect.`);
        settings.set(id, setting);
      }
  }
  const entries: AllowEntry[] = [];
  if (allow !== undefined && allow !== null) {
    if (!Array.isArray(allow)) warn('`allow` must be a list of {rule, reason, …} entries; it was ignored.');
    else allow.forEach((item, i) => {
      const entry = parseAllow(item, `allow[${i}]`, known, warn);
      if (entry) entries.push(entry);
    });
  }
  return { rules: settings, allow: entries };
}

function parseSetting(value: unknown): RuleSetting | undefined {
  // YAML 1.2 reads `off`/`on` as strings; booleans are accepted too.
  if (value === 'off' || value === false) return { enabled: false };
  if (value === 'on' || value === true) return { enabled: true };
  if (isSeverity(value)) return { enabled: true, severity: value };
  if (!isRecord(value)) return undefined;
  const enabled = value.enabled === undefined ? true : value.enabled;
  if (typeof enabled !== 'boolean') return undefined;
  if (value.severity !== undefined && !isSeverity(value.severity)) return undefined;
  if (Object.keys(value).some((k) => k !== 'enabled' && k !== 'severity')) return undefined;
  return value.severity === undefined ? { enabled } : { enabled, severity: value.severity };
}

function parseAllow(item: unknown, where: string, known: ReadonlySet<string>, warn: (m: string) => void): AllowEntry | undefined {
  if (!isRecord(item)) {
    warn(`${where} must be a mapping with rule and reason; it was ignored.`);
    return undefined;
  }
  for (const k of Object.keys(item)) if (!ALLOW_KEYS.includes(k)) warn(`${where}.${k} is unknown and was ignored.`);
  const str = (k: string): string | undefined => (typeof item[k] === 'string' && (item[k] as string).trim() !== '' ? (item[k] as string).trim() : undefined);
  const rule = str('rule');
  const reason = str('reason');
  if (!rule || !reason) {
    warn(`${where} needs both rule and reason (a suppression without a reason is not evidence); it was ignored.`);
    return undefined;
  }
  if (rule === '*' && !str('id')) {
    warn(`${where}: rule "*" is only allowed with an exact id; it was ignored.`);
    return undefined;
  }
  if (rule !== '*' && !known.has(rule)) warn(`${where}.rule ${rule} names no known rule (see docs/rules.md); it matches nothing.`);
  let subject: string | undefined;
  if (str('subject')) {
    const s = parseSubject(str('subject')!);
    if (!s) {
      warn(`${where}.subject is not a subject (${SUBJECT_SYNTAX}); the entry was ignored.`);
      return undefined;
    }
    subject = subjectKey(s);
  }
  const object = str('object');
  if (object && !/^[A-Za-z]+\/[^/]+(\/[^/]+)?$/.test(object)) {
    warn(`${where}.object must be Kind/name or Kind/namespace/name; the entry was ignored.`);
    return undefined;
  }
  const out: { -readonly [K in keyof AllowEntry]: AllowEntry[K] } = { rule, reason, where };
  if (str('id')) out.id = str('id');
  if (str('namespace')) out.namespace = str('namespace');
  if (subject) out.subject = subject;
  if (object) out.object = object;
  return out;
}
