// deploy/ applied to a real API server: its ServiceAccount's token is enough for the cluster source and no more than
// read access; the audit log shows every request Perimeter made was a get, list or watch, and none touched a Secret.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseManifestText } from '../../lib/sources';
import { WATCHED_KINDS } from '../../lib/sources/cluster';
import { applyObjects, demoObjects } from '../../scripts/local-cluster/applyObjects';
import { startSource, localClusterPerFile } from './fixture';

const cluster = localClusterPerFile();
const SA_USER = 'system:serviceaccount:perimeter:perimeter';
const SA_GROUPS = ['system:serviceaccounts', 'system:serviceaccounts:perimeter', 'system:authenticated'];
const DEPLOY_DIR = path.resolve(__dirname, '..', '..', 'deploy');

async function deployObjects() {
  const files = (await readdir(DEPLOY_DIR)).filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml').sort();
  const out: Record<string, unknown>[] = [];
  for (const f of files) out.push(...parseManifestText(f, await readFile(path.join(DEPLOY_DIR, f), 'utf8')).objects.map((o) => ({ ...o.object })));
  return out;
}

async function allowed(verb: string, group: string, resource: string, namespace?: string): Promise<boolean> {
  const r = await cluster().admin.post<{ status: { allowed: boolean } }>('/apis/authorization.k8s.io/v1/subjectaccessreviews', {
    apiVersion: 'authorization.k8s.io/v1',
    kind: 'SubjectAccessReview',
    spec: { user: SA_USER, groups: SA_GROUPS, resourceAttributes: { verb, group, resource, namespace } },
  });
  return r.status.allowed;
}

interface AuditEvent {
  verb: string;
  requestURI: string;
  user: { username: string };
  objectRef?: { resource?: string; apiGroup?: string };
}

describe('deploy/ on a real API server', () => {
  beforeAll(async () => {
    await applyObjects(cluster().admin, [...(await demoObjects()), ...(await deployObjects())] as never[]);
  }, 120_000);

  it('the ServiceAccount token reads every kind (nothing unreadable), through a merged KUBECONFIG', async () => {
    const tr = await cluster().admin.post<{ status: { token: string } }>('/api/v1/namespaces/perimeter/serviceaccounts/perimeter/token', {
      apiVersion: 'authentication.k8s.io/v1',
      kind: 'TokenRequest',
      spec: { expirationSeconds: 3600 },
    });
    const file = path.join(cluster().dir, 'perimeter-sa.kubeconfig');
    const ca = Buffer.from(cluster().ca).toString('base64');
    await writeFile(
      file,
      `apiVersion: v1\nkind: Config\nclusters:\n- name: local-sa\n  cluster:\n    server: ${cluster().server}\n    certificate-authority-data: ${ca}\n` +
        `users:\n- name: perimeter-sa\n  user:\n    token: ${tr.status.token}\ncontexts:\n- name: perimeter-sa\n  context:\n    cluster: local-sa\n    user: perimeter-sa\ncurrent-context: perimeter-sa\n`,
    );
    // Two files merged as kubectl does: the context comes from the second one.
    process.env.KUBECONFIG = `${cluster().kubeconfig}${path.delimiter}${file}`;
    const source = await startSource('perimeter-sa');
    const s = source.snapshot();
    expect(s?.unreadable).toEqual([]);
    expect(s?.pods.length).toBeGreaterThan(30);
    expect(s?.clusterRoleBindings.some((b) => b.name === 'perimeter-reader')).toBe(true);
    // Left running: the audit test below waits for its watches.
  });

  it('the ClusterRole grants get, list and watch on what Perimeter reads, and nothing else', async () => {
    for (const k of WATCHED_KINDS) {
      const [resource, ...group] = k.resource.split('.');
      const g = group.join('.');
      for (const verb of ['get', 'list', 'watch']) expect(await allowed(verb, g, resource), `${verb} ${k.resource}`).toBe(true);
      for (const verb of ['create', 'update', 'patch', 'delete', 'deletecollection', 'escalate', 'bind']) expect(await allowed(verb, g, resource, 'default'), `${verb} ${k.resource}`).toBe(false);
    }
    for (const [g, r] of [
      ['', 'secrets'],
      ['', 'configmaps'],
      ['', 'pods/exec'],
      ['', 'nodes'],
      ['authentication.k8s.io', 'tokenreviews'],
    ]) {
      for (const verb of ['get', 'list', 'watch', 'create']) expect(await allowed(verb, g, r, 'default'), `${verb} ${r}`).toBe(false);
    }
  });

  it('the audit log: every request by Perimeter was a get, list or watch of a watched resource; never a Secret or ConfigMap', async () => {
    // Blocking audit mode writes each event before the response; a watch is logged when its response starts.
    const read = async () =>
      (await readFile(cluster().auditLog, 'utf8'))
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => JSON.parse(l) as AuditEvent)
        .filter((e) => e.user.username === SA_USER);
    let events = await read();
    for (let i = 0; i < 50 && events.filter((e) => e.verb === 'watch').length < WATCHED_KINDS.length; i++) {
      await new Promise((r) => setTimeout(r, 100));
      events = await read();
    }
    expect(events.filter((e) => e.verb === 'list').length).toBeGreaterThanOrEqual(WATCHED_KINDS.length);
    expect(events.filter((e) => e.verb === 'watch').length).toBeGreaterThanOrEqual(WATCHED_KINDS.length);
    const verbs = new Set(events.map((e) => e.verb));
    expect([...verbs].sort()).toEqual(['list', 'watch']);
    const resources = new Set(events.map((e) => (e.objectRef?.apiGroup ? `${e.objectRef.resource}.${e.objectRef.apiGroup}` : (e.objectRef?.resource ?? e.requestURI))));
    expect([...resources].sort()).toEqual(WATCHED_KINDS.map((k) => k.resource).sort());
    expect(events.some((e) => /secrets|configmaps/.test(e.requestURI))).toBe(false);
  });
});
