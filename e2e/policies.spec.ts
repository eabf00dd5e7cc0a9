import { expect, test } from './fixtures';
import { PoliciesPage } from './pages/PoliciesPage';

// Planted facts: demo/README.md ("Planted network facts", "Planted RBAC facts").

test('find who can edit a policy: from the list to its editors, with the binding → role path of each', async ({ page }) => {
  const policies = new PoliciesPage(page);
  await policies.goto('/policies');
  await policies.filterNamespace('shop-backend');
  await expect(page).toHaveURL(/\/policies\?ns=shop-backend/);
  await expect(policies.rows).toHaveCount(8);
  const policy = await policies.open('shop-backend/default-deny-all');
  await expect(page).toHaveURL('/policies/shop-backend/default-deny-all');
  await expect(policy.heading).toHaveText('shop-backend/default-deny-all');
  await expect(policy.english).toContainText('Selects every pod in namespace shop-backend.');
  await expect(policy.english).toContainText('Isolates them for egress and allows nothing');

  // The SoD subjects edit it through their namespace Role; the security team through its ClusterRole.
  await expect(policy.directEditor('User:alice@acme.example')).toContainText('RoleBinding/shop-backend/shop-developers → Role/shop-backend/shop-developer');
  await expect(policy.directEditor('ServiceAccount:ci/gitlab-runner')).toContainText('RoleBinding/shop-backend/gitlab-runner-edit → ClusterRole/edit');
  await expect(policy.directEditor('Group:security-team')).toContainText('ClusterRoleBinding/security-team-networkpolicy-admin');
  await expect(policy.directEditor('Group:payments-devs')).toHaveCount(0);
  // dave is no editor but can impersonate one.
  await expect(policy.indirectEditor('User:dave@acme.example').first()).toContainText('can impersonate');
  await policy.screenshot('policies-editors');

  await policy.directEditor('User:alice@acme.example').getByRole('link', { name: 'User:alice@acme.example' }).click();
  await expect(page).toHaveURL('/access/subject?s=User%3Aalice%40acme.example');
  await expect(policy.heading).toHaveText('User:alice@acme.example');
});

test('a policy that selects no pod is flagged in the list and on its page (the paymnets-api typo)', async ({ page }) => {
  const policies = new PoliciesPage(page);
  await policies.goto('/policies?ns=payments');
  const row = policies.row('payments/payments-api-to-fraud-scorer');
  await expect(row).toContainText('0 pods');
  await policies.toggle('payments/payments-api-to-fraud-scorer').click();
  await expect(page.getByTestId('policy-english')).toContainText('Selects pods in namespace payments matching app=paymnets-api.');
  await expect(policies.details()).toContainText('app: paymnets-api');
  await policies.screenshot('policies-typo-expanded');
  const policy = await policies.open('payments/payments-api-to-fraud-scorer');
  await expect(policy.warnings).toContainText('selects no pod');
  await expect(page.getByText('It selects no pod')).toBeVisible();
});

test('the on-call story reads in plain English: payments admits checkout on TCP 8080 only', async ({ page }) => {
  const policies = new PoliciesPage(page);
  await policies.goto('/policies/payments/payments-api-from-checkout');
  const policy = new (await import('./pages/PoliciesPage')).PolicyPage(page);
  await expect(policy.english).toContainText(
    'Allows ingress from pods matching app=checkout in namespaces matching kubernetes.io/metadata.name=shop-backend on TCP 8080.',
  );
  await expect(policy.selectedPods.getByRole('listitem')).toHaveCount(2);
  await policy.screenshot('policies-detail');
});

test('admin tiers above the NetworkPolicies: guardrails (10), pci-isolation (20), NetworkPolicies, the baseline; rules, pods and editors', async ({ page }) => {
  const policies = new PoliciesPage(page);
  await policies.goto('/policies');
  await expect(policies.adminTiers).toHaveCount(4);
  await expect(policies.adminTiers.nth(0)).toHaveAttribute('data-key', 'AdminNetworkPolicy/cluster-guardrails');
  await expect(policies.adminTiers.nth(1)).toHaveAttribute('data-key', 'AdminNetworkPolicy/pci-isolation');
  await expect(policies.adminTiers.nth(2)).toContainText('then the 27 NetworkPolicies below decide');
  await expect(policies.adminTiers.nth(3)).toHaveAttribute('data-key', 'BaselineAdminNetworkPolicy/default');

  const guard = policies.adminPolicy('AdminNetworkPolicy/cluster-guardrails');
  await expect(guard).toContainText('ANP · priority 10');
  await expect(guard).toContainText('applies to namespaces kubernetes.io/metadata.name=kube-system');
  await expect(guard.getByTestId('admin-rule').nth(0)).toContainText('ingress rule #1 (allow-cluster-dns)');
  await expect(guard.getByTestId('admin-rule').nth(0)).toContainText('Allow ingress from every namespace on UDP 53, TCP 53.');
  await expect(guard.getByTestId('admin-rule').nth(3)).toContainText('Deny ingress from every namespace on every port.');
  await guard.getByText('Pods it applies to').click();
  await expect(guard.getByTestId('admin-subject-pods')).toContainText('kube-system/');
  await expect(policies.adminPolicy('AdminNetworkPolicy/pci-isolation').getByTestId('admin-rule').nth(1)).toContainText('Pass to NetworkPolicies ingress from namespaces team=shop on every port.');
  await expect(policies.adminPolicy('BaselineAdminNetworkPolicy/default')).toContainText('Baseline (BANP)');

  // Cluster-scoped: the wildcard ClusterRoleBinding makes bob an editor; alice's RoleBinding does not count.
  const bob = await policies.adminDirectEditor('AdminNetworkPolicy/cluster-guardrails', 'User:bob@acme.example');
  await expect(bob).toContainText('ClusterRoleBinding/legacy-ops-full-access → ClusterRole/legacy-ops-full-access');
  await expect(guard.locator('[data-testid="direct-editor"][data-subject="User:alice@acme.example"]')).toHaveCount(0);
  await policies.screenshot('policies-admin-tiers');
});
