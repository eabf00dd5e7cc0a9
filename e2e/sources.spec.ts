import { expect, test } from './fixtures';
import { AppPage } from './pages/AppPage';
import { startPerimeter } from './liveStack';
import { SERVERS, urlOf } from './servers';

test('an unreachable cluster fails clearly on every page, naming context, server and cause, instead of showing demo data', async ({ page, request }) => {
  const app = new AppPage(page);
  for (const path of ['/', '/policies', '/access']) {
    await app.goto(`${urlOf('cluster')}${path}`);
    await expect(app.sourceFailure).toContainText('Cannot read the cluster');
    await expect(app.sourceFailure).toContainText('context "e2e-unreachable" at https://127.0.0.1:9');
    await expect(app.sourceFailure).toContainText('ECONNREFUSED');
    await expect(app.sourceFailure.getByRole('button', { name: 'Retry' })).toBeVisible();
    await expect(app.banner).toContainText('Source failed');
    await expect(app.banner).not.toContainText('Demo cluster');
  }
  await app.screenshot('source-cluster-unavailable');
  const api = await request.get(`${urlOf('cluster')}/api/snapshot`);
  expect(api.status()).toBe(503);
  expect((await api.json()).error.reason).toBe('cluster-unavailable');
});

test('a manifest path that does not exist is named on the error page', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto(`${urlOf('missingPath')}/`);
  await expect(app.sourceFailure).toContainText('A manifest path does not exist');
  await expect(app.sourceFailure).toContainText(SERVERS.missingPath.source);
  await app.screenshot('source-missing-path');
});

test('without PERIMETER_SOURCE the banner and the exports say the demo was chosen by default, never PERIMETER_SOURCE=demo', async ({ page, request }) => {
  const app = new AppPage(page);
  await app.goto(`${urlOf('unset')}/`);
  await expect(app.sourceTitle).toHaveText('Demo cluster (built-in)');
  await expect(app.sourceDetail).toHaveText('no PERIMETER_SOURCE set, no kubeconfig found');
  const md = await (await request.get(`${urlOf('unset')}/api/findings?format=md`)).text();
  expect(md).toContain('Source: Demo cluster (built-in) (no PERIMETER\\_SOURCE set, no kubeconfig found)');
  expect(md).not.toContain('PERIMETER_SOURCE=demo');
  expect(md).not.toContain('PERIMETER\\_SOURCE=demo');
});

test('without PERIMETER_SOURCE but with a stale kubeconfig, the cluster is read (and fails clearly here), never the demo, and the page offers the demo', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto(`${urlOf('unsetWithKubeconfig')}/`);
  await expect(app.sourceFailure).toContainText('Cannot read the cluster');
  await expect(app.sourceFailure).toContainText('context "e2e-unreachable" at https://127.0.0.1:9');
  await expect(app.sourceFailure).toContainText(`PERIMETER_SOURCE is not set, so the kubeconfig found (${SERVERS.unsetWithKubeconfig.kubeconfig}) was used.`);
  await expect(app.sourceFailure.locator('pre')).toContainText('PERIMETER_SOURCE=demo npm start');
  await expect(app.banner).not.toContainText('Demo cluster');
  await app.screenshot('source-stale-kubeconfig');
});

test('the start log names the source actually used: with PERIMETER_SOURCE unset and a kubeconfig found, the cluster', async () => {
  test.setTimeout(90_000);
  const server = await startPerimeter(SERVERS.config.port + 2, { PERIMETER_SOURCE: '', PERIMETER_CONFIG: '', KUBECONFIG: SERVERS.unsetWithKubeconfig.kubeconfig });
  try {
    await expect.poll(() => server.stdout()).toContain(`perimeter: source cluster (no PERIMETER_SOURCE set; found ${SERVERS.unsetWithKubeconfig.kubeconfig})`);
  } finally {
    await server.stop();
  }
});

test('a files source names every path in the banner and shows only what those files hold', async ({ page, request }) => {
  const summary = await (await request.get(`${urlOf('files')}/api/snapshot`)).json();
  expect(summary.source).toEqual({ kind: 'files', paths: ['demo/namespaces.yaml', 'demo/networkpolicies.yaml'] });
  expect(summary.counts.pods.total).toBe(0);
  const app = new AppPage(page);
  await app.goto(`${urlOf('files')}/policies`);
  await expect(app.sourceTitle).toHaveText('Manifest files');
  await expect(app.sourceDetail).toHaveText('demo/namespaces.yaml, demo/networkpolicies.yaml');
  await expect(page.getByTestId('policy-row')).toHaveCount(summary.counts.networkPolicies);
  await app.goto(`${urlOf('files')}/explain`);
  await expect(page.getByText('No pods in this snapshot')).toBeVisible();
  await app.screenshot('source-files-explain-empty');
});
