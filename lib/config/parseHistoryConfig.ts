import { SEVERITIES, type Severity } from '../findings/finding';
import { ALERT_ONS, DEFAULT_HISTORY_CONFIG, type AlertOn, type AlertRule, type AlertsConfig, type AlertWebhook, type HistoryConfig } from './historyConfig';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
const SIZES: Record<string, number> = { b: 1, kb: 1e3, mb: 1e6, gb: 1e9, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3, tib: 1024 ** 4 };

/** `90d`, `12h`, `30m` → milliseconds; undefined when not a duration. */
export function parseDuration(v: unknown): number | undefined {
  const m = typeof v === 'string' ? /^\s*(\d+(?:\.\d+)?)\s*([smhdw])\s*$/.exec(v) : null;
  return m ? Number(m[1]) * UNITS[m[2]] : undefined;
}

/** `1GiB`, `500MB`, `2048` (bytes) → bytes; undefined when not a size. */
export function parseSize(v: unknown): number | undefined {
  if (typeof v === 'number' && v > 0) return v;
  const m = typeof v === 'string' ? /^\s*(\d+(?:\.\d+)?)\s*([kmgt]i?b|b)?\s*$/i.exec(v) : null;
  return m ? Math.round(Number(m[1]) * SIZES[(m[2] ?? 'b').toLowerCase()]) : undefined;
}

/** Reads `history:`; every bad entry is warned about and its default kept. */
export function parseHistoryConfig(v: unknown, warn: (m: string) => void): HistoryConfig {
  if (v === undefined || v === null) return DEFAULT_HISTORY_CONFIG;
  if (!isRecord(v)) {
    warn('`history` must be a mapping with checkpointEvery, retention and/or retentionInterval; the defaults apply.');
    return DEFAULT_HISTORY_CONFIG;
  }
  for (const k of Object.keys(v)) if (!['checkpointEvery', 'retention', 'retentionInterval'].includes(k)) warn(`history.${k} is unknown and was ignored.`);
  let checkpointEvery = DEFAULT_HISTORY_CONFIG.checkpointEvery;
  if (v.checkpointEvery !== undefined) {
    if (Number.isInteger(v.checkpointEvery) && (v.checkpointEvery as number) >= 1) checkpointEvery = v.checkpointEvery as number;
    else warn(`history.checkpointEvery must be a whole number of versions (1 or more); ${checkpointEvery} applies.`);
  }
  let { maxAgeMs, maxBytes } = DEFAULT_HISTORY_CONFIG.retention;
  if (v.retention !== undefined) {
    if (!isRecord(v.retention)) warn('history.retention must be {maxAge, maxSize}; the defaults apply.');
    else {
      for (const k of Object.keys(v.retention)) if (k !== 'maxAge' && k !== 'maxSize') warn(`history.retention.${k} is unknown and was ignored.`);
      if (v.retention.maxAge !== undefined) {
        const d = parseDuration(v.retention.maxAge);
        if (d) maxAgeMs = d;
        else warn('history.retention.maxAge must be a duration such as 90d, 12h or 30m; 90d applies.');
      }
      if (v.retention.maxSize !== undefined) {
        const b = parseSize(v.retention.maxSize);
        if (b) maxBytes = b;
        else warn('history.retention.maxSize must be a size such as 1GiB or 500MB; 1GiB applies.');
      }
    }
  }
  let retentionIntervalMs = DEFAULT_HISTORY_CONFIG.retentionIntervalMs;
  if (v.retentionInterval !== undefined) {
    const d = parseDuration(v.retentionInterval);
    if (d) retentionIntervalMs = d;
    else warn('history.retentionInterval must be a duration such as 1h; 1h applies.');
  }
  return { checkpointEvery, retention: { maxAgeMs, maxBytes }, retentionIntervalMs };
}

function strings(v: unknown): string[] | undefined {
  return Array.isArray(v) && v.every((x) => typeof x === 'string' && x !== '') ? (v as string[]) : undefined;
}

