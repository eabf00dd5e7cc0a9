// Alerts: the `alerts.rules` of perimeter.config.yaml matched against one version's effects, one message per
// (version, rule, webhook), with the allow-list respected. Delivery (and its retries) is the server's job.
import type { PerimeterConfig } from '../config/config';
import { alertRuleId, type AlertRule, type AlertWebhook } from '../config/historyConfig';
import type { AllowEntry } from '../config/rulesConfig';
import { SEVERITIES } from '../findings/finding';
import type { ChangeEffects } from './effects';
import type { RecordedChange } from './types';

/** One thing a rule matched: a sentence plus what the allow-list can name. */
export interface AlertMatch {
  readonly text: string;
  readonly namespace?: string;
  readonly subject?: string;
  readonly object?: string;
}

/** An alert to record (and deliver unless suppressed). */
export interface AlertToSend {
  readonly rule: string;
  readonly target: string;
  readonly dedupeKey: string;
  readonly title: string;
  readonly payload: unknown;
  readonly suppressed?: string;
}

/** What the alert says about where it happened. */
export interface AlertContext {
  readonly clusterId: number;
  readonly context: string;
  readonly server: string;
  readonly version: number;
  readonly at: string;
  readonly gap?: { readonly fromVersion: number };
  readonly changes: readonly RecordedChange[];
  /** Link to the version on the History page, when the server knows its own URL. */
  readonly url?: string;
}

const inScope = (rule: AlertRule, namespace: string | undefined) => !rule.namespaces || (namespace !== undefined && rule.namespaces.includes(namespace));
const nsOf = (workload: string) => (workload.includes('/') ? workload.split('/')[0] : undefined);

/** What `rule` matches in the effects (before the allow-list). */
export function ruleMatches(rule: AlertRule, e: ChangeEffects): AlertMatch[] {
  switch (rule.on) {
    case 'internet-exposure':
      return e.connections.items
        .filter((c) => c.exposure === 'from-outside' && inScope(rule, nsOf(c.dst)))
        .map((c) => ({ text: `${c.src} → ${c.dst}: ${c.change === 'changed' ? `opened ${c.opened}` : c.after}`, ...(nsOf(c.dst) ? { namespace: nsOf(c.dst) } : {}), object: c.dst }));
    case 'connection-into-namespace':
      return e.connections.items
        .filter((c) => (c.change === 'added' || (c.change === 'changed' && c.opened)) && nsOf(c.dst) !== undefined && nsOf(c.dst) !== nsOf(c.src) && inScope(rule, nsOf(c.dst)))
        .map((c) => ({ text: `${c.src} → ${c.dst}: ${c.change === 'changed' ? `opened ${c.opened}` : c.after}`, namespace: nsOf(c.dst), object: c.dst }));
    case 'default-deny-removed':
      return e.defaultDenies.filter((d) => d.change === 'removed' && inScope(rule, d.namespace)).map((d) => ({ text: `${d.namespace} no longer denies ${d.direction.toLowerCase()} by default`, namespace: d.namespace }));
    case 'networkpolicy-editor':
      return e.access
        .filter((a) => a.change === 'gained' && a.capability === 'change NetworkPolicies' && (a.namespace === undefined || inScope(rule, a.namespace)))
        .map((a) => ({ text: `${a.subject} can now ${a.rights.join(', ')}${a.namespace ? ` in ${a.namespace}` : ' in every namespace'} (${a.via.join('; ')})`, ...(a.namespace ? { namespace: a.namespace } : {}), subject: a.subject }));
    case 'finding': {
      const min = SEVERITIES.indexOf(rule.severity ?? 'high');
      return e.findings.opened
        .filter((f) => SEVERITIES.indexOf(f.severity) >= min && (f.namespace === undefined || inScope(rule, f.namespace)))
        .map((f) => ({ text: `[${f.severity}] ${f.title} (${f.id})`, ...(f.namespace ? { namespace: f.namespace } : {}) }));
    }
  }
}

/** The allow-list entry that accepts a match of `rule`, if any (`rule: alert:<on>` plus the fields it gives). */
export function allowedBy(allow: readonly AllowEntry[], rule: AlertRule, m: AlertMatch): AllowEntry | undefined {
  return allow.find(
    (a) =>
      a.rule === alertRuleId(rule.on) &&
      (a.namespace === undefined || a.namespace === m.namespace) &&
      (a.subject === undefined || a.subject === m.subject) &&
      (a.object === undefined || a.object === m.object),
  );
}

