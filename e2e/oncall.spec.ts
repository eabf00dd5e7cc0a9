import { expect, test } from './fixtures';
import { ExplainPage } from './pages/ExplainPage';
import { WhatIfPage } from './pages/WhatIfPage';

// The on-call story, end to end: "why is checkout blocked from payments-api on 8443, and what do I change?" Explain
// says which rule decides, proposes the change (checked on a copy), and What-if applies it to a copy of the demo.
test('why is checkout blocked from payments-api on 8443, and what do I change: explained, fixed, applied in What-if', async ({ page }) => {
  const explain = new ExplainPage(page);
  await explain.goto('/');
  await explain.openSection('Explain', '/explain');
  await explain.ask('shop-backend/Deployment/checkout', 'payments/Deployment/payments-api', '8443');
  await expect(explain.verdict).toContainText('DENIED');
  await expect(explain.ingress).toContainText('TCP 8443 is passed by AdminNetworkPolicy pci-isolation rule #2 (priority 20) to NetworkPolicies');
  await expect(explain.ingress).toContainText('it allows TCP 8080');
  // The rule that names checkout is shown; the selecting policy with no rule for checkout at all is folded away.
  await expect(explain.ingress).toContainText('ingress rule #1 (peer #1) allows TCP 8080, not this connection');
  await expect(explain.ingress.getByTestId('explain-other-policies')).toContainText('1 other policy selects this pod with no rule for this source');

  await expect(explain.fix).toContainText('To allow it');
  await expect(explain.bestFix).toContainText('Add TCP 8443 to ingress rule #1 of NetworkPolicy payments/payments-api-from-checkout, which already names checkout.');
  await expect(explain.bestFix.getByTestId('fix-checked')).toHaveText('Checked: the connection becomes allowed; nothing else changes.');
  await expect(explain.bestFix.getByTestId('fix-patch')).toContainText('+           port: 8443');
  await expect(explain.otherFixes).toContainText('1 other change would also do it');
  await explain.screenshot('oncall-explain-fix');

  await explain.bestFix.getByTestId('fix-try-whatif').click();
  await expect(page).toHaveURL(/\/what-if\?.*fix=add-port/);
  const whatIf = new WhatIfPage(page);
  await expect(whatIf.prefill).toContainText('Pre-filled with the change Explain proposed for shop-backend/Deployment/checkout → payments/Deployment/payments-api on 8443');
  await expect(whatIf.yaml).toHaveValue(/name: payments-api-from-checkout/);
  await expect(whatIf.yaml).toHaveValue(/port: 8443/);
  await whatIf.run.click();
  await expect(whatIf.summary).toHaveText('Connections: 0 added, 0 removed, 1 changed · Access: 0 gained, 0 lost');
  const row = whatIf.connection('shop-backend/checkout[Deployment]', 'payments/payments-api[Deployment]');
  await expect(row).toHaveAttribute('data-change', 'changed');
  await expect(row).toContainText('TCP 8080,8443');
  // A new port on a path that existed, not a new path.
  await expect(row).toContainText('new port TCP 8443 on an existing path across namespaces');
  await whatIf.screenshot('oncall-whatif-applied');

  await page.getByRole('link', { name: 'Back to Explain' }).click();
  await expect(explain.verdict).toContainText('DENIED');
});

test('policy names in a verdict are links to their pages', async ({ page }) => {
  const explain = new ExplainPage(page);
  await explain.goto('/explain?from=shop-backend/Deployment/checkout&to=payments/Deployment/payments-api&port=8443');
  await explain.policyLink('payments/payments-api-from-checkout').click();
  await expect(page).toHaveURL('/policies/payments/payments-api-from-checkout');
  await explain.goto('/explain?from=ci/Deployment/gitlab-runner&to=kube-system/Deployment/coredns&port=9153');
  await expect(explain.fix).toContainText('To allow it: an admin change');
  await expect(explain.bestFix).toContainText('Admin change: in AdminNetworkPolicy cluster-guardrails');
  await explain.policyLink('AdminNetworkPolicy cluster-guardrails').click();
  await expect(page).toHaveURL('/policies#admin-AdminNetworkPolicy-cluster-guardrails');
  await expect(page.locator('#admin-AdminNetworkPolicy-cluster-guardrails')).toBeVisible();
});
