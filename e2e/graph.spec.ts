import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { ExplainPage } from './pages/ExplainPage';
import { GraphPage } from './pages/GraphPage';

// The demo's planted facts (demo/README.md): catalog and checkout reach postgres on 5432; checkout reaches
// payments-api on TCP 8080 but not 8443 (payments' ingress allows only 8080 from checkout).

test('security: what can reach the database? the TCP 5432 filter and postgres\'s blast radius answer it', async ({ page }) => {
  const graph = new GraphPage(page);
  await graph.open();
  await expect(graph.heading).toHaveText('Graph');
  await expect(graph.row('postgres')).toHaveCount(1);
  await graph.screenshot('graph-demo');

  await graph.filterPort('5432');
  await expect(page).toHaveURL(/[?&]port=5432/);
  await graph.focus('postgres');
  await expect(page).toHaveURL(/focus=wl%3Ashop-db%2FStatefulSet%2Fpostgres/);
  await expect(graph.row('catalog')).toContainText('reaches focus');
  await expect(graph.row('checkout')).toContainText('reaches focus');
  await expect(graph.row('storefront')).toHaveCount(0);

  await graph.select('postgres');
  await expect(graph.side).toContainText('Reached by (2)');
  await expect(graph.side).toContainText('shop-db/postgres-from-backend');
  await expect(graph.neighbour('catalog')).toContainText('TCP 5432');
  await expect(graph.neighbour('checkout')).toContainText('TCP 5432');
  await graph.screenshot('graph-who-reaches-postgres');
});

test('on-call: two picked nodes lead to the explanation of the blocked 8443 connection', async ({ page }) => {
  const graph = new GraphPage(page);
  await graph.open();
  await graph.select('checkout');
  await graph.select('payments-api', { add: true });
  const pair = page.getByTestId('graph-pair-details');
  await expect(pair).toContainText('checkout → payments-api');
  await expect(pair).toContainText('Drawn connection: TCP 8080');
  await graph.screenshot('graph-pair-checkout-payments');
  await pair.getByLabel('Port').fill('8443');
  await pair.getByRole('button', { name: 'Explain' }).click();

  const explain = new ExplainPage(page);
  await expect(page).toHaveURL('/explain?from=shop-backend%2FDeployment%2Fcheckout&to=payments%2FDeployment%2Fpayments-api&port=8443&protocol=TCP');
  await expect(explain.verdict).toContainText('DENIED');
  await expect(explain.egress).toContainText('allowed');
  await expect(explain.egress).toContainText('shop-backend/checkout-to-payments');
  await expect(explain.ingress).toContainText('denied');
  await expect(explain.ingress).toContainText('no rule of payments/payments-api-from-checkout matches TCP port 8443: it allows TCP 8080');
  await explain.screenshot('explain-from-graph-8443');
});

test('an edge shows the rules behind it on both sides', async ({ page }) => {
  const graph = new GraphPage(page);
  await graph.open();
  await graph.select('checkout');
  await graph.neighbour('payments-api').click();
  const edge = page.getByTestId('graph-edge-details');
  await expect(edge).toContainText('checkout → payments-api');
  await expect(edge).toContainText('Allowed: TCP 8080');
  await expect(edge).toContainText('shop-backend/checkout-to-payments egress rule #1');
  await expect(edge).toContainText('payments/payments-api-from-checkout ingress rule #1, peer #1: TCP 8080');
  await expect(page).toHaveURL(/selected=wl%3Ashop-backend%2FDeployment%2Fcheckout-%3Ewl%3Apayments%2FDeployment%2Fpayments-api/);
  await graph.screenshot('graph-edge-rules');
  // A new snapshot version asks the engine again: the rules came from /api, not from the refreshed page.
  const refetch = page.waitForRequest((r) => r.url().includes('/api/explain') && r.url().includes('payments-api'));
  await page.evaluate(() => window.dispatchEvent(new CustomEvent('perimeter:snapshot', { detail: { version: 2, context: '' } })));
  await refetch;
  await expect(edge).toContainText('payments/payments-api-from-checkout ingress rule #1, peer #1: TCP 8080');
});

test('a link reproduces the view: filters, focus and the picked node come back from the URL', async ({ page }) => {
  const graph = new GraphPage(page);
  await graph.open('?port=8080&scope=cross-namespace&focus=wl%3Apayments%2FDeployment%2Fpayments-api&selected=wl%3Apayments%2FDeployment%2Fpayments-api');
  await expect(graph.port).toHaveValue('8080');
  await expect(page.getByRole('radio', { name: 'Cross-namespace' })).toBeChecked();
  await expect(graph.side).toContainText('payments-api');
  await expect(graph.side).toContainText('payments/payments-api-from-checkout');
  await expect(graph.row('checkout')).toContainText('reaches focus');
});

