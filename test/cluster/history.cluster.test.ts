// History on a real API server: kube-apiserver's audit webhook backend posts to Perimeter's receiver, and a change
// made as a user through the API is recorded as made by that user, with its effects.
import type { Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClusterSource, type ClusterSource } from '../../lib/sources/cluster';
import type { HistoryStore } from '../../lib/store/historyStore';
import { aggregateClusterRoles } from '../../scripts/local-cluster/aggregateClusterRoles';
import { applyObjects, demoObjects } from '../../scripts/local-cluster/applyObjects';
import { ADMIN_CONTEXT, EDITOR_GROUP } from '../../scripts/local-cluster/localCluster';
import { makeAuditPki } from '../../scripts/local-cluster/auditPki';
import { startAuditTlsListener } from '../../server/history/auditTlsListener';
import { currentRecorder, historyStore, recordClusterSource, stopHistory } from '../../server/history/historyService';
import { localClusterPerFile } from './fixture';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'perimeter-history-'));
process.env.PERIMETER_DATA_DIR = dataDir;

// The receiver: Perimeter's audit TLS listener (server/history/auditTlsListener), which the API server reaches with
// its client certificate; plain HTTP would not do (kube-apiserver sends no credentials over it).
let receiver: Server | undefined;

// The receiver listens before the API server starts: its webhook kubeconfig names the receiver's port and CA.
const cluster = localClusterPerFile(async () => {
  const pki = await makeAuditPki(dataDir);
  receiver = await startAuditTlsListener({ port: 0, host: '127.0.0.1', cert: pki.serverCert, key: pki.serverKey, clientCa: pki.ca });
  const url = `https://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/audit`;
  return { auditWebhook: { url, ca: pki.ca, clientCert: pki.clientCert, clientKey: pki.clientKey } };
});

const rbac = 'rbac.authorization.k8s.io/v1';
const EDIT = {
  apiVersion: rbac,
  kind: 'ClusterRole',
  metadata: { name: 'perimeter-test-editor' },
  rules: [
    { apiGroups: ['networking.k8s.io'], resources: ['networkpolicies'], verbs: ['*'] },
    { apiGroups: ['rbac.authorization.k8s.io'], resources: ['rolebindings'], verbs: ['*'] },
    { apiGroups: ['rbac.authorization.k8s.io'], resources: ['clusterroles'], verbs: ['bind'] },
  ],
};
const BIND = { apiVersion: rbac, kind: 'ClusterRoleBinding', metadata: { name: 'perimeter-test-editors' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: EDIT.metadata.name }, subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: EDITOR_GROUP }] };

let source: ClusterSource;
let store: HistoryStore;

afterAll(async () => {
  source?.stop();
  await stopHistory();
  // kube-apiserver keeps its webhook connection open: end it, or close() waits for it.
  receiver?.closeAllConnections();
  await new Promise<void>((r) => (receiver ? receiver.close(() => r()) : r()));
  rmSync(dataDir, { recursive: true, force: true });
});

