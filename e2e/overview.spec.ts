import { expect, test } from './fixtures';
import { OverviewPage } from './pages/OverviewPage';

test('the overview shows isolation coverage per namespace, namespaces without default deny, and the top findings', async ({ page }) => {
  const overview = new OverviewPage(page);
  await overview.goto('/');
  // demo/README.md: default-deny-all in payments (both ways), default-deny-ingress in shop-db, nothing in kube-system and ci.
  await expect(overview.namespaceRow('payments')).toContainText('100% (5/5)');
  await expect(overview.namespaceRow('shop-db')).toContainText('100% (3/3)');
  await expect(overview.namespaceRow('shop-db')).toContainText('0% (0/3)');
  await expect(overview.namespaceRow('kube-system')).toContainText('no ingress');
  const without = page.getByTestId('without-default-deny');
  for (const ns of ['kube-system', 'ci', 'shop-db', 'monitoring']) await expect(without.getByRole('link', { name: ns, exact: true })).toBeVisible();
  await expect(without.getByRole('link', { name: 'payments', exact: true })).toHaveCount(0);
  const top = page.getByTestId('top-findings').getByTestId('finding');
  await expect(top).toHaveCount(5);
  await expect(top.first()).toContainText('high');
  await overview.screenshot('overview-coverage');
  await page.getByRole('link', { name: /^all \d+ →$/ }).click();
  await expect(page).toHaveURL('/findings');
});

test('admin tiers beside the NetworkPolicy share: kube-system, unguarded by NetworkPolicies, is covered by the cluster-guardrails ANP', async ({ page }) => {
  const overview = new OverviewPage(page);
  await overview.goto('/');
  // demo/README.md: cluster-guardrails (priority 10) selects kube-system, pci-isolation (20) payments, the baseline ci.
  const kubeSystem = overview.namespaceRow('kube-system');
  await expect(kubeSystem).toContainText('0% (0/');
  await expect(overview.adminTiers('kube-system')).toHaveText(['ANP cluster-guardrails (10) · ingress']);
  await expect(overview.adminTiers('payments')).toHaveText(['ANP pci-isolation (20) · ingress']);
  await expect(overview.adminTiers('ci')).toHaveText(['BANP default · ingress']);
  await expect(overview.adminTiers('shop-db')).toHaveCount(0);
  await expect(overview.namespaceRow('shop-db')).toContainText('none');
  await overview.screenshot('overview-admin-tiers');
});
