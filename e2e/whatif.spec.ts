import { expect, test } from './fixtures';
import { FIX_8443, WhatIfPage } from './pages/WhatIfPage';


test('a changed policy shows the connection it widens, drawn and listed, and nothing is applied', async ({ page, request }) => {
  const before = await (await request.get('/api/snapshot')).json();
  const whatIf = new WhatIfPage(page);
  await whatIf.goto('/');
  await whatIf.openSection('What-if', '/what-if');
  await expect(whatIf.run).toBeDisabled();
  await whatIf.propose(FIX_8443);
  await expect(whatIf.summary).toHaveText('Connections: 0 added, 0 removed, 1 changed · Access: 0 gained, 0 lost');
  const row = whatIf.connection('shop-backend/checkout[Deployment]', 'payments/payments-api[Deployment]');
  await expect(row).toHaveAttribute('data-change', 'changed');
  await expect(row).toContainText('TCP 8080');
  await expect(row).toContainText('TCP 8080,8443');
  await expect(whatIf.graph.locator('line[data-change="changed"]')).toHaveCount(1);
  await whatIf.screenshot('whatif-changed-policy');
  const after = await (await request.get('/api/snapshot')).json();
  expect(after.counts).toEqual(before.counts);
  expect(after.version).toBe(before.version);
});

test('deleting the default deny of payments opens new paths from outside, flagged as exposure', async ({ page }) => {
  const whatIf = new WhatIfPage(page);
  await whatIf.goto('/what-if');
  await whatIf.propose('', 'NetworkPolicy/payments/default-deny-all\nNetworkPolicy/payments/not-there\n');
  await expect(whatIf.connections.filter({ hasText: 'payments/payments-worker[Deployment]' }).first()).toBeVisible();
  // payments-worker has no other ingress policy: every new path into it is flagged, and the count says so.
  const flagged = await whatIf.connections.filter({ hasText: /(from outside the cluster|across namespaces)$/ }).count();
  expect(flagged).toBeGreaterThan(0);
  await expect(whatIf.exposure).toHaveText(`${flagged} connection${flagged === 1 ? '' : 's'} newly open (or open on more ports) from outside the cluster or across namespaces.`);
  await expect(whatIf.connection('0.0.0.0-255.255.255.255[External]', 'payments/payments-worker[Deployment]')).toContainText('new path from outside the cluster');
  await expect(whatIf.connections.locator('[data-change="removed"]')).toHaveCount(0);
  await expect(whatIf.warnings).toContainText('NetworkPolicy payments/not-there is not in the snapshot; nothing to delete.');
  await expect(whatIf.findings).toHaveCount(1);
  await expect(whatIf.findings).toHaveAttribute('data-change', 'introduced');
  await expect(whatIf.findings).toContainText('namespace payments has no default-deny ingress policy');
  await whatIf.screenshot('whatif-deletion');
});

test('a new RoleBinding lists the subject who gains NetworkPolicy rights', async ({ page }) => {
  const whatIf = new WhatIfPage(page);
  await whatIf.goto('/what-if');
  await whatIf.propose(`apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: contractors-netpol, namespace: payments}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: networkpolicy-admin}
subjects: [{kind: User, name: mallory@contractor.example}]
`);
  await expect(whatIf.summary).toHaveText('Connections: 0 added, 0 removed, 0 changed · Access: 1 gained, 0 lost');
  await expect(whatIf.access).toHaveCount(1);
  await expect(whatIf.access).toContainText('User:mallory@contractor.example');
  await expect(whatIf.access).toContainText('RoleBinding/payments/contractors-netpol → ClusterRole/networkpolicy-admin');
});

test('uploaded files are proposed like pasted YAML; a file that is not a manifest is skipped', async ({ page }) => {
  const whatIf = new WhatIfPage(page);
  await whatIf.goto('/what-if');
  await whatIf.addFiles([
    { name: 'fix.yaml', text: FIX_8443 },
    { name: 'notes.txt', text: 'not a manifest' },
  ]);
  await expect(whatIf.fileNames).toHaveText('fix.yaml');
  await whatIf.run.click();
  await expect(whatIf.summary).toHaveText('Connections: 0 added, 0 removed, 1 changed · Access: 0 gained, 0 lost');
});

test('the example fills the form and runs', async ({ page }) => {
  const whatIf = new WhatIfPage(page);
  await whatIf.goto('/what-if');
  await whatIf.example.click();
  await expect(whatIf.yaml).toHaveValue(/kind: NetworkPolicy/);
  await whatIf.run.click();
  await expect(whatIf.summary).toBeVisible();
});

test('the audit report exports from the What-if page and the banner, and is one self-contained HTML file', async ({ page, request }) => {
  const whatIf = new WhatIfPage(page);
  await whatIf.goto('/what-if');
  await expect(whatIf.reportLinks.getByRole('link')).toHaveText(['HTML', 'Markdown', 'JSON']);
  await expect(whatIf.bannerReport).toHaveAttribute('href', '/api/report?format=html');
  const res = await request.get('/api/report?format=html&download=1');
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('text/html; charset=utf-8');
  expect(res.headers()['content-disposition']).toMatch(/^attachment; filename="perimeter-report-.*\.html"$/);
  const html = await res.text();
  expect(html).not.toMatch(/<script|src=|url\(|href="(?!#|data:)/i);
  const json = await (await request.get('/api/report?format=json')).json();
  expect(json.snapshot.contentHash).toMatch(/^[0-9a-f]{64}$/);
  expect(json.controls.map((c: { id: string }) => c.id)).toEqual(['1.2', '1.3', '1.4', '7.2', 'A.5.3', 'A.5.15', 'A.8.2', 'A.8.22']);
  // Opened as a page it shows every section; printed it keeps them (print CSS hides only the contents list).
  await page.goto('/api/report?format=html');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Perimeter audit report');
  await expect(page.getByTestId('content-hash')).toHaveText(`sha256:${json.snapshot.contentHash}`);
  for (const h of ['Control mapping', 'Isolation coverage', 'NetworkPolicies and who can change them', 'Separation of duties', 'Access matrix for NetworkPolicies', 'Findings']) {
    await expect(page.getByRole('heading', { level: 2, name: h })).toBeVisible();
  }
  await page.screenshot({ path: 'e2e/screenshots/whatif-report.png', fullPage: false });
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation')).toBeHidden();
  await page.screenshot({ path: 'e2e/screenshots/whatif-report-print.png', fullPage: false });
});
