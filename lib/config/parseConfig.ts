import { parse } from 'yaml';
import type { Subject, Warning } from '../model';
import { parseSubject } from '../rbac/subjects';
import { SUBJECT_SYNTAX } from '../request/subject';
import { NETWORK_RULE_IDS } from '../findings/networkFindings';
import { RBAC_RULE_IDS } from '../findings/rbacFindings';
import { EXPOSURE_RULE_IDS } from '../findings/exposureFindings';
import { parseRulesConfig } from './parseRulesConfig';
import { ALERT_ONS, alertRuleId } from './historyConfig';
import { parseAlertsConfig, parseHistoryConfig } from './parseHistoryConfig';
import { parseExposureConfig } from './parseExposureConfig';
import { DUTY_NAMES, EMPTY_CONFIG, type Duty, type DutyName, type PerimeterConfig } from './config';

export interface ConfigParseResult {
  readonly config: PerimeterConfig;
  readonly warnings: readonly Warning[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const TOP_KEYS = ['groups', 'duties', 'rules', 'allow', 'history', 'alerts', 'exposure'];
const isString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/**
 * Parses perimeter.config.yaml text (schema in docs/config.md). Never throws: every bad entry is skipped with a
 * `config-invalid` warning naming it, and the rest of the file still applies.
 */
export function parseConfig(text: string, file = 'perimeter.config.yaml'): ConfigParseResult {
  const warnings: Warning[] = [];
  const warn = (message: string) => warnings.push({ code: 'config-invalid', severity: 'warning', message: `${file}: ${message}`, origin: { file } });
  let doc: unknown;
  try {
    doc = parse(text, { maxAliasCount: 100 });
  } catch (e) {
    warnings.push({ code: 'config-parse-error', severity: 'error', message: `${file}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}; the config was ignored.`, origin: { file } });
    return { config: EMPTY_CONFIG, warnings };
  }
  if (doc === null || doc === undefined) return { config: EMPTY_CONFIG, warnings };
  if (!isRecord(doc)) {
    warn('the top level must be a mapping with `groups`, `duties`, `rules` and/or `allow`; the config was ignored.');
    return { config: EMPTY_CONFIG, warnings };
  }
  for (const key of Object.keys(doc)) if (!TOP_KEYS.includes(key)) warn(`unknown key "${key}" was ignored.`);

  const groups = new Map<string, readonly string[]>();
  if (doc.groups !== undefined && doc.groups !== null) {
    if (!isRecord(doc.groups)) warn('`groups` must map group names to lists of usernames; it was ignored.');
    else
      for (const [name, members] of Object.entries(doc.groups)) {
        if (!Array.isArray(members)) {
          warn(`groups.${name} must be a list of usernames; it was ignored.`);
          continue;
        }
        const users: string[] = [];
        members.forEach((m, i) => {
          if (isString(m)) users.push(m);
          else warn(`groups.${name}[${i}] is not a username string; it was ignored.`);
        });
        groups.set(name, users);
      }
  }

  const duties: Duty[] = [];
  if (doc.duties !== undefined && doc.duties !== null) {
    if (!isRecord(doc.duties)) warn('`duties` must map duty names to allowed subjects; it was ignored.');
    else
      for (const [name, value] of Object.entries(doc.duties)) {
        if (!(DUTY_NAMES as readonly string[]).includes(name)) {
          warn(`unknown duty "${name}" (known: ${DUTY_NAMES.join(', ')}); it was ignored.`);
          continue;
        }
        const duty = parseDuty(name as DutyName, value, warn);
        if (duty) duties.push(duty);
      }
  }
  const history = doc.history === undefined || doc.history === null ? undefined : parseHistoryConfig(doc.history, warn);
  const alerts = parseAlertsConfig(doc.alerts, warn);
  const exposure = parseExposureConfig(doc.exposure, warn);
  const extra = { ...(history ? { history } : {}), ...(alerts ? { alerts } : {}), ...(exposure ? { exposure } : {}) };
  if (doc.rules === undefined && doc.allow === undefined) return { config: { groups, duties, ...extra }, warnings };
  // Allow-list entries may also accept an alert's match (`rule: alert:networkpolicy-editor`, docs/config.md).
  const rules = parseRulesConfig(doc.rules, doc.allow, [...RBAC_RULE_IDS, ...NETWORK_RULE_IDS, ...EXPOSURE_RULE_IDS, ...ALERT_ONS.map(alertRuleId)], warn);
  return { config: { groups, duties, rules, ...extra }, warnings };
}

function parseSubjects(where: string, list: unknown, warn: (m: string) => void): Subject[] | undefined {
  if (!Array.isArray(list)) {
    warn(`${where} must be a list of subjects such as Group:security-engineers, User:alice or ServiceAccount:ns/name; the duty was ignored.`);
    return undefined;
  }
  const out: Subject[] = [];
  list.forEach((item, i) => {
    const s = isString(item) ? parseSubject(item) : undefined;
    if (s) out.push(s);
    else warn(`${where}[${i}] is not a subject (${SUBJECT_SYNTAX}); it was ignored.`);
  });
  return out;
}

function parseDuty(name: DutyName, value: unknown, warn: (m: string) => void): Duty | undefined {
  if (Array.isArray(value)) {
    const allowed = parseSubjects(`duties.${name}`, value, warn);
    return allowed && { name, allowed };
  }
  if (!isRecord(value)) {
    warn(`duties.${name} must be a list of subjects or {allowed, namespaces}; it was ignored.`);
    return undefined;
  }
  for (const key of Object.keys(value)) if (key !== 'allowed' && key !== 'namespaces') warn(`duties.${name}.${key} is unknown and was ignored.`);
  const allowed = parseSubjects(`duties.${name}.allowed`, value.allowed ?? [], warn);
  if (!allowed) return undefined;
  if (value.namespaces === undefined) return { name, allowed };
  if (!Array.isArray(value.namespaces) || !value.namespaces.every(isString)) {
    warn(`duties.${name}.namespaces must be a list of namespace names; the duty applies to every namespace.`);
    return { name, allowed };
  }
  return { name, allowed, namespaces: value.namespaces };
}
