import { expect, test } from './fixtures';
import { AccessPage, SubjectPage } from './pages/AccessPage';

test('who can patch NetworkPolicies, namespace by namespace: SoD cells are marked, a cell shows its grant paths', async ({ page }) => {
  const access = new AccessPage(page);
  await access.goto('/access');
  await expect(access.question).toHaveText('Who can patch networkpolicies, namespace by namespace');
  // bob's wildcard ClusterRole allows it everywhere; alice only in shop-backend; payments-devs nowhere.
  await expect(access.cell('User:bob@acme.example', 'payments')).toHaveAttribute('data-state', 'sod');
  await expect(access.cell('User:alice@acme.example', 'shop-backend')).toHaveAttribute('data-state', 'sod');
  await expect(access.cell('User:alice@acme.example', 'payments')).toHaveAttribute('data-state', 'denied');
  await expect(access.cell('Group:security-team', 'payments')).toHaveAttribute('data-state', 'allowed');
  await expect(access.row('Group:payments-devs')).toHaveCount(0);
  await access.cell('Group:security-team', 'payments').click();
  await expect(page).toHaveURL(/focus=Group%3Asecurity-team&col=payments/);
  await expect(access.cellPaths).toContainText('ClusterRoleBinding/security-team-networkpolicy-admin → ClusterRole/networkpolicy-admin');
  await access.screenshot('access-matrix-namespaces');
});

test('the matrix is usable from the keyboard: arrows move, Enter shows the paths', async ({ page }) => {
  const access = new AccessPage(page);
  await access.goto('/access?mode=verbs&ns=shop-backend&resource=networkpolicies.networking.k8s.io&kind=User');
  await expect(access.rows.first()).toBeVisible();
  await access.matrix.focus();
  // First row, first column (get); move right to "watch" and down to the next user.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(access.cellTitle).toContainText('· watch');
  await expect(access.matrix).toHaveAttribute('aria-activedescendant', 'cell-0-2');
  await expect(access.cellPaths).toContainText('RoleBinding/shop-backend/shop-developers');
  await access.screenshot('access-keyboard');
});

test('filters by subject kind and name live in the URL; the CSV export is the same matrix', async ({ page, request }) => {
  const access = new AccessPage(page);
  await access.goto('/access');
  await access.shape('Every verb × one namespace');
  await access.ask({ namespace: 'shop-backend', kind: 'ServiceAccount', name: 'gitlab' });
  await expect(page).toHaveURL(/mode=verbs&ns=shop-backend&resource=networkpolicies.networking.k8s.io&kind=ServiceAccount&q=gitlab/);
  await expect(access.rows).toHaveCount(1);
  await expect(access.count).toContainText('1 of');
  const href = (await access.csv.getAttribute('href'))!;
  const res = await request.get(href);
  expect(res.headers()['content-type']).toContain('text/csv');
  const lines = (await res.text()).trimEnd().split('\r\n');
  expect(lines[1]).toBe('subject kind,subject,get,list,watch,create,update,patch,delete,deletecollection');
  expect(lines.slice(2)).toEqual([
    'ServiceAccount,ServiceAccount:ci/gitlab-runner,allowed,allowed,allowed,allowed (breaks separation of duties),allowed (breaks separation of duties),allowed (breaks separation of duties),allowed (breaks separation of duties),allowed (breaks separation of duties)',
  ]);
});

test("a subject's page: everything it can do and how (ServiceAccount ci/gitlab-runner)", async ({ page }) => {
  const subject = new SubjectPage(page);
  await subject.goto('/access/subject?s=ServiceAccount:ci/gitlab-runner');
  await expect(subject.heading).toHaveText('ServiceAccount:ci/gitlab-runner');
  const edit = subject.grants.filter({ hasText: 'RoleBinding shop-backend/gitlab-runner-edit' });
  await expect(edit).toContainText('ClusterRole edit');
  await expect(edit).toContainText('shop-backend');
  await expect(subject.grants.filter({ hasText: 'all-users-view' })).toContainText('Group:system:authenticated');
  await expect(subject.findings.first()).toBeVisible();
  await subject.screenshot('access-subject');
});

test('a new snapshot version refetches the selected cell’s grant paths', async ({ page }) => {
  const access = new AccessPage(page);
  await access.goto('/access');
  await access.cell('Group:security-team', 'payments').click();
  await expect(access.cellPaths).toContainText('ClusterRoleBinding/security-team-networkpolicy-admin');
  const refetch = page.waitForRequest((r) => r.url().includes('/api/access/cell') && r.url().includes('focus=Group%3Asecurity-team'));
  await access.announceSnapshot(2);
  await refetch;
  await expect(access.cellPaths).toContainText('ClusterRoleBinding/security-team-networkpolicy-admin');
});