test('filters are history entries: Back returns to the previous view, Forward to the next', async ({ page }) => {
  const graph = new GraphPage(page);
  await graph.open('');
  const all = await graph.names();
  let seq = await graph.layoutSeq();
  await page.getByRole('radio', { name: 'Cross-namespace' }).check({ force: true });
  await graph.layoutDone(seq);
  await expect(page).toHaveURL(/scope=cross-namespace/);
  // The node list renders after the drawing (deferred): wait for it.
  await expect.poll(async () => (await graph.names()).length).toBeLessThan(all.length);
  const cross = await graph.names();
  seq = await graph.layoutSeq();
  await page.goBack();
  await graph.layoutDone(seq);
  await expect(page.getByRole('radio', { name: 'All' })).toBeChecked();
  await expect.poll(() => graph.names()).toEqual(all);
  seq = await graph.layoutSeq();
  await page.goForward();
  await graph.layoutDone(seq);
  await expect(page.getByRole('radio', { name: 'Cross-namespace' })).toBeChecked();
  await expect.poll(() => graph.names()).toEqual(cross);
});

test('hostNetwork pods can be analysed as their node: kube-proxy is then open to all, and explain keeps that reading', async ({ page }) => {
  const graph = new GraphPage(page);
  await graph.open('?focus=wl%3Akube-system%2FDaemonSet%2Fkube-proxy');
  await expect(graph.hostNetworkNote).toHaveAttribute('data-mode', 'as-pod');
  // Like a pod, the guardrail ANP and kube-system's policies limit who reaches it.
  await expect(graph.row('kube-proxy')).not.toContainText('open to all');
  const seq = await graph.layoutSeq();
  await graph.hostNetworkSwitch.click();
  await graph.layoutDone(seq);
  await expect(page).toHaveURL(/focus=wl%3Akube-system%2FDaemonSet%2Fkube-proxy&hostNetwork=host/);
  await expect(graph.hostNetworkNote).toHaveAttribute('data-mode', 'host');
  // As the node, no policy selects it (not even the ANP): it is marked open to all instead of drawn with every edge.
  await expect(graph.row('kube-proxy')).toContainText('open to all');
  await graph.select('kube-proxy');
  await expect(graph.side.getByRole('link', { name: 'Explain from here…' })).toHaveAttribute('href', /hostNetwork=host/);
  await graph.screenshot('graph-host-network');
});

test('namespace level folds workloads, and drilling into a namespace shows them; open-to-all is marked, not drawn', async ({ page }) => {
  const graph = new GraphPage(page);
  await graph.open('?level=namespace');
  await expect(graph.status).toContainText('folded into namespaces');
  await expect(graph.row('shop-db')).toContainText('namespace');
  await expect(graph.row('postgres')).toHaveCount(0);
  await graph.screenshot('graph-namespaces');
  await graph.select('shop-db');
  const seq = await graph.layoutSeq();
  await graph.side.getByRole('button', { name: 'Show its workloads' }).click();
  await graph.layoutDone(seq);
  await expect(page).toHaveURL(/expand=shop-db/);
  await expect(graph.row('postgres')).toHaveCount(1);
  await expect(graph.row('shop-backend')).toHaveCount(1);

  await graph.open('');
  await expect(graph.row('grafana')).toContainText('open to all');
  // demo/admin-network-policies.yaml: the BaselineAdminNetworkPolicy denies ci's ingress from other namespaces.
  await expect(graph.row('gitlab-runner')).not.toContainText('open to all');
});

test('a workload expands to its pods, and a bad label selector is reported', async ({ page }) => {
  const graph = new GraphPage(page);
  await graph.open('?ns=shop-db');
  await graph.select('postgres');
  const seq = await graph.layoutSeq();
  await graph.side.getByRole('button', { name: 'Show 2 pods' }).click();
  await graph.layoutDone(seq);
  await expect(graph.row('postgres-0')).toHaveCount(1);
  await expect(graph.row('postgres-1')).toHaveCount(1);
  await graph.screenshot('graph-pods');

  await graph.labels.fill('app in ()');
  await graph.labels.press('Enter');
  await expect(page.getByTestId('graph-filters').getByRole('alert')).toContainText('Label selector ignored');
});

