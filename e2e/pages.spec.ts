import { expect, test } from './fixtures';
import { ExplainPage } from './pages/ExplainPage';
import { PoliciesPage } from './pages/PoliciesPage';

test('each policy row opens to the policy as read, and closes again', async ({ page, request }) => {
  const summary = await (await request.get('/api/snapshot')).json();
  const policies = new PoliciesPage(page);
  await policies.goto('/policies');
  await expect(policies.rows).toHaveCount(summary.counts.networkPolicies);
  const first = policies.rows.first();
  const key = `${await first.getByRole('cell').nth(1).innerText()}/${await first.getByRole('cell').nth(2).innerText()}`;
  await policies.toggle(key).click();
  await expect(policies.toggle(key)).toHaveAttribute('aria-expanded', 'true');
  await expect(policies.details()).toContainText(`name: ${key.split('/')[1]}`);
  await expect(policies.details()).toContainText('podSelector:');
  await policies.screenshot('policies-expanded');
  await policies.toggle(key).click();
  await expect(policies.details()).toHaveCount(0);
});

test('explain keeps the question in the query string and shows both pods with the verdict', async ({ page }) => {
  const explain = new ExplainPage(page);
  await explain.goto('/explain');
  const pods = await explain.podOptions();
  // The demo's on-call story (demo/README.md): checkout reaches payments-api on TCP 8080 but not on 8443.
  const from = pods.find((p) => p.startsWith('shop-backend/checkout-'));
  const to = pods.find((p) => p.startsWith('payments/payments-api-'));
  expect(from, 'a checkout pod in the demo').toBeDefined();
  expect(to, 'a payments-api pod in the demo').toBeDefined();
  await explain.ask(from!, to!, '8443');
  await expect(page).toHaveURL(`/explain?from=${encodeURIComponent(from!)}&to=${encodeURIComponent(to!)}&port=8443&protocol=`);
  await expect(explain.sourceCard).toContainText(from!);
  await expect(explain.destinationCard).toContainText(to!);
  await expect(explain.port).toHaveValue('8443');
  await expect(explain.verdict).toContainText('DENIED');
  await expect(explain.verdict).toContainText('payments/payments-api-from-checkout');
  await explain.screenshot('explain-asked');
  await explain.port.fill('8080');
  await explain.submit.click();
  await expect(page).toHaveURL(/port=8080/);
  await expect(explain.verdict).toContainText('ALLOWED');
});

test('explain reports an unknown pod and a bad port instead of failing', async ({ page }) => {
  const explain = new ExplainPage(page);
  await explain.goto('/explain?from=nowhere/nothing&port=99999');
  await expect(explain.problems).toContainText('Source: no pod or workload "nowhere/nothing" in the snapshot.');
  await expect(explain.problems).toContainText('Port: 99999 is outside 1-65535.');
});
