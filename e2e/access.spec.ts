import { execFileSync } from 'node:child_process';
import { expect, test } from './fixtures';
import { AccessPage, SubjectPage } from './pages/AccessPage';
import { PoliciesPage } from './pages/PoliciesPage';

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

test('filters by subject kind and name live in the URL; the CSV exports are the same matrix, and its evidence', async ({ page, request }) => {
  const access = new AccessPage(page);
  await access.goto('/access');
  await access.shape('Every verb × one namespace');
  await access.ask({ namespace: 'shop-backend', kind: 'ServiceAccount', name: 'gitlab' });
  await expect(page).toHaveURL(/mode=verbs&ns=shop-backend&verb=patch&resource=networkpolicies.networking.k8s.io&kind=ServiceAccount&q=gitlab/);
  await expect(access.rows).toHaveCount(1);
  await expect(access.count).toContainText('1 of');
  const grid = await request.get((await access.csvGrid.getAttribute('href'))!);
  expect(grid.headers()['content-type']).toContain('text/csv');
  const lines = (await grid.text()).trimEnd().split('\r\n');
  expect(lines[1]).toBe('subject kind,subject,get,list,watch,create,update,patch,delete,deletecollection');
  expect(lines.slice(2)).toEqual([
    'ServiceAccount,ServiceAccount:ci/gitlab-runner,allowed,allowed,allowed,allowed (breaks separation of duties),allowed (breaks separation of duties),allowed (breaks separation of duties),allowed (breaks separation of duties),allowed (breaks separation of duties)',
  ]);
  // The evidence: one line per cell and grant, with the binding, the role and the rule an auditor can check.
  const evidence = (await (await request.get((await access.csv.getAttribute('href'))!)).text()).trimEnd().split('\r\n');
  expect(evidence[1]).toBe('subject kind,subject,namespace,verbs,access,how,binding,role,rule,bound to');
  expect(evidence.filter((l) => l.includes(',patch,'))).toEqual([
    'ServiceAccount,ServiceAccount:ci/gitlab-runner,shop-backend,patch,allowed (breaks separation of duties),,RoleBinding/shop-backend/gitlab-runner-edit,ClusterRole/edit,"#12: verbs [create, delete, deletecollection, patch, update] apiGroups [networking.k8s.io] resources [ingresses, networkpolicies] (aggregated from ClusterRole/system:aggregate-to-edit rule #12)",ServiceAccount:ci/gitlab-runner',
  ]);
});

test('switching shapes keeps the chosen namespace, and the namespace picker always shows the one the table answers for', async ({ page }) => {
  const access = new AccessPage(page);
  await access.goto('/access');
  await access.shape('Every verb × one namespace');
  // The table answers for the first namespace; the picker must say so, not "(cluster scope…)".
  await expect(access.question).toHaveText('Who can do what to networkpolicies in ci');
  await expect(access.form.getByLabel('Namespace')).toHaveValue('ci');
  await access.ask({ namespace: 'payments' });
  await expect(access.question).toHaveText('Who can do what to networkpolicies in payments');
  await access.shape('One verb × every namespace');
  await access.shape('Every verb × one namespace');
  await expect(access.question).toHaveText('Who can do what to networkpolicies in payments');
  await expect(access.form.getByLabel('Namespace')).toHaveValue('payments');
  // Back and forward restore the question and the picker together.
  await page.goBack();
  await expect(access.question).toHaveText('Who can patch networkpolicies, namespace by namespace');
  await page.goBack();
  await expect(access.question).toHaveText('Who can do what to networkpolicies in payments');
  await expect(access.form.getByLabel('Namespace')).toHaveValue('payments');
  await access.screenshot('access-namespace-kept');
});

test('NetworkPolicy editors, direct and indirect, are defined and counted as on the Policies page and by `who-can --indirect`', async ({ page }) => {
  const policies = new PoliciesPage(page);
  await policies.goto('/policies/payments/default-deny-all');
  await expect(page.locator('#editors')).toContainText('Who can change it: 3 direct editors, 1 indirect editor');
  const cli = execFileSync('./bin/perimeter', ['who-can', 'update', 'networkpolicies', '-n', 'payments', '--indirect', 'demo'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  expect(cli.split('\n')[0]).toBe('Who can change networkpolicies.networking.k8s.io in namespace payments: 3 direct editors, 1 indirect editor');

  const access = new AccessPage(page);
  await access.goto('/access');
  await access.shape('Editors × every namespace');
  await expect(access.question).toHaveText('Who can change networkpolicies, namespace by namespace: direct editors and indirect ones (one step away)');
  await expect(access.columnEditors('payments')).toHaveText('3 · 1');
  await expect(access.columnEditors('shop-backend')).toHaveText('6 · 2');
  await expect(access.cell('Group:security-team', 'payments')).toHaveAttribute('data-state', 'allowed');
  await expect(access.cell('User:dave@acme.example', 'payments')).toHaveAttribute('data-state', 'indirect');
  await access.cell('User:dave@acme.example', 'payments').click();
  await expect(access.cellPanel).toContainText('indirect editor');
  await expect(page.getByTestId('cell-step').first()).toContainText('can impersonate Group:security-team, who can edit it');
  await expect(access.cellPaths.first()).toContainText('ClusterRoleBinding/support-impersonation → ClusterRole/support-impersonator');
  await access.screenshot('access-editors');
  // Switchable: direct editors only.
  await access.ask({ editors: 'direct only' });
  await expect(page).toHaveURL(/indirect=0/);
  await expect(access.row('User:dave@acme.example')).toHaveCount(0);
  await expect(access.columnEditors('payments')).toHaveText('3 · 0');
});

test('system:masters: its separation-of-duties cells are rated low as on Findings, and the cell explains the superuser group', async ({ page }) => {
  const access = new AccessPage(page);
  await access.goto('/access?mode=verbs&ns=payments&resource=networkpolicies.networking.k8s.io');
  await expect(access.cell('Group:system:masters', 'patch')).toHaveAttribute('data-state', 'sod-low');
  await expect(access.cell('User:bob@acme.example', 'patch')).toHaveAttribute('data-state', 'sod');
  await access.cell('Group:system:masters', 'patch').click();
  await expect(access.cellPanel).toContainText('separation of duties: rated low');
  await expect(page.getByTestId('cell-findings')).toContainText('low');
  await expect(page.getByTestId('cell-superuser')).toContainText('none can take it away');
  await access.screenshot('access-system-masters');
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
