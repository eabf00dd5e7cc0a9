import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import { HistoryPage } from './pages/HistoryPage';
import { startPerimeter, type PerimeterServer } from './liveStack';
import { SERVERS } from './servers';
import { aggregateClusterRoles } from '../scripts/local-cluster/aggregateClusterRoles';
import { applyObjects, demoObjects } from '../scripts/local-cluster/applyObjects';
import { makeAuditPki } from '../scripts/local-cluster/auditPki';
import { EDITOR_GROUP, startLocalCluster, type LocalCluster } from '../scripts/local-cluster/localCluster';

// The whole loop on real parts: kube-apiserver's audit webhook (client certificate) to Perimeter's TLS listener, two
// people changing the cluster through the API, History showing each change as theirs with its effects, an alert
// delivered once to a receiver started here, and all of it still there after Perimeter restarts.
test.describe.configure({ mode: 'serial', timeout: 180_000 });

const PERIMETER_PORT = SERVERS.files.port + 12;
const AUDIT_PORT = SERVERS.files.port + 13;
const dir = mkdtempSync(path.join(os.tmpdir(), 'perimeter-e2e-history-'));
let cluster: LocalCluster;
let server: PerimeterServer;
let env: Record<string, string>;
const received: { delivery: string; body: { text?: string } }[] = [];
const receiver = http.createServer((req, res) => {
  let text = '';
  req.on('data', (c: Buffer) => (text += c.toString()));
  req.on('end', () => {
    received.push({ delivery: String(req.headers['x-perimeter-delivery']), body: JSON.parse(text) as { text?: string } });
    res.writeHead(200).end('ok');
  });
});

const rbac = 'rbac.authorization.k8s.io/v1';
const EDITORS = [
  { apiVersion: rbac, kind: 'ClusterRole', metadata: { name: 'e2e-editor' }, rules: [{ apiGroups: ['networking.k8s.io'], resources: ['networkpolicies'], verbs: ['*'] }, { apiGroups: ['rbac.authorization.k8s.io'], resources: ['rolebindings'], verbs: ['*'] }, { apiGroups: ['rbac.authorization.k8s.io'], resources: ['clusterroles'], verbs: ['bind'] }] },
  { apiVersion: rbac, kind: 'ClusterRoleBinding', metadata: { name: 'e2e-editors' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'e2e-editor' }, subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: EDITOR_GROUP }] },
];

test.beforeAll(async () => {
  test.setTimeout(400_000);
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
  const hook = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/alerts`;
  const config = path.join(dir, 'perimeter.config.yaml');
  writeFileSync(config, `alerts:\n  webhooks: [{name: chat, url: '${hook}', format: slack}]\n  rules:\n    - on: default-deny-removed\n    - on: networkpolicy-editor\n`);
  const pki = await makeAuditPki(dir);
  cluster = await startLocalCluster({ auditWebhook: { url: `https://127.0.0.1:${AUDIT_PORT}/api/audit`, ca: pki.ca, clientCert: pki.clientCert, clientKey: pki.clientKey } });
  await applyObjects(cluster.admin, [...(await demoObjects()), ...EDITORS]);
  await aggregateClusterRoles(cluster.admin);
  env = {
    PERIMETER_SOURCE: 'cluster',
    KUBECONFIG: cluster.kubeconfig,
    PERIMETER_CONFIG: config,
    PERIMETER_DATA_DIR: path.join(dir, 'data'),
    PERIMETER_AUDIT_TLS_PORT: String(AUDIT_PORT),
    PERIMETER_AUDIT_TLS_CERT: pki.files.serverCert,
    PERIMETER_AUDIT_TLS_KEY: pki.files.serverKey,
    PERIMETER_AUDIT_CLIENT_CA: pki.files.ca,
  };
  server = await startPerimeter(PERIMETER_PORT, env);
});

