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
