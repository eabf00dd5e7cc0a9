import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config';
import { parseAuditLog, parseEventList } from './auditEvents';
import { diffText, lineDiff, toYaml } from './yamlDiff';

describe('lineDiff', () => {
  it('shows removed and added lines with context and … where unchanged lines are skipped', () => {
    const before = toYaml({ spec: { podSelector: {}, ingress: [{ ports: [{ port: 80 }] }], a: 1, b: 2, c: 3, d: 4, e: 5 } });
    const after = toYaml({ spec: { podSelector: {}, ingress: [{ ports: [{ port: 443 }] }], a: 1, b: 2, c: 3, d: 4, e: 6 } });
    expect(diffText(lineDiff(before, after, 1))).toBe([' …', '     - ports:', '-        - port: 80', '+        - port: 443', '   a: 1', ' …', '   d: 4', '-  e: 5', '+  e: 6'].join('\n'));
  });
  it('an added object is all additions; a removed one all removals', () => {
    expect(lineDiff('', 'a: 1\n').map((l) => l.op + l.text)).toEqual(['+a: 1']);
    expect(lineDiff('a: 1\n', '').map((l) => l.op + l.text)).toEqual(['-a: 1']);
  });
});

const ev = (extra: Record<string, unknown>) => ({
  kind: 'Event',
  apiVersion: 'audit.k8s.io/v1',
  auditID: 'x',
  stage: 'ResponseComplete',
  verb: 'patch',
  user: { username: 'bob', groups: ['devs'] },
  objectRef: { resource: 'rolebindings', namespace: 'shop', name: 'rb', apiGroup: 'rbac.authorization.k8s.io' },
  responseStatus: { code: 200 },
  stageTimestamp: '2026-03-01T00:00:01.5Z',
  ...extra,
});

describe('audit events', () => {
  it('keeps completed writes to watched kinds, with the resourceVersion of the response object (RequestResponse level)', () => {
    const r = parseEventList(JSON.stringify({ kind: 'EventList', apiVersion: 'audit.k8s.io/v1', items: [ev({ responseObject: { metadata: { name: 'rb', resourceVersion: '77' } }, requestObject: { big: true } })] }));
    expect(r.writes).toEqual([
      {
        auditId: 'x',
        at: '2026-03-01T00:00:01.500Z',
        verb: 'patch',
        user: 'bob',
        groups: ['devs'],
        kind: 'RoleBinding',
        resource: 'rolebindings',
        apiGroup: 'rbac.authorization.k8s.io',
        namespace: 'shop',
        name: 'rb',
        resourceVersion: '77',
        responseCode: 200,
        event: expect.not.objectContaining({ requestObject: expect.anything() }),
      },
    ]);
  });
  it('ignores reads, other stages, subresources, failed writes and kinds Perimeter does not read; an impersonated user is who made the change', () => {
    const items = [
      ev({ verb: 'get' }),
      ev({ stage: 'ResponseStarted' }),
      ev({ objectRef: { resource: 'pods', namespace: 'a', name: 'p', subresource: 'status' } }),
      ev({ responseStatus: { code: 403 } }),
      ev({ objectRef: { resource: 'secrets', namespace: 'a', name: 's' } }),
      ev({ auditID: 'y', impersonatedUser: { username: 'carol', groups: ['admins'] } }),
    ];
    const r = parseEventList(JSON.stringify({ kind: 'EventList', apiVersion: 'audit.k8s.io/v1', items }));
    expect(r.ignored).toBe(5);
    expect(r.writes.map((w) => [w.auditId, w.user, w.groups])).toEqual([['y', 'carol', ['admins']]]);
  });
  it('reads a JSON-lines log and names the line of every bad one', () => {
    const r = parseAuditLog([JSON.stringify(ev({})), 'not json', '', JSON.stringify({ kind: 'Event' })].join('\n'), 'audit.log');
    expect(r.writes).toHaveLength(1);
    expect(r.warnings.map((w) => w.message)).toEqual(['audit.log:2: not JSON; skipped', 'audit.log:4: not an audit.k8s.io/v1 Event (no auditID); skipped']);
  });
});