async function until<T>(what: string, get: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await get();
    if (v !== undefined) return v;
    if (Date.now() > end) {
      // What the store holds, to see which step did not happen.
      const cid = (await store.clusters())[0]?.id;
      const versions = cid === undefined ? [] : (await store.list(cid, {}, { limit: 5 })).versions;
      const sets = await Promise.all(versions.map((v) => store.changeSet(cid!, v.version)));
      const audit = await store.db.query('select audit_id, verb, username, kind, namespace, name, resource_version, stage_at from audit_events order by stage_at desc limit 5');
      const detail = { recorder: currentRecorder()?.status(), versions: sets.map((c) => ({ v: c?.version, kind: c?.kind, state: c?.effectsState, err: c?.effectsError, objects: c?.objects.map((o) => [o.op, o.kind, o.name, o.resourceVersion, o.observedAt, o.who]) })), audit };
      throw new Error(`timed out waiting for ${what}: ${JSON.stringify(detail)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('history with the audit webhook of a real kube-apiserver', () => {
  beforeAll(async () => {
    await applyObjects(cluster().admin, [...(await demoObjects()), EDIT, BIND]);
    await aggregateClusterRoles(cluster().admin);
    source = createClusterSource(ADMIN_CONTEXT);
    recordClusterSource(source);
    await source.start();
    store = await historyStore();
    await until('the baseline', async () => ((await store.clusters())[0]?.versions ? true : undefined));
  }, 180_000);

  it('a NetworkPolicy created by alice and a default deny deleted by bob appear as made by them (audit), with their effects', async () => {
    const np = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'history-test-allow', namespace: 'payments' },
      spec: { podSelector: {}, policyTypes: ['Ingress'], ingress: [{ from: [{ namespaceSelector: {} }] }] },
    };
    const created = await cluster().editors['alice@acme.example'].request('POST', '/apis/networking.k8s.io/v1/namespaces/payments/networkpolicies', np);
    expect(created.status).toBe(201);
    const cid = (await store.clusters())[0].id;
    const findChange = (name: string) =>
      until(`the change of ${name} attributed by audit`, async () => {
        const { versions } = await store.list(cid, { kind: 'NetworkPolicy' }, { limit: 20 });
        for (const v of versions) {
          const cs = await store.changeSet(cid, v.version);
          const o = cs?.objects.find((x) => x.name === name && x.who?.source === 'audit');
          if (cs && o && cs.effectsState === 'done') return { cs, o };
        }
        return undefined;
      });
    const a = await findChange('history-test-allow');
    expect(a.o).toMatchObject({ op: 'added', kind: 'NetworkPolicy', namespace: 'payments', who: { user: 'alice@acme.example', source: 'audit', match: 'resourceVersion', groups: expect.arrayContaining(['perimeter:editors']) } });
    expect(a.cs.users).toContain('alice@acme.example');
    expect(a.cs.tags).toContain('opened-connection');

    const deleted = await cluster().editors['bob@acme.example'].request('DELETE', '/apis/networking.k8s.io/v1/namespaces/payments/networkpolicies/default-deny-all');
    expect(deleted.status).toBe(200);
    const b = await findChange('default-deny-all');
    expect(b.o).toMatchObject({ op: 'removed', who: { user: 'bob@acme.example', source: 'audit' } });
    expect(b.cs.effects?.defaultDenies).toContainEqual({ change: 'removed', namespace: 'payments', direction: 'Ingress' });
    expect(b.cs.tags).toContain('removed-default-deny');
  });

  it('a RoleBinding made by bob gives a new NetworkPolicy editor, attributed to bob', async () => {
    const rb = {
      apiVersion: rbac,
      kind: 'RoleBinding',
      metadata: { name: 'history-test-contractor', namespace: 'payments' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: EDIT.metadata.name },
      subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'mallory@contractor.example' }],
    };
    expect((await cluster().editors['bob@acme.example'].request('POST', '/apis/rbac.authorization.k8s.io/v1/namespaces/payments/rolebindings', rb)).status).toBe(201);
    const cid = (await store.clusters())[0].id;
    const cs = await until('the RoleBinding change', async () => {
      const { versions } = await store.list(cid, { kind: 'RoleBinding' }, { limit: 5 });
      const v = versions[0] && (await store.changeSet(cid, versions[0].version));
      return v && v.effectsState === 'done' && v.objects[0].who?.source === 'audit' ? v : undefined;
    });
    expect(cs.objects[0]).toMatchObject({ op: 'added', name: 'history-test-contractor', who: { user: 'bob@acme.example' } });
    expect(cs.effects?.access).toContainEqual(expect.objectContaining({ change: 'gained', subject: 'User:mallory@contractor.example', namespace: 'payments', capability: 'change NetworkPolicies' }));
    expect(cs.tags).toContain('added-editor');
  });
});