test('Export PNG downloads the drawing', async ({ page }) => {
  const graph = new GraphPage(page);
  await graph.open();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export PNG' }).click()]);
  expect(download.suggestedFilename()).toBe('perimeter-graph.png');
  const file = await download.path();
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString()).toBe('PNG');
  expect(bytes.length).toBeGreaterThan(10_000);
});

test('the External view shows what `perimeter connectivity` shows from and to outside: grafana (Pending, open to 0.0.0.0/0), marked; running pods only leaves it out and says so', async ({ page }) => {
  const graph = new GraphPage(page);
  await graph.open('?scope=external&level=workload');
  await expect(graph.inactiveNote).toHaveAttribute('data-mode', 'all');
  await expect(graph.inactiveNote).toContainText('1 workload without a running pod (monitoring/grafana)');
  await expect(graph.row('grafana')).toContainText('no live traffic');
  await expect(graph.row('grafana')).toContainText('open to all');
  // The external node is named by its CIDR, not by its range.
  await expect(graph.row('0.0.0.0/0 (anywhere)')).toHaveCount(1);
  await graph.select('grafana');
  // Reached from anywhere on every port (the Reached by list: name, then ports).
  await expect(graph.side.getByRole('button', { name: /^0\.0\.0\.0\/0 \(anywhere\)\s*All Connections$/ })).toHaveCount(1);
  await graph.screenshot('graph-external-inactive');

  const seq = await graph.layoutSeq();
  await graph.inactiveSwitch.click();
  await graph.layoutDone(seq);
  await expect(page).toHaveURL(/live=only/);
  await expect(graph.inactiveNote).toHaveAttribute('data-mode', 'live-only');
  await expect(graph.inactiveNote).toContainText('left out, as connectivity --live-only');
  await expect(graph.row('grafana')).toHaveCount(0);
  await expect(graph.row('ingress-nginx-controller')).toHaveCount(1);
  await graph.screenshot('graph-external-live-only');
});

for (const size of [
  { width: 1440, height: 900 },
  { width: 1024, height: 700 },
  { width: 1920, height: 1080 },
]) {
  test(`no two namespace boxes overlap at ${size.width}×${size.height}, and a reload draws the same layout`, async ({ page }) => {
    await page.setViewportSize(size);
    const graph = new GraphPage(page);
    await graph.open('');
    expect(await graph.overlappingBoxes()).toEqual([]);
    const first = (await graph.drawing()).positions;
    await graph.open('?level=workload');
    expect(await graph.overlappingBoxes()).toEqual([]);
    // Seeded: the same elements are laid out the same way after a reload.
    await graph.open('');
    expect((await graph.drawing()).positions).toEqual(first);
    if (size.width === 1440) await graph.screenshot('graph-demo-1440');
  });
}

test('at 1440×900 the whole canvas is above the fold, below the readings and the filters', async ({ page }) => {
  const graph = new GraphPage(page);
  await graph.open('');
  const box = (await graph.graph.boundingBox())!;
  expect(box.y).toBeLessThan(450);
  expect(box.y + box.height).toBeLessThanOrEqual(900);
  expect(box.height).toBeGreaterThanOrEqual(420);
  await page.screenshot({ path: 'e2e/screenshots/graph-above-the-fold.png' });
});

test('search finds a node and zooms to it; a workload folded into its namespace is drawn first', async ({ page }) => {
  const graph = new GraphPage(page);
  await graph.open('');
  const before = await graph.drawing();
  await graph.findNode('payments-api');
  await expect(page).toHaveURL(/selected=wl%3Apayments%2FDeployment%2Fpayments-api/);
  await expect(graph.side).toContainText('payments-api');
  const after = await graph.drawing();
  expect(after.zoom).toBeGreaterThan(before.zoom);
  const at = after.positions['wl:payments/Deployment/payments-api'];
  // Centred (on the node with its label below it).
  expect(Math.abs(at.x - after.centre.x)).toBeLessThan(30);
  expect(Math.abs(at.y - after.centre.y)).toBeLessThan(30);
  await graph.screenshot('graph-search-zoom');

  // At namespace level postgres is folded into shop-db: the search drills in, then zooms to it.
  await graph.open('?level=namespace');
  const seq = await graph.layoutSeq();
  await graph.findNode('postgres');
  await graph.layoutDone(seq);
  await expect(page).toHaveURL(/expand=shop-db/);
  await expect.poll(async () => Object.keys((await graph.drawing()).positions)).toContain('wl:shop-db/StatefulSet/postgres');
  await expect(graph.side).toContainText('postgres');
});