test.afterAll(async () => {
  await server?.stop();
  await cluster?.stop();
  await new Promise<void>((r) => receiver.close(() => r()));
  rmSync(dir, { recursive: true, force: true });
});

test('changes made through the API by alice and bob appear in History as theirs, with effects and an alert delivered once', async ({ page }) => {
  const history = new HistoryPage(page);
  await history.goto(`${server.url}/history`);
  await expect(history.rows.first()).toBeVisible({ timeout: 30_000 });
  const alice = cluster.editors['alice@acme.example'];
  const bob = cluster.editors['bob@acme.example'];
  expect((await alice.request('POST', '/apis/networking.k8s.io/v1/namespaces/shop-frontend/networkpolicies', { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'e2e-allow-all', namespace: 'shop-frontend' }, spec: { podSelector: {}, ingress: [{}] } })).status).toBe(201);
  await expect(async () => {
    await history.goto(`${server.url}/history`);
    await expect(history.rowBy('alice@acme.example')).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  // Bob's change comes after alice's is recorded, so each is a version of its own (changes within 50 ms share one).
  expect((await bob.request('DELETE', '/apis/networking.k8s.io/v1/namespaces/payments/networkpolicies/default-deny-all')).status).toBe(200);
  await expect(async () => {
    await history.goto(`${server.url}/history`);
    await expect(history.rowBy('bob@acme.example')).toContainText('removed a default deny', { timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  await history.screenshot('history-timeline');

  await history.open(history.rowBy('bob@acme.example'));
  // A delete's response carries no resourceVersion: the audit event is matched by object and time.
  await expect(history.detail.getByTestId('history-who')).toHaveText('bob@acme.example (audit, matched by time)');
  await expect(history.detail.getByTestId('history-default-deny')).toContainText('default deny removed Ingress in payments');
  await expect(history.detail.getByTestId('history-yaml-diff').first()).toContainText('-  name: default-deny-all');
  await expect(async () => {
    await page.reload();
    await expect(history.detail.getByTestId('history-alert').filter({ hasText: 'default-deny-removed' })).toContainText('delivered', { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await history.screenshot('history-detail-bob');
  expect(received.filter((r) => r.body.text?.includes('default deny removed'))).toHaveLength(1);
  expect(received[0].body.text).toContain('By: bob@acme.example');

  await history.open(history.rowBy('alice@acme.example'));
  await expect(history.detail.getByTestId('history-who')).toHaveText('alice@acme.example (audit)');
  await expect(history.detail.getByTestId('history-connection').first()).toBeVisible();

  // Time travel: the graph at bob's version says it is the past.
  const version = Number(await history.rowBy('bob@acme.example').getAttribute('data-version'));
  await history.goto(`${server.url}/findings?at=${version}`);
  await expect(page.getByTestId('time-travel-banner')).toContainText(`Viewing version ${version}`);
  await history.screenshot('history-time-travel-findings');
});

test('a restart keeps every version, who and every delivery, and sends no alert twice', async ({ page }) => {
  const history = new HistoryPage(page);
  await history.goto(`${server.url}/history`);
  const before = await history.rows.evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-version')} ${r.textContent}`));
  const sent = received.length;
  // Leave the page first: its live-update stream would log connection errors while the server is down.
  await page.goto('about:blank');
  await server.stop();
  server = await startPerimeter(PERIMETER_PORT, env);
  await history.goto(`${server.url}/history`);
  await expect(history.rows.first()).toBeVisible({ timeout: 30_000 });
  const after = await history.rows.evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-version')} ${r.textContent}`));
  expect(after).toEqual(before);
  await history.open(history.rowBy('bob@acme.example'));
  await expect(history.detail.getByTestId('history-alert').filter({ hasText: 'default-deny-removed' })).toContainText('delivered');
  await new Promise((r) => setTimeout(r, 3000));
  expect(received.length).toBe(sent);
  await history.screenshot('history-after-restart');
});
