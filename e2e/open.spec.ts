import { expect, test } from './fixtures';
import { OpenFilesPage } from './pages/OpenFilesPage';
import { OverviewPage } from './pages/OverviewPage';

const MANIFEST = `apiVersion: v1
kind: Namespace
metadata: {name: upload-ns}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny-all, namespace: upload-ns}
spec: {podSelector: {}, policyTypes: [Ingress, Egress]}
---
apiVersion: v1
kind: Pod
metadata: {name: web-1, namespace: upload-ns, labels: {app: web}}
spec: {containers: [{name: web, image: nginx}]}
status: {phase: Running, podIP: 10.1.0.5, podIPs: [{ip: 10.1.0.5}]}
`;

test('upload a file and see it analysed, in this browser only, then go back to the configured source', async ({ page, browser }) => {
  const open = new OpenFilesPage(page);
  await open.goto('/');
  await open.openSection('Open files', '/open');
  await open.upload([
    { name: 'cluster.yaml', text: MANIFEST },
    { name: 'broken.yaml', text: 'kind: [unclosed' },
  ]);
  await expect(open.result).toContainText('Read 2 files');
  await expect(open.result).toContainText('1 namespace · 1 pod · 1 NetworkPolicy · 0 bindings');
  // Parse warnings exactly as the manifest source gives them.
  await expect(open.result).toContainText('yaml-parse-error');
  await expect(open.sourceTitle).toHaveText('Uploaded files (this browser only, in server memory)');
  await expect(open.sourceDetail).toHaveText('cluster.yaml, broken.yaml');
  await open.screenshot('open-uploaded');
  // The banner and the Findings page give the parse failure the same name: an error, never "1 warning".
  await expect(open.warningCount).toHaveText('1 error');
  await open.warningCount.click();
  await expect(page.getByRole('heading', { name: 'Snapshot warnings (1 error)' })).toBeVisible();
  await expect(page.getByTestId('warning-row').getByText('error', { exact: true })).toBeVisible();

  const cookie = (await page.context().cookies()).find((c) => c.name === 'perimeter_upload');
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });

  const overview = new OverviewPage(page);
  await overview.goto('/');
  expect(await overview.count('NetworkPolicies')).toBe(1);
  await expect(overview.namespaceRows).toHaveCount(1);
  await expect(overview.namespaceRow('upload-ns')).toContainText('100%');
  await overview.screenshot('open-overview-of-upload');

  // Another browser has its own session: it still sees the configured source.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto('/');
  await expect(otherPage.getByTestId('source-title')).toHaveText('Demo cluster (built-in)');
  await other.close();

  await open.leaveUpload.click();
  await expect(page).toHaveURL('/');
  await expect(overview.sourceTitle).toHaveText('Demo cluster (built-in)');
  expect(await overview.count('NetworkPolicies')).toBe(27);
});

test('an upload with no manifest is refused with the reason, and nothing changes', async ({ page }) => {
  const open = new OpenFilesPage(page);
  await open.goto('/open');
  await open.upload([{ name: 'notes.txt', text: 'hello' }]);
  await expect(open.error).toContainText('Upload refused: no .yaml, .yml or .json file in the upload');
  await expect(open.sourceTitle).toHaveText('Demo cluster (built-in)');
});

test('the upload route takes JSON too, and refuses a request without manifests and a cross-site upload', async ({ request }) => {
  const json = await request.post('/api/upload', { data: { files: [{ name: 'a.yaml', text: MANIFEST }] } });
  expect(json.status()).toBe(200);
  expect((await json.json()).counts).toMatchObject({ namespaces: { total: 1 }, pods: { total: 1 }, networkPolicies: 1, rbac: { roleBindings: 0, clusterRoleBindings: 0 } });
  const none = await request.post('/api/upload', { data: { files: [{ name: 'notes.txt', text: 'hello' }] } });
  expect(none.status()).toBe(400);
  expect((await none.json()).error).toBe('no .yaml, .yml or .json file in the upload');
  const res = await request.post('/api/upload', {
    headers: { origin: 'https://evil.example' },
    data: { files: [{ name: 'a.yaml', text: MANIFEST }] },
  });
  expect(res.status()).toBe(403);
});