describe('history and alerts in perimeter.config.yaml', () => {
  it('reads retention, checkpoints, webhooks and rules; an allow entry may name an alert rule', () => {
    const { config, warnings } = parseConfig(`history:
  checkpointEvery: 50
  retention: {maxAge: 30d, maxSize: 500MiB}
alerts:
  webhooks:
    - {name: slack, url: 'https://hooks.example/x', format: slack}
    - {name: siem, url: 'https://siem.example/in', headers: {Authorization: Bearer t}}
  rules:
    - {on: networkpolicy-editor, namespaces: [payments], to: [slack]}
    - {on: finding, severity: medium}
allow:
  - {rule: 'alert:networkpolicy-editor', subject: 'Group:platform', reason: on-call}
`);
    expect(warnings).toEqual([]);
    expect(config.history).toEqual({ checkpointEvery: 50, retention: { maxAgeMs: 30 * 86_400_000, maxBytes: 500 * 1024 ** 2 }, retentionIntervalMs: 3_600_000 });
    expect(config.alerts?.webhooks.map((w) => [w.name, w.format])).toEqual([
      ['slack', 'slack'],
      ['siem', 'json'],
    ]);
    expect(config.alerts?.rules).toEqual([
      { on: 'networkpolicy-editor', namespaces: ['payments'], to: ['slack'], where: 'alerts.rules[0]' },
      { on: 'finding', severity: 'medium', where: 'alerts.rules[1]' },
    ]);
    expect(config.rules?.allow[0]).toMatchObject({ rule: 'alert:networkpolicy-editor', subject: 'Group:platform' });
  });
  it('warns about each bad entry and keeps the rest', () => {
    const { config, warnings } = parseConfig(`history: {retention: {maxAge: forever}}
alerts:
  webhooks: [{name: a, url: 'ftp://x'}, {name: b, url: 'https://b.example'}]
  rules: [{on: everything}, {on: default-deny-removed, to: [a, b]}]
`);
    expect(warnings.map((w) => w.message)).toEqual([
      'perimeter.config.yaml: history.retention.maxAge must be a duration such as 90d, 12h or 30m; 90d applies.',
      'perimeter.config.yaml: alerts.webhooks[0].url must be http(s); the webhook was ignored.',
      'perimeter.config.yaml: alerts.rules[0].on must be one of internet-exposure, connection-into-namespace, default-deny-removed, networkpolicy-editor, finding; the rule was ignored.',
      'perimeter.config.yaml: alerts.rules[1].to names no webhook a; those are skipped.',
    ]);
    expect(config.alerts?.rules).toEqual([{ on: 'default-deny-removed', to: ['b'], where: 'alerts.rules[1]' }]);
  });
});

describe('the audit report with changes in the period', () => {
  it('lists each change with who, when, effects and content hash in Markdown and HTML', async () => {
    const { analyze } = await import('../analyses');
    const { loadDemoSnapshot } = await import('../sources');
    const { buildAuditReport } = await import('../report/auditReport');
    const { auditHtml, auditMd } = await import('../report/auditFormats');
    const versions = [
      {
        version: 7,
        at: '2026-03-01T10:05:00.000Z',
        kind: 'change' as const,
        changes: 1,
        namespaces: ['payments'],
        kinds: ['NetworkPolicy'],
        users: ['bob'],
        tags: ['removed-default-deny'],
        effectsState: 'done' as const,
        contentHash: 'ab'.repeat(32),
        objects: [{ kind: 'NetworkPolicy', namespace: 'payments', name: 'default-deny-all', op: 'removed' as const, via: 'watch', observedAt: '2026-03-01T10:05:00.000Z', who: { user: 'bob', groups: [], source: 'audit' as const, match: 'time' as const } }],
        effects: { connections: { added: 7, removed: 0, changed: 0, items: [], omitted: 7 }, access: [], escalation: [], findings: { opened: [], closed: [] }, defaultDenies: [{ change: 'removed' as const, namespace: 'payments', direction: 'Ingress' as const }], skipped: [] },
        unreadable: [],
        alerts: [],
      },
    ];
    const r = buildAuditReport(analyze(await loadDemoSnapshot()), { generatedAt: 'g', tool: { name: 'Perimeter', version: 't' }, changes: { from: '2026-03-01T00:00:00.000Z', versions } });
    const md = auditMd(r);
    expect(md).toContain('## Changes in the period\n\nFrom 2026-03-01T00:00:00.000Z to g: 1 recorded version(s).');
    expect(md).toContain('| removed NetworkPolicy payments/default-deny-all | bob (audit, matched by time) |  |');
    expect(md).toContain('Effects: connections +7 -0 \\~0; default deny ingress removed in payments'); // ~ escaped: GFM strikethrough
    expect(auditHtml(r)).toContain(`<code>${'ab'.repeat(32)}</code>`);
  });
});
