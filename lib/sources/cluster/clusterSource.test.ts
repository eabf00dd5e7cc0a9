import { afterEach, describe, expect, it } from 'vitest';
import { ClusterSource, ClusterUnavailableError, type ClusterChange, type VersionRecord } from './clusterSource';
import { WATCHED_KINDS } from './kinds';
import type { KubeTransport, TransportResponse, WatchHandle } from './transport';

type Obj = Record<string, unknown>;

interface OpenWatch {
  readonly path: string;
  send(type: string, object: Obj): void;
  end(): void;
  fail(e: Error): void;
}

/** An in-memory API server: paginated lists, controllable watches, and a record of every request. */
class FakeApi implements KubeTransport {
  readonly server = 'https://fake:6443';
  readonly requests: string[] = [];
  readonly watches: OpenWatch[] = [];
  readonly lists = new Map<string, Obj[]>();
  readonly forbidden = new Set<string>();
  rv = 100;
  down = false;
  /** Continue tokens that have expired (410 on use). */
  expireContinue = false;

  readonly notServed = new Set<string>();

  get(pathAndQuery: string): Promise<TransportResponse> {
    this.requests.push(`GET ${pathAndQuery}`);
    if (this.down) return Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:6443'));
    const url = new URL(`https://x${pathAndQuery}`);
    if (this.notServed.has(url.pathname)) return Promise.resolve({ status: 404, body: '404 page not found' });
    if (this.forbidden.has(url.pathname)) {
      return Promise.resolve({ status: 403, body: JSON.stringify({ kind: 'Status', code: 403, message: `forbidden: cannot list ${url.pathname}` }) });
    }
    const all = this.lists.get(url.pathname) ?? [];
    const limit = Number(url.searchParams.get('limit') ?? 500);
    const cont = url.searchParams.get('continue');
    if (cont && this.expireContinue) {
      this.expireContinue = false;
      return Promise.resolve({ status: 410, body: '{"code":410,"message":"continue expired"}' });
    }
    const start = cont ? Number(cont) : 0;
    const page = all.slice(start, start + limit);
    const next = start + limit < all.length ? String(start + limit) : undefined;
    return Promise.resolve({ status: 200, body: JSON.stringify({ metadata: { resourceVersion: String(this.rv), ...(next ? { continue: next } : {}) }, items: page }) });
  }

  watch(pathAndQuery: string, onLine: (line: string) => void): WatchHandle {
    this.requests.push(`WATCH ${pathAndQuery}`);
    let settle!: (v: { status: number }) => void;
    let reject!: (e: Error) => void;
    const done = new Promise<{ status: number }>((res, rej) => {
      settle = res;
      reject = rej;
    });
    const w: OpenWatch = {
      path: pathAndQuery,
      send: (type, object) => onLine(JSON.stringify({ type, object })),
      end: () => settle({ status: 200 }),
      fail: (e) => reject(e),
    };
    this.watches.push(w);
    return { done, abort: () => settle({ status: 200 }) };
  }

  openWatch(pathname: string): OpenWatch {
    const w = [...this.watches].reverse().find((x) => x.path.startsWith(`${pathname}?`));
    if (!w) throw new Error(`no watch on ${pathname}`);
    return w;
  }
}

const ns = (name: string, labels: Record<string, string> = {}): Obj => ({ metadata: { name, labels, resourceVersion: '1' } });
const policy = (namespace: string, name: string, rv: string): Obj => ({
  metadata: { namespace, name, resourceVersion: rv },
  spec: { podSelector: {}, policyTypes: ['Ingress'] },
});

const sources: ClusterSource[] = [];
function source(api: FakeApi, opts: Partial<ConstructorParameters<typeof ClusterSource>[0]> = {}): ClusterSource {
  const s = new ClusterSource({ transport: api, context: 'test', settleMs: 5, initialBackoffMs: 5, maxBackoffMs: 20, forbiddenRetryMs: 20, ...opts });
  sources.push(s);
  return s;
}
afterEach(() => {
  for (const s of sources.splice(0)) s.stop();
});

