import { test, expect } from './fixtures';
import { AccessPage } from './pages/AccessPage';
import { LiveAppPage } from './pages/LiveStatusBar';
import { startDemoCluster, startPerimeter, type PerimeterServer } from './liveStack';
import { SERVERS } from './servers';
import type { LocalCluster } from '../scripts/local-cluster/localCluster';

// One API server and one Perimeter server for this file; they take a few seconds to start.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

let cluster: LocalCluster;
let server: PerimeterServer;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  cluster = await startDemoCluster();
  server = await startPerimeter(SERVERS.files.port + 10, { PERIMETER_SOURCE: 'cluster', KUBECONFIG: cluster.kubeconfig });
});

test.afterAll(async () => {
  await server?.stop();
  await cluster?.stop();
});

test('PERIMETER_SOURCE=cluster shows the demo objects read from the API server, live', async ({ page }) => {
  const app = new LiveAppPage(page);
  await app.goto(`${server.url}/policies`);
  await expect(app.sourceTitle).toHaveText('Cluster context local-admin');
  await expect(app.sourceDetail).toHaveText(cluster.server);
  await expect(app.liveStatus).toHaveAttribute('data-state', 'live');
  await expect(page.getByTestId('policy-row')).toHaveCount(27);
  await app.screenshot('live-cluster-policies');
});

test('a NetworkPolicy created in the cluster appears without reloading the page', async ({ page }) => {
  const app = new LiveAppPage(page);
  await app.goto(`${server.url}/policies`);
  await expect(app.liveStatus).toHaveAttribute('data-state', 'live');
  await expect(page.getByTestId('policy-row')).toHaveCount(27);
  const version = Number(await app.liveStatus.getAttribute('data-version'));
  // A marker on window survives a client-side refresh and disappears on a reload.
  await page.evaluate(() => ((window as unknown as { __notReloaded: boolean }).__notReloaded = true));
  await cluster.admin.apply({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'e2e-live-deny', namespace: 'ci' },
    spec: { podSelector: {}, policyTypes: ['Ingress'] },
  });
  await expect(page.getByTestId('policy-row')).toHaveCount(28, { timeout: 10_000 });
  await expect(page.getByTestId('policy-row').filter({ hasText: 'e2e-live-deny' })).toHaveCount(1);
  expect(Number(await app.liveStatus.getAttribute('data-version'))).toBeGreaterThan(version);
  expect(await page.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded)).toBe(true);
  await app.screenshot('live-cluster-policy-added');
});

test('a live update that inserts a subject above the selected one keeps the selection, the panel and the URL on it', async ({ page }) => {
  const access = new AccessPage(page);
  const live = new LiveAppPage(page);
  await access.goto(`${server.url}/access?mode=verbs&ns=ci&resource=networkpolicies.networking.k8s.io`);
  await expect(live.liveStatus).toHaveAttribute('data-state', 'live');
  await access.cell('User:bob@acme.example', 'patch').click();
  await expect(access.cellTitle).toHaveText('User:bob@acme.example · patch');
  await expect(page).toHaveURL(/focus=User%3Abob%40acme\.example&col=patch/);
  const before = await access.rows.count();
  // A subject that sorts before bob: every row from there on moves down by one.
  await cluster.admin.apply({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: { name: 'e2e-aaron-edit', namespace: 'ci' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'edit' },
    subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'aaron@acme.example' }],
  });
  await expect(access.row('User:aaron@acme.example')).toHaveCount(1, { timeout: 10_000 });
  expect(await access.rows.count()).toBe(before + 1);
  await expect(access.cellTitle).toHaveText('User:bob@acme.example · patch');
  await expect(page).toHaveURL(/focus=User%3Abob%40acme\.example&col=patch/);
  await expect(access.cell('User:bob@acme.example', 'patch')).toHaveAttribute('aria-selected', 'true');
  await expect(access.cell('User:aaron@acme.example', 'patch')).toHaveAttribute('aria-selected', 'false');
  await expect(access.cellPaths).toContainText('ClusterRoleBinding/legacy-ops-full-access');
  await access.screenshot('live-access-selection-kept');
  await cluster.admin.remove('RoleBinding', 'ci', 'e2e-aaron-edit');
});

test('the context selector switches to the restricted reader, whose unreadable kinds the banner names', async ({ page }) => {
  const app = new LiveAppPage(page);
  await app.goto(`${server.url}/`);
  await expect(app.contextSelect).toHaveValue('local-admin');
  await app.contextSelect.selectOption('local-reader');
  await expect(app.sourceTitle).toHaveText('Cluster context local-reader', { timeout: 10_000 });
  await expect(app.liveStatus).toHaveAttribute('data-state', 'live');
  // The reader has no binding of its own, but the demo's planted `all-users-view` gives every authenticated user the
  // aggregated `view` role: it reads pods, workloads, Services, Ingresses and NetworkPolicies, not the 4 RBAC kinds,
  // nor IngressClasses (cluster-scoped), nor the CRD kinds: 2 AdminNetworkPolicy, Route and 7 Gateway API kinds
  // (their CRDs add no aggregate-to-view role). The page says so.
  await expect(app.unreadableLink).toHaveText('15 kinds unreadable');
  await app.screenshot('live-cluster-reader-unreadable');
  await app.unreadableLink.click();
  // Findings says it twice: the notice on top (what is incomplete, and the fix) and the table of unreadable kinds.
  await expect(app.unreadableNotice).toContainText('cannot list clusterroles.rbac.authorization.k8s.io: who-can answers are incomplete');
  await expect(app.unreadableNotice).toContainText('list, watch clusterroles.rbac.authorization.k8s.io (cluster-wide)');
  await expect(page.getByRole('cell', { name: /^cannot list clusterroles\.rbac\.authorization\.k8s\.io/ })).toBeVisible();
  await app.screenshot('live-cluster-reader-findings');
  await app.goto(`${server.url}/policies`);
  await expect(app.unreadableNotice).toContainText('cannot list clusterroles.rbac.authorization.k8s.io: who-can answers are incomplete');
  await expect(app.unreadableNotice).toContainText('— fix: grant list, watch clusterroles.rbac.authorization.k8s.io (cluster-wide)');
  await app.screenshot('live-cluster-reader-policies');
  // Without the AdminNetworkPolicies, connectivity answers may be wrong: the graph and explain pages say so.
  for (const path of ['/graph', '/explain']) {
    await app.goto(`${server.url}${path}`);
    await expect(app.unreadableNotice).toContainText('adminnetworkpolicies.policy.networking.k8s.io');
    await expect(app.unreadableNotice).not.toContainText('clusterroles');
  }
  await app.screenshot('live-cluster-reader-explain');
  await app.contextSelect.selectOption('local-admin');
  await expect(app.sourceTitle).toHaveText('Cluster context local-admin', { timeout: 10_000 });
});
