import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { receiveAudit } from './auditReceiver';

const dir = mkdtempSync(path.join(os.tmpdir(), 'perimeter-audit-'));
process.env.PERIMETER_DATA_DIR = dir;
process.env.PERIMETER_AUDIT_TOKEN = 'audit-secret';
process.env.PERIMETER_AUDIT_MAX_BYTES = '4096';
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const post = (body: string, headers: Record<string, string> = { authorization: 'Bearer audit-secret', 'content-type': 'application/json' }) =>
  receiveAudit(new Request('http://x/api/audit', { method: 'POST', body, headers }));

const event = (id: string) => ({
  kind: 'Event',
  apiVersion: 'audit.k8s.io/v1',
  level: 'Metadata',
  auditID: id,
  stage: 'ResponseComplete',
  requestURI: '/apis/networking.k8s.io/v1/namespaces/shop/networkpolicies',
  verb: 'create',
  user: { username: 'alice', groups: ['system:authenticated'] },
  objectRef: { resource: 'networkpolicies', namespace: 'shop', name: 'p', apiGroup: 'networking.k8s.io', apiVersion: 'v1' },
  responseStatus: { code: 201 },
  requestReceivedTimestamp: '2026-03-01T00:00:00.000000Z',
  stageTimestamp: '2026-03-01T00:00:00.100000Z',
});
const list = (...items: unknown[]) => JSON.stringify({ kind: 'EventList', apiVersion: 'audit.k8s.io/v1', items });

describe('POST /api/audit', { timeout: 60_000 }, () => {
  it('rejects a request without the audit token, or with another token, with 401', async () => {
    expect(await post(list(), { 'content-type': 'application/json' })).toMatchObject({ status: 401, body: { error: 'send the audit token as Authorization: Bearer <PERIMETER_AUDIT_TOKEN>' } });
    expect(await post(list(), { authorization: 'Bearer nope' })).toMatchObject({ status: 401, body: { error: 'the bearer token is not PERIMETER_AUDIT_TOKEN' } });
  });
  it('rejects a body over PERIMETER_AUDIT_MAX_BYTES with 413, by its declared length or as it is read', async () => {
    const big = list(...Array.from({ length: 40 }, (_, i) => event(`e${i}`)));
    expect(big.length).toBeGreaterThan(4096);
    expect((await post(big)).status).toBe(413);
    const stream = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(big));
        c.close();
      },
    });
    const init = { method: "POST", body: stream, headers: { authorization: "Bearer audit-secret" }, duplex: "half" } as RequestInit;
    const r = await receiveAudit(new Request("http://x/api/audit", init));
    expect(r).toMatchObject({ status: 413, body: { error: expect.stringContaining('larger than 4096 bytes') } });
  });
  it('rejects what is not an audit.k8s.io/v1 EventList with 400 and the reason', async () => {
    expect(await post('{nope')).toMatchObject({ status: 400, body: { error: expect.stringMatching(/^not an audit.k8s.io\/v1 EventList: the body is not JSON/) } });
    expect(await post(JSON.stringify({ kind: 'Event' }))).toMatchObject({ status: 400, body: { error: 'not an audit.k8s.io/v1 EventList: expected kind EventList, got "Event"' } });
    expect(await post(JSON.stringify({ kind: 'EventList', apiVersion: 'audit.k8s.io/v1beta1', items: [] }))).toMatchObject({ status: 400, body: { error: expect.stringContaining('expected apiVersion audit.k8s.io/v1') } });
    expect((await post(list(), { authorization: 'Bearer audit-secret', 'content-type': 'text/plain' })).status).toBe(415);
  });
  it('stores each auditID once: the same batch posted twice is accepted, then counted as duplicates', async () => {
    const body = list(event('a-1'), event('a-2'), { ...event('a-3'), verb: 'get' }, { auditID: 'broken' });
    const first = await post(body);
    expect(first).toMatchObject({ status: 200, body: { accepted: 2, duplicates: 0, ignored: 1 } });
    expect(first.body.warnings).toEqual(['items[3]: not an audit.k8s.io/v1 Event (no stage); skipped']);
    expect(await post(body)).toMatchObject({ status: 200, body: { accepted: 0, duplicates: 2, ignored: 1 } });
  });
});
