import { expect, test } from './fixtures';
import { AppPage } from './pages/AppPage';
import { SERVERS, urlOf } from './servers';

test('PERIMETER_SOURCE=cluster fails clearly on every page instead of showing demo data', async ({ page, request }) => {
  const app = new AppPage(page);
  for (const path of ['/', '/policies', '/access']) {
    await app.goto(`${urlOf('cluster')}${path}`);
    await expect(app.sourceFailure).toContainText('The cluster source is not available in this build');
    await expect(app.sourceFailure).toContainText('PERIMETER_SOURCE=demo');
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