const TITLES: Record<AlertRule['on'], string> = {
  'internet-exposure': 'new path from outside the cluster',
  'connection-into-namespace': 'new connection into a namespace',
  'default-deny-removed': 'default deny removed',
  'networkpolicy-editor': 'new NetworkPolicy editor',
  finding: 'new finding',
};

function whoText(changes: readonly RecordedChange[]): string {
  const who = [...new Set(changes.map((c) => (c.who ? (c.who.source === 'audit' ? c.who.user : `${c.who.user} (field manager)`) : 'unknown')))];
  return who.join(', ');
}

/** The message body for a webhook's format: Perimeter's JSON, or a Slack-compatible `{text}` message. */
export function alertPayload(format: AlertWebhook['format'], ctx: AlertContext, rule: AlertRule, title: string, matches: readonly AlertMatch[], omitted: number): unknown {
  const objects = ctx.changes.map((c) => `${c.op} ${c.kind} ${c.namespace ? `${c.namespace}/` : ''}${c.name}`);
  const when = ctx.gap ? `between versions ${ctx.gap.fromVersion} and ${ctx.version} (watch gap), seen ${ctx.at}` : ctx.at;
  if (format === 'slack') {
    const lines = [
      `*Perimeter: ${title}* on ${ctx.context} (version ${ctx.version}${ctx.url ? `, <${ctx.url}|history>` : ''})`,
      `When: ${when} · By: ${whoText(ctx.changes)}`,
      `Changed: ${objects.slice(0, 5).join('; ')}${objects.length > 5 ? `; and ${objects.length - 5} more` : ''}`,
      ...matches.slice(0, 10).map((m) => `• ${m.text}`),
      ...(matches.length > 10 || omitted > 0 ? [`…and ${matches.length - 10 > 0 ? matches.length - 10 : 0}${omitted ? ` (+${omitted} not listed)` : ''} more`] : []),
    ];
    return { text: lines.join('\n') };
  }
  return {
    source: 'perimeter',
    alert: rule.on,
    rule: rule.where,
    title,
    cluster: { context: ctx.context, server: ctx.server },
    version: ctx.version,
    at: ctx.at,
    ...(ctx.gap ? { watchGap: { fromVersion: ctx.gap.fromVersion } } : {}),
    ...(ctx.url ? { url: ctx.url } : {}),
    changes: ctx.changes.map((c) => ({ op: c.op, kind: c.kind, namespace: c.namespace || undefined, name: c.name, by: c.who ?? null })),
    matches,
    ...(omitted ? { omittedConnections: omitted } : {}),
  };
}

/**
 * The alerts one version raises: for each rule with matches, one alert per webhook it goes to. Matches the
 * allow-list accepts are left out; a rule whose every match is accepted is recorded as suppressed (never sent).
 * The dedupe key (cluster, version, rule, webhook) makes each alert exist once however often effects are saved.
 */
export function alertsFor(effects: ChangeEffects, ctx: AlertContext, config: PerimeterConfig): AlertToSend[] {
  const alerts = config.alerts;
  if (!alerts || alerts.rules.length === 0 || alerts.webhooks.length === 0) return [];
  const allow = config.rules?.allow ?? [];
  const out: AlertToSend[] = [];
  alerts.rules.forEach((rule, i) => {
    const all = ruleMatches(rule, effects);
    if (all.length === 0) return;
    const accepted = all.map((m) => allowedBy(allow, rule, m));
    const open = all.filter((_, k) => !accepted[k]);
    const title = `${TITLES[rule.on]}: ${(open.length ? open : all)[0].text}${(open.length || all.length) > 1 ? ` (+${(open.length || all.length) - 1} more)` : ''}`;
    const omitted = rule.on === 'internet-exposure' || rule.on === 'connection-into-namespace' ? effects.connections.omitted : 0;
    for (const hook of alerts.webhooks.filter((w) => !rule.to || rule.to.includes(w.name))) {
      const suppressed = open.length === 0 ? accepted.map((a) => `${a!.where}: ${a!.reason}`).filter((x, k, xs) => xs.indexOf(x) === k).join('; ') : undefined;
      out.push({
        rule: rule.on,
        target: hook.name,
        dedupeKey: `${ctx.clusterId}:${ctx.version}:${i}:${rule.on}:${hook.name}`,
        title,
        payload: { format: hook.format, body: alertPayload(hook.format, ctx, rule, title, open.length ? open : all, omitted) },
        ...(suppressed ? { suppressed } : {}),
      });
    }
  });
  return out;
}
