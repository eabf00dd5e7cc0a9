import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stateOf } from '../../lib/history/delta';
import { toStoredObject } from '../../lib/sources/storedObject';
import { HistoryStore } from '../../lib/store/historyStore';
import { openPgliteDb } from '../../lib/store/pgliteDb';
import { memoryIO } from '../io';
import { main } from '../main';

const dir = mkdtempSync(path.join(os.tmpdir(), 'perimeter-cli-history-'));
const dataDir = path.join(dir, 'data');
const np = (rv: string, port: number) => toStoredObject('NetworkPolicy', 'networking.k8s.io/v1', { metadata: { name: 'web', namespace: 'shop', resourceVersion: rv }, spec: { podSelector: {}, ingress: [{ ports: [{ port }] }] } });
const T = '2026-03-01T10:00:00.000Z';

beforeAll(async () => {
  const store = await HistoryStore.open(await openPgliteDb(path.join(dataDir, 'history')));
  const c = await store.clusterId('prod', 'https://prod:6443');
  await store.record(c, { version: 1, at: T, kind: 'baseline', unreadable: [], changes: [] }, stateOf([np('1', 80)]));
  await store.record(c, {
    version: 2,
    at: '2026-03-01T10:05:00.000Z',
    kind: 'change',
    unreadable: [],
    changes: [{ kind: 'NetworkPolicy', namespace: 'shop', name: 'web', op: 'modified', via: 'watch', resourceVersion: '2', observedAt: '2026-03-01T10:05:00.000Z', before: np('1', 80), after: np('2', 443), lastWrite: { manager: 'kubectl-edit', operation: 'Update', time: '2026-03-01T10:04:59Z' } }],
  });
  await store.saveEffects(c, 2, {
    effects: { connections: { added: 0, removed: 0, changed: 1, items: [{ change: 'changed', src: 'a/x[Pod]', dst: 'shop/web[Pod]', before: 'TCP 80', after: 'TCP 443', opened: 'TCP 443', closed: 'TCP 80' }], omitted: 0 }, access: [], escalation: [], findings: { opened: [], closed: [] }, defaultDenies: [], skipped: ['access'] },
    tags: ['closed-connection', 'opened-connection'],
    contentHash: 'c'.repeat(64),
    alerts: [],
  });
  await store.close();
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const io = memoryIO();
  const code = await main(['history', ...argv, '--data-dir', dataDir], io);
  return { code, out: io.stdout(), err: io.stderr() };
}

describe('perimeter history', { timeout: 60_000 }, () => {
  it('list shows versions newest first with who and effect tags; filters narrow them', async () => {
    const r = await run('list');
    expect(r.code).toBe(0);
    expect(r.out).toContain('prod (https://prod:6443): 2 versions match');
    expect(r.out).toMatch(/ {5}2 {2}2026-03-01T10:05:00.000Z {2}1 change {2}NetworkPolicy in shop {2}by kubectl-edit {2}\[closed-connection opened-connection\]/);
    expect((await run('list', '--effect', 'removed-default-deny')).out).toContain('0 versions match');
    expect((await run('list', '--effect', 'nope')).code).toBe(2);
  });

  it('show prints the YAML diff, who (marked as a field manager) and the effects', async () => {
    const r = await run('show', '2');
    expect(r.out).toContain('modified NetworkPolicy shop/web  by field manager kubectl-edit (managedFields, not an authenticated user)  resourceVersion 2');
    expect(r.out).toContain('-        - port: 80\n+        - port: 443');
    expect(r.out).toContain('connection changed: a/x[Pod] → shop/web[Pod] TCP 80 → TCP 443');
    expect((await run('show', '9')).err).toContain('version 9 is not in the history of prod');
  });

  it('export writes evidence as JSON, CSV and Markdown with the period and content hashes', async () => {
    const json = JSON.parse((await run('export', '--format', 'json', '--from', '2026-03-01T10:01:00Z')).out) as { kind: string; period: { from: string }; versions: { version: number; contentHash: string }[] };
    expect(json.kind).toBe('PerimeterHistory');
    expect(json.period.from).toBe('2026-03-01T10:01:00.000Z');
    expect(json.versions.map((v) => [v.version, v.contentHash])).toEqual([[2, 'c'.repeat(64)]]);
    const csv = (await run('export', '--format', 'csv')).out.split('\n');
    expect(csv[0]).toBe('version,at,version kind,change,kind,namespace,name,who,who source,resourceVersion,effects,content hash');
    expect(csv[2]).toBe(`2,2026-03-01T10:05:00.000Z,change,modified,NetworkPolicy,shop,web,kubectl-edit,managedFields,2,connections +0 -0 ~1,${'c'.repeat(64)}`);
    const md = (await run('export', '--format', 'md')).out;
    expect(md).toContain('# Changes to prod (https://prod:6443)');
    expect(md).toContain('### Version 2: 2026-03-01T10:05:00.000Z');
    expect(md).toContain('| modified NetworkPolicy shop/web | field manager kubectl-edit (managedFields, not an authenticated user) | 2 |');
  });

  it('import-audit reads a JSON-lines audit log and attributes the change to the user who made it', async () => {
    const log = path.join(dir, 'audit.log');
    const ev = { kind: 'Event', apiVersion: 'audit.k8s.io/v1', level: 'RequestResponse', auditID: 'a1', stage: 'ResponseComplete', verb: 'update', user: { username: 'alice@acme.example', groups: ['system:authenticated'] }, objectRef: { resource: 'networkpolicies', namespace: 'shop', name: 'web', apiGroup: 'networking.k8s.io' }, responseStatus: { code: 200 }, responseObject: { metadata: { name: 'web', resourceVersion: '2' } }, stageTimestamp: '2026-03-01T10:04:59.500Z' };
    writeFileSync(log, `${JSON.stringify(ev)}\n${JSON.stringify({ ...ev, auditID: 'a2', verb: 'get' })}\n`);
    const r = await run('import-audit', log);
    expect(r.code).toBe(0);
    expect(r.err).toContain('1 writes to watched kinds (1 new, 0 already known), 1 other events ignored; 1 recorded changes attributed');
    expect((await run('show', '2')).out).toContain('modified NetworkPolicy shop/web  by alice@acme.example (audit)');
    expect((await run('list', '--user', 'alice')).out).toContain('by alice@acme.example');
  });
});
