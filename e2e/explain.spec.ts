import { expect, test } from './fixtures';
import { ExplainPage } from './pages/ExplainPage';

test('a deep link explains the on-call story: checkout → payments-api on 8443 is dropped by payments ingress', async ({ page }) => {
  const explain = new ExplainPage(page);
  await explain.goto('/explain?from=shop-backend/Deployment/checkout&to=payments/Deployment/payments-api&port=8443');
  await expect(explain.from).toHaveValue('shop-backend/Deployment/checkout');
  await expect(explain.verdict).toContainText('DENIED');
  await expect(explain.ingress).toContainText('isolated for ingress by payments/default-deny-all, payments/payments-api-from-checkout');
  await expect(explain.ingress).toContainText('it allows TCP 8080');
  await expect(explain.egress).toContainText('allowed');
  await expect(explain.sourceCard).toContainText('2 pods; the first is shown');
  await explain.screenshot('explain-deep-link-8443');
  await page.getByRole('link', { name: 'Reverse direction' }).click();
  await expect(page).toHaveURL(/from=payments%2FDeployment%2Fpayments-api&to=shop-backend%2FDeployment%2Fcheckout/);
  await expect(explain.verdict).toContainText('DENIED');
});

test('the search offers pods and workloads; an IP is an external address cut by ipBlock except', async ({ page }) => {
  const explain = new ExplainPage(page);
  await explain.goto('/explain');
  const options = await explain.options();
  expect(options).toContain('payments/Deployment/payments-api');
  const pod = (await explain.podOptions()).find((p) => p.startsWith('payments/payments-api-'));
  expect(pod, 'a payments-api pod is offered').toBeDefined();
  // payments/payments-api-to-psp: 203.0.113.0/24 except 203.0.113.128/25, TCP 443.
  await explain.ask(pod!, '203.0.113.10', '443');
  await expect(explain.verdict).toContainText('ALLOWED');
  await expect(explain.destinationCard).toContainText('External address 203.0.113.10');
  await explain.to.fill('203.0.113.200');
  await explain.submit.click();
  await expect(explain.verdict).toContainText('DENIED');
  await explain.screenshot('explain-ip-except');
});

test('an unknown endpoint and a bad port are reported under the form', async ({ page }) => {
  const explain = new ExplainPage(page);
  await explain.goto('/explain?from=nowhere/nothing&to=payments/Deployment/payments-api&port=99999');
  await expect(explain.problems).toContainText('Source: no pod or workload "nowhere/nothing" in the snapshot.');
  await expect(explain.problems).toContainText('Port: 99999 is outside 1-65535.');
  await expect(explain.verdict).toHaveCount(0);
});

test('hostNetwork pods: like pods, the guardrail ANP denies kube-proxy:10249; as their node, nothing selects them', async ({ page }) => {
  const explain = new ExplainPage(page);
  await explain.goto('/explain?from=ci/Deployment/gitlab-runner&to=kube-system/DaemonSet/kube-proxy&port=10249');
  await expect(explain.hostNetworkNote).toHaveAttribute('data-mode', 'as-pod');
  await expect(explain.hostNetworkNote).toContainText('kube-system/kube-proxy-');
  await expect(explain.verdict).toContainText('DENIED');
  await expect(explain.ingress).toContainText('denied by AdminNetworkPolicy cluster-guardrails rule #4 (priority 10)');
  await explain.hostNetworkSwitch.click();
  await expect(page).toHaveURL(/hostNetwork=host/);
  await expect(explain.hostNetworkNote).toHaveAttribute('data-mode', 'host');
  await expect(explain.verdict).toContainText('ALLOWED');
  await expect(explain.ingress).toContainText('it runs in the host network, which no policy selects');
  await explain.screenshot('explain-host-network');
  // The mode stays with the question: asking again keeps it.
  await explain.ask('ci/Deployment/gitlab-runner', 'kube-system/DaemonSet/kube-proxy', '10256');
  await expect(page).toHaveURL(/hostNetwork=host/);
  await expect(explain.hostNetworkNote).toHaveAttribute('data-mode', 'host');
});

test('a named port without a protocol resolves on the destination: coredns dns is UDP 53, on the page and the API as in the CLI (cli/commands/explain.test.ts)', async ({ page, request }) => {
  const explain = new ExplainPage(page);
  await explain.goto('/explain?from=shop-frontend/storefront&to=kube-system/coredns&port=dns');
  await expect(explain.protocol).toHaveValue('');
  await expect(explain.verdict).toContainText('ALLOWED');
  await expect(explain.verdict).toContainText('UDP 53 (dns)');
  const api = await request.get('/api/explain?from=shop-frontend/storefront&to=kube-system/coredns&port=dns');
  expect(api.status()).toBe(200);
  expect(await api.json()).toMatchObject({ verdict: 'allowed', port: 53, protocol: 'UDP', portName: 'dns' });
  // The same question through the form, with the protocol left at its default.
  await explain.ask('shop-frontend/storefront', 'kube-system/coredns', 'dns');
  await expect(explain.verdict).toContainText('UDP 53 (dns)');
  // A name the API server would refuse in a policy is refused in a question too.
  const bad = await request.get('/api/explain?from=shop-frontend/storefront&to=kube-system/coredns&port=a--b');
  expect(bad.status()).toBe(400);
});

test('a pod that does not exist yet: a new monitoring pod in a team=x namespace meets the PCI guardrail on payments-api:8443', async ({ page }) => {
  const explain = new ExplainPage(page);
  await explain.goto('/explain');
  await explain.ask('[namespace with team=x]/[pod with role=monitoring]', 'payments/Deployment/payments-api', '8443');
  await expect(explain.sourceCard).toContainText('A pod that does not exist yet: [namespace with team=x]/[pod with role=monitoring]');
  await expect(explain.verdict).toContainText('DENIED');
  await expect(explain.ingress).toContainText('denied by AdminNetworkPolicy pci-isolation');
  await expect(explain.egress).toContainText('[namespace with team=x]/[pod with role=monitoring] is not isolated for egress');
  await explain.screenshot('explain-representative-peer');
});