async function until(what: string, cond: () => boolean, ms = 2000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

describe('ClusterSource', () => {
  it('lists every kind page by page (limit + continue) and adds kind/apiVersion to list items', async () => {
    const api = new FakeApi();
    api.lists.set('/api/v1/namespaces', [ns('a'), ns('b'), ns('c')]);
    const s = await source(api, { pageSize: 2 }).start();
    expect(s.namespaces.map((n) => n.name)).toEqual(['a', 'b', 'c']);
    expect(s.source).toEqual({ kind: 'cluster', context: 'test', server: 'https://fake:6443' });
    expect(s.version).toBe(1);
    expect(api.requests).toContain('GET /api/v1/namespaces?limit=2&continue=2');
    expect(api.requests.filter((r) => r.startsWith('GET')).length).toBe(WATCHED_KINDS.length + 1);
  });

  it('restarts a list whose continue token expired (410)', async () => {
    const api = new FakeApi();
    api.lists.set('/api/v1/namespaces', [ns('a'), ns('b'), ns('c')]);
    api.expireContinue = true;
    const s = await source(api, { pageSize: 2 }).start();
    expect(s.namespaces.map((n) => n.name)).toEqual(['a', 'b', 'c']);
  });

  it('watches from the list resourceVersion and makes one new version per settled change', async () => {
    const api = new FakeApi();
    const src = source(api);
    const first = await src.start();
    const changes: ClusterChange[] = [];
    src.subscribe((c) => changes.push(c));
    await until('watch', () => api.watches.length === WATCHED_KINDS.length);
    const w = api.openWatch('/apis/networking.k8s.io/v1/networkpolicies');
    expect(w.path).toContain('resourceVersion=100');
    expect(w.path).toContain('allowWatchBookmarks=true');
    w.send('ADDED', policy('x', 'p1', '101'));
    w.send('ADDED', policy('x', 'p2', '102'));
    await until('version 2', () => src.snapshot()?.version === 2);
    expect(src.snapshot()?.networkPolicies.map((p) => p.name)).toEqual(['p1', 'p2']);
    w.send('DELETED', policy('x', 'p1', '103'));
    await until('version 3', () => src.snapshot()?.version === 3);
    expect(src.snapshot()?.networkPolicies.map((p) => p.name)).toEqual(['p2']);
    expect(changes.filter((c) => c.type === 'snapshot').map((c) => (c.type === 'snapshot' ? c.version : 0))).toEqual([2, 3]);
    expect(first.networkPolicies).toEqual([]); // versions are immutable
  });

  it('an update that changes nothing Perimeter reads (status heartbeat, annotations) makes no new version', async () => {
    const api = new FakeApi();
    api.lists.set('/apis/networking.k8s.io/v1/networkpolicies', [policy('x', 'p1', '101')]);
    const src = source(api);
    await src.start();
    await until('watch', () => api.watches.length === WATCHED_KINDS.length);
    const w = api.openWatch('/apis/networking.k8s.io/v1/networkpolicies');
    const touched = policy('x', 'p1', '102');
    (touched.metadata as Record<string, unknown>).annotations = { 'last-applied': 'x' };
    w.send('MODIFIED', touched);
    w.send('MODIFIED', { ...policy('x', 'p1', '103'), spec: { podSelector: { matchLabels: { app: 'a' } } } });
    await until('version 2', () => src.snapshot()?.version === 2);
    await new Promise((r) => setTimeout(r, 30));
    expect(src.snapshot()?.version).toBe(2);
    expect(src.snapshot()?.networkPolicies[0].podSelector.matchLabels).toEqual({ app: 'a' });
  });

  it('a relist that finds the same objects (after 410) makes no new version', async () => {
    const api = new FakeApi();
    api.lists.set('/apis/networking.k8s.io/v1/networkpolicies', [policy('x', 'p1', '101')]);
    const src = source(api);
    await src.start();
    await until('watch', () => api.watches.length === WATCHED_KINDS.length);
    api.openWatch('/apis/networking.k8s.io/v1/networkpolicies').send('ERROR', { kind: 'Status', code: 410, message: 'too old resource version' });
    await until('relisted', () => api.requests.filter((r) => r.startsWith('GET /apis/networking.k8s.io/v1/networkpolicies')).length === 2);
    await new Promise((r) => setTimeout(r, 30));
    expect(src.snapshot()?.version).toBe(1);
  });

  it('a bookmark moves the resourceVersion without a new version; a closed watch resumes from it', async () => {
    const api = new FakeApi();
    const src = source(api);
    await src.start();
    await until('watch', () => api.watches.length === WATCHED_KINDS.length);
    const w = api.openWatch('/apis/networking.k8s.io/v1/networkpolicies');
    w.send('BOOKMARK', { metadata: { resourceVersion: '150' } });
    w.end();
    await until('rewatch', () => api.watches.length === WATCHED_KINDS.length + 1);
    expect(api.openWatch('/apis/networking.k8s.io/v1/networkpolicies').path).toContain('resourceVersion=150');
    expect(src.snapshot()?.version).toBe(1);
  });

  it('relists on 410 Gone from a watch', async () => {
    const api = new FakeApi();
    const src = source(api);
    await src.start();
    await until('watch', () => api.watches.length === WATCHED_KINDS.length);
    api.lists.set('/apis/networking.k8s.io/v1/networkpolicies', [policy('x', 'relisted', '200')]);
    api.openWatch('/apis/networking.k8s.io/v1/networkpolicies').send('ERROR', { kind: 'Status', code: 410, message: 'too old resource version' });
    await until('relist', () => src.snapshot()?.networkPolicies.some((p) => p.name === 'relisted') === true);
    expect(api.requests.filter((r) => r.startsWith('GET /apis/networking.k8s.io/v1/networkpolicies')).length).toBe(2);
  });

  it('a dropped watch shows reconnecting, then reconnects with backoff and goes live again', async () => {
    const api = new FakeApi();
    const src = source(api);
    await src.start();
    const states: string[] = [];
    src.subscribe((c) => c.type === 'status' && states.push(c.status.state));
    await until('watch', () => api.watches.length === WATCHED_KINDS.length);
    api.down = true;
    api.openWatch('/api/v1/pods').fail(new Error('socket hang up'));
    await until('reconnecting', () => src.status().state === 'reconnecting');
    expect(src.status()).toMatchObject({ state: 'reconnecting', message: expect.stringContaining('socket hang up') });
    await new Promise((r) => setTimeout(r, 40));
    api.down = false;
    await until('live', () => src.status().state === 'live');
    // The message may change while down (each retry's cause); the state goes down once and up once.
    expect(states.filter((st, i) => st !== states[i - 1])).toEqual(['reconnecting', 'live']);
  });

  it('a 403 on one kind marks it unreadable with the permission that fixes it; the rest still loads', async () => {
    const api = new FakeApi();
    api.lists.set('/api/v1/namespaces', [ns('a')]);
    api.forbidden.add('/apis/rbac.authorization.k8s.io/v1/clusterroles');
    const s = await source(api).start();
    expect(s.namespaces.map((n) => n.name)).toEqual(['a']);
    expect(s.unreadable).toEqual([
      {
        kind: 'ClusterRole',
        message: expect.stringMatching(/^cannot list clusterroles\.rbac\.authorization\.k8s\.io: who-can answers are incomplete \(API server: forbidden.*\)$/),
        missingPermission: 'list, watch clusterroles.rbac.authorization.k8s.io (cluster-wide)',
      },
    ]);
  });

  it('an AdminNetworkPolicy API that is not served (no CRD) means none, not unreadable; a built-in kind not served is unreadable', async () => {
    const api = new FakeApi();
    api.notServed.add('/apis/policy.networking.k8s.io/v1alpha1/adminnetworkpolicies');
    api.notServed.add('/apis/batch/v1/cronjobs');
    const s = await source(api).start();
    expect(s.adminNetworkPolicies).toEqual([]);
    expect(s.unreadable.map((u) => u.kind)).toEqual(['CronJob']);
    expect(s.unreadable[0].message).toMatch(/^cronjobs\.batch is not served by this API server/);
  });

  it('reads and watches a Gateway API kind at the newest version served (an older release serves v1beta1 only)', async () => {
    const api = new FakeApi();
    api.notServed.add('/apis/gateway.networking.k8s.io/v1/gateways');
    api.lists.set('/apis/gateway.networking.k8s.io/v1beta1/gateways', [
      { metadata: { name: 'public', namespace: 'edge', resourceVersion: '1' }, spec: { gatewayClassName: 'envoy', listeners: [{ name: 'http', port: 80, protocol: 'HTTP' }] } },
    ]);
    const src = source(api);
    const s = await src.start();
    expect(s.gateways.map((g) => `${g.namespace}/${g.name}`)).toEqual(['edge/public']);
    expect(s.unreadable).toEqual([]);
    await until('a watch on v1beta1 gateways', () => api.watches.some((w) => w.path.startsWith('/apis/gateway.networking.k8s.io/v1beta1/gateways?')));
    api.openWatch('/apis/gateway.networking.k8s.io/v1beta1/gateways').send('DELETED', { metadata: { name: 'public', namespace: 'edge', resourceVersion: '2' } });
    await until('the gateway to go', () => src.snapshot()?.gateways.length === 0);
  });

  it('retries a forbidden kind and picks it up once permission is granted', async () => {
    const api = new FakeApi();
    api.forbidden.add('/apis/rbac.authorization.k8s.io/v1/clusterroles');
    const src = source(api);
    await src.start();
    api.lists.set('/apis/rbac.authorization.k8s.io/v1/clusterroles', [{ metadata: { name: 'view' }, rules: [] }]);
    api.forbidden.clear();
    await until('granted', () => src.snapshot()?.unreadable.length === 0);
    expect(src.snapshot()?.clusterRoles.map((r) => r.name)).toEqual(['view']);
  });

  it('an unreachable cluster fails start() with the context, server and cause', async () => {
    const api = new FakeApi();
    api.down = true;
    const src = source(api);
    const err = await src.start().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClusterUnavailableError);
    expect((err as Error).message).toMatch(/^cannot read cluster "test" at https:\/\/fake:6443: list .*ECONNREFUSED/);
    expect(src.status().state).toBe('failed');
  });

  it('never reads Secrets or ConfigMaps, and only issues GETs and watches', async () => {
    const api = new FakeApi();
    await source(api).start();
    await until('watch', () => api.watches.length === WATCHED_KINDS.length);
    expect(api.requests.every((r) => /^(GET|WATCH) /.test(r))).toBe(true);
    expect(api.requests.some((r) => /secrets|configmaps/.test(r))).toBe(false);
  });

  it('onVersion: the first version carries every object, later ones each changed object with before/after and managedFields', async () => {
    const api = new FakeApi();
    api.lists.set('/api/v1/namespaces', [ns('a')]);
    api.lists.set('/apis/networking.k8s.io/v1/networkpolicies', [policy('a', 'p', '5')]);
    const src = source(api);
    const records: VersionRecord[] = [];
    src.onVersion((r) => records.push(r));
    await src.start();
    expect(records[0].version).toBe(1);
    expect(records[0].objects?.map((o) => `${o.kind}/${o.namespace}/${o.name}`).sort()).toEqual(['Namespace//a', 'NetworkPolicy/a/p']);
    await until('watch', () => api.watches.length === WATCHED_KINDS.length);
    const w = api.openWatch('/apis/networking.k8s.io/v1/networkpolicies');
    const edited: Obj = { ...policy('a', 'p', '6'), spec: { podSelector: { matchLabels: { app: 'x' } }, policyTypes: ['Ingress'] } };
    (edited.metadata as Obj).managedFields = [{ manager: 'kubectl-edit', operation: 'Update', time: '2026-01-02T03:04:05Z' }];
    w.send('MODIFIED', edited);
    w.send('ADDED', policy('a', 'q', '7'));
    w.send('DELETED', policy('a', 'q', '8'));
    await until('version 2', () => records.length === 2);
    expect(records[1].changes).toHaveLength(1);
    const c = records[1].changes[0];
    expect(c).toMatchObject({ key: 'NetworkPolicy/a/p', via: 'watch', lastWrite: { manager: 'kubectl-edit', time: '2026-01-02T03:04:05Z' } });
    expect(c.before?.body.spec).toEqual({ podSelector: {}, policyTypes: ['Ingress'] });
    expect(c.after?.resourceVersion).toBe('6');
    expect(c.after?.body.spec).toEqual({ podSelector: { matchLabels: { app: 'x' } }, policyTypes: ['Ingress'] });
  });

  it('onVersion: what a relist after 410 finds different is marked as found by the relist', async () => {
    const api = new FakeApi();
    api.lists.set('/apis/networking.k8s.io/v1/networkpolicies', [policy('a', 'p', '5')]);
    const src = source(api);
    const records: VersionRecord[] = [];
    src.onVersion((r) => records.push(r));
    await src.start();
    await until('watch', () => api.watches.length === WATCHED_KINDS.length);
    api.lists.set('/apis/networking.k8s.io/v1/networkpolicies', [policy('a', 'q', '9')]);
    api.openWatch('/apis/networking.k8s.io/v1/networkpolicies').send('ERROR', { kind: 'Status', code: 410, message: 'too old resource version' });
    await until('version 2', () => records.length === 2);
    expect(records[1].changes.map((c) => `${c.via} ${c.key} ${c.before ? 'before' : ''}${c.after ? 'after' : ''}`).sort()).toEqual(['relist NetworkPolicy/a/p before', 'relist NetworkPolicy/a/q after']);
  });
});
