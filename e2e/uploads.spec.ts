import { request as playwrightRequest } from '@playwright/test';
import { expect, test } from './fixtures';
import { OpenFilesPage } from './pages/OpenFilesPage';
import { urlOf } from './servers';

const tiny = (ns: string) => `apiVersion: v1\nkind: Namespace\nmetadata: {name: ${ns}}\n`;

test('a browser whose upload the server had to drop is told so, not silently shown the configured source', async ({ page }) => {
  const open = new OpenFilesPage(page);
  await open.goto('/open');
  await open.upload([{ name: 'mine.yaml', text: tiny('mine') }]);
  await expect(open.sourceTitle).toHaveText('Uploaded files (this browser only, in server memory)');

  // 32 other browsers upload after it: the server holds 32 upload sessions at most, the least recently used goes.
  const others = await Promise.all(Array.from({ length: 32 }, () => playwrightRequest.newContext({ baseURL: urlOf('demo') })));
  for (const [i, other] of others.entries()) expect((await other.post('/api/upload', { data: { files: [{ name: `o${i}.yaml`, text: tiny(`other-${i}`) }] } })).status()).toBe(200);

  await page.goto('/policies');
  await expect(page.getByTestId('upload-evicted')).toContainText('Your upload (mine.yaml) was removed from server memory');
  await expect(page.getByTestId('upload-evicted')).toContainText('32 upload sessions; the least recently used go first');
  await expect(open.sourceTitle).toHaveText('Demo cluster (built-in)');
  const snapshot = await (await page.request.get('/api/snapshot')).json();
  expect(snapshot.uploadEvicted).toMatchObject({ fileNames: ['mine.yaml'], reason: expect.stringContaining('least recently used') });
  await open.screenshot('upload-evicted');

  for (const other of others) {
    await other.delete('/api/upload');
    await other.dispose();
  }
});

test('the Overview of 20,000 namespaces shows the first 200 with counts, and the export holds them all', async ({ page }) => {
  test.setTimeout(120_000); // parsing 20,000 documents, on two shared cores
  const text = Array.from({ length: 20_000 }, (_, i) => `apiVersion: v1\nkind: Namespace\nmetadata: {name: ns-${String(i).padStart(5, '0')}}\n`).join('---\n');
  const res = await page.request.post('/api/upload', { multipart: { files: { name: 'many.yaml', mimeType: 'application/yaml', buffer: Buffer.from(text) } }, timeout: 120_000 });
  expect(res.status()).toBe(200);
  const html = await (await page.request.get('/')).text();
  // Bounded: a page of every row would be tens of megabytes.
  expect(html.length).toBeLessThan(1_500_000);
  await page.goto('/');
  await expect(page.getByTestId('namespace-row')).toHaveCount(200);
  await expect(page.getByTestId('namespaces-truncated')).toContainText('Showing the first 200 of 20,000 namespaces.');
  await page.getByRole('link', { name: 'Show 1,000 more' }).click();
  await expect(page).toHaveURL('/?limit=1200', { timeout: 30_000 }); // a server render of 1,200 rows, on shared cores
  await expect(page.getByTestId('namespace-row')).toHaveCount(1200, { timeout: 30_000 });
  await page.goto('/?limit=999999');
  await expect(page.getByTestId('namespace-row')).toHaveCount(5000);
  const csv = await (await page.request.get('/api/namespaces')).text();
  expect(csv.trimEnd().split('\r\n')).toHaveLength(20_001);
  expect(csv).toContain('\r\nns-19999,yes,0,0,0,0,0,,\r\n');
  await page.request.delete('/api/upload');
});