/** Reads `alerts:` (webhooks and rules); a bad entry is skipped with a warning naming it, the rest applies. */
export function parseAlertsConfig(v: unknown, warn: (m: string) => void): AlertsConfig | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isRecord(v)) {
    warn('`alerts` must be a mapping with webhooks and rules; it was ignored.');
    return undefined;
  }
  for (const k of Object.keys(v)) if (!['webhooks', 'rules', 'maxAttempts'].includes(k)) warn(`alerts.${k} is unknown and was ignored.`);
  const webhooks: AlertWebhook[] = [];
  (Array.isArray(v.webhooks) ? v.webhooks : v.webhooks === undefined ? [] : (warn('alerts.webhooks must be a list; it was ignored.'), [])).forEach((w: unknown, i: number) => {
    const where = `alerts.webhooks[${i}]`;
    if (!isRecord(w) || typeof w.name !== 'string' || w.name === '' || typeof w.url !== 'string') return warn(`${where} needs a name and a url; it was ignored.`);
    let url: URL;
    try {
      url = new URL(w.url);
    } catch {
      return warn(`${where}.url is not a URL; the webhook was ignored.`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return warn(`${where}.url must be http(s); the webhook was ignored.`);
    const format = w.format === undefined ? 'json' : w.format;
    if (format !== 'json' && format !== 'slack') return warn(`${where}.format must be json or slack; the webhook was ignored.`);
    const headers: Record<string, string> = {};
    if (w.headers !== undefined) {
      if (!isRecord(w.headers) || !Object.values(w.headers).every((h) => typeof h === 'string')) return warn(`${where}.headers must map header names to strings; the webhook was ignored.`);
      Object.assign(headers, w.headers);
    }
    if (webhooks.some((x) => x.name === w.name)) return warn(`${where}: a webhook named ${w.name} already exists; this one was ignored.`);
    webhooks.push({ name: w.name, url: url.toString(), format, headers });
  });
  const rules: AlertRule[] = [];
  (Array.isArray(v.rules) ? v.rules : v.rules === undefined ? [] : (warn('alerts.rules must be a list; it was ignored.'), [])).forEach((r: unknown, i: number) => {
    const where = `alerts.rules[${i}]`;
    if (!isRecord(r) || !(ALERT_ONS as readonly unknown[]).includes(r.on)) return warn(`${where}.on must be one of ${ALERT_ONS.join(', ')}; the rule was ignored.`);
    for (const k of Object.keys(r)) if (!['on', 'namespaces', 'severity', 'to'].includes(k)) warn(`${where}.${k} is unknown and was ignored.`);
    const rule: { -readonly [K in keyof AlertRule]: AlertRule[K] } = { on: r.on as AlertOn, where };
    if (r.namespaces !== undefined) {
      const ns = strings(r.namespaces);
      if (!ns) return warn(`${where}.namespaces must be a list of namespace names; the rule was ignored.`);
      rule.namespaces = ns;
    }
    if (r.severity !== undefined) {
      if (!(SEVERITIES as readonly unknown[]).includes(r.severity)) return warn(`${where}.severity must be low, medium or high; the rule was ignored.`);
      rule.severity = r.severity as Severity;
    }
    if (r.to !== undefined) {
      const to = strings(r.to);
      if (!to) return warn(`${where}.to must be a list of webhook names; the rule was ignored.`);
      const unknown = to.filter((t) => !webhooks.some((w) => w.name === t));
      if (unknown.length) warn(`${where}.to names no webhook ${unknown.join(', ')}; those are skipped.`);
      rule.to = to.filter((t) => webhooks.some((w) => w.name === t));
    }
    rules.push(rule);
  });
  let maxAttempts = 10;
  if (v.maxAttempts !== undefined) {
    if (Number.isInteger(v.maxAttempts) && (v.maxAttempts as number) >= 1) maxAttempts = v.maxAttempts as number;
    else warn('alerts.maxAttempts must be a whole number (1 or more); 10 applies.');
  }
  return { webhooks, rules, maxAttempts };
}
