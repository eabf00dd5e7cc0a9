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
