import { expect, test } from './fixtures';
import { AccessPage } from './pages/AccessPage';
import { FindingsPage } from './pages/FindingsPage';

const ALICE_SOD = 'PER-RBAC-SOD-WORKLOAD-NETPOL:User:alice@acme.example:shop-backend';
const BOB_SOD = 'PER-RBAC-SOD-WORKLOAD-NETPOL:User:bob@acme.example:*';

test('find a separation-of-duties finding and follow it to the matrix cell that shows it', async ({ page }) => {
  const findings = new FindingsPage(page);
  await findings.goto('/findings');
  await findings.filter({ rule: 'PER-RBAC-SOD-WORKLOAD-NETPOL', namespace: 'shop-backend' });
  await expect(page).toHaveURL(/rule=PER-RBAC-SOD-WORKLOAD-NETPOL/);
  // The planted subjects: Group shop-devs, User alice, ServiceAccount ci/gitlab-runner (demo/README.md), and the two
  // whose grants are cluster-wide and so hold in shop-backend too: bob, and the superuser group (rated low).
  await expect(findings.findings).toHaveCount(5);
  await expect(findings.clusterWide(BOB_SOD)).toHaveText('cluster-wide');
  await expect(findings.clusterWide('PER-RBAC-SOD-WORKLOAD-NETPOL:Group:system:masters:*')).toHaveText('cluster-wide');
  await expect(findings.clusterWide(ALICE_SOD)).toHaveCount(0);
  const alice = findings.finding(ALICE_SOD);
  // file:line, as `perimeter check` prints it.
  await expect(findings.location(ALICE_SOD)).toHaveText('demo/rbac-teams.yaml:22');
  await expect(alice).toContainText('can change workloads and change NetworkPolicies in namespace shop-backend');
  await alice.getByText('Evidence').click();
  await expect(alice).toContainText('RoleBinding/shop-backend/shop-developers');
  await findings.screenshot('findings-sod-filtered');

  await alice.getByTestId('matrix-link').click();
  const access = new AccessPage(page);
  await expect(page).toHaveURL(/\/access\?mode=verbs&ns=shop-backend&verb=patch&resource=networkpolicies\.networking\.k8s\.io&focus=User%3Aalice%40acme\.example&col=create/);
  await expect(access.cell('User:alice@acme.example', 'create')).toHaveAttribute('data-state', 'sod');
  await expect(access.cell('User:alice@acme.example', 'create')).toHaveAttribute('aria-selected', 'true');
  await expect(access.cellTitle).toHaveText('User:alice@acme.example · create');
  await expect(access.cellPanel).toContainText('breaks separation of duties');
  await expect(access.cellPaths).toContainText('RoleBinding/shop-backend/shop-developers → Role/shop-backend/shop-developer');
  await access.screenshot('findings-to-matrix-cell');
});

test('findings export as JSON, CSV and Markdown, filtered as shown', async ({ page, request }) => {
  const findings = new FindingsPage(page);
  await findings.goto('/findings?sev=high');
  const shown = await findings.findings.count();
  expect(shown).toBeGreaterThan(0);
  await expect(findings.byRule('PER-RBAC-DANGLING-ROLEREF')).toHaveCount(0);

  const href = (await findings.exportLink('JSON').getAttribute('href'))!;
  expect(href).toBe('/api/findings?sev=high&format=json');
  const json = await (await request.get(href)).json();
  expect(json.count).toBe(shown);
  expect(json.source).toEqual({ kind: 'demo' });
  expect(json.config).toBeNull();
  expect(json.findings.map((f: { id: string }) => f.id)).toContain(ALICE_SOD);

  const csv = await request.get((await findings.exportLink('CSV').getAttribute('href'))!);
  expect(csv.headers()['content-type']).toContain('text/csv');
  expect(csv.headers()['content-disposition']).toMatch(/attachment; filename="perimeter-findings-.*\.csv"/);
  const lines = (await csv.text()).trimEnd().split('\r\n');
  expect(lines[0]).toBe('severity,rule,id,namespace,subject,object,title,evidence,fix,suppressed,defaultSeverity');
  expect((await csv.text())).toContain(ALICE_SOD);

  const md = await (await request.get((await findings.exportLink('Markdown').getAttribute('href'))!)).text();
  expect(md).toContain('# Perimeter findings');
  expect(md).toContain('Config: no perimeter.config.yaml: groups and duties unknown');
  expect(md).toContain(`${shown} findings: ${shown} high, 0 medium, 0 low.`);
  await findings.screenshot('findings-high');
});

test('a filter that matches nothing says so and offers the way back', async ({ page }) => {
  const findings = new FindingsPage(page);
  await findings.goto('/findings?q=no-such-subject-anywhere');
  await expect(page.getByText('No finding matches the filter')).toBeVisible();
  await page.getByRole('link', { name: /^Show all \d+$/ }).click();
  await expect(page).toHaveURL('/findings');
  await expect(findings.findings.first()).toBeVisible();
  await findings.screenshot('findings-all');
});

test('a network finding links to the policy it is about (the selector typo)', async ({ page }) => {
  const findings = new FindingsPage(page);
  await findings.goto('/findings?ns=payments');
  const typo = findings.byRule('PER-NET-POLICY-SELECTS-NOTHING');
  await expect(typo).toHaveCount(1);
  await typo.getByRole('link', { name: 'NetworkPolicy payments/payments-api-to-fraud-scorer' }).click();
  await expect(page).toHaveURL('/policies/payments/payments-api-to-fraud-scorer');
  await expect(page.getByTestId('policy-warnings')).toContainText('selects no pod');
});

test("a namespace's findings include the cluster-wide ones that apply to it (dave's escalation), marked so; others' own findings stay out", async ({ page, request }) => {
  const findings = new FindingsPage(page);
  await findings.goto('/findings');
  await findings.filter({ namespace: 'payments' });
  await expect(page).toHaveURL(/ns=payments/);
  await expect(findings.clusterWide('PER-RBAC-ESCALATION:User:dave@acme.example:*')).toHaveText('cluster-wide');
  await expect(findings.finding('PER-RBAC-DANGLING-ROLEREF:RoleBinding:payments/payments-auditors')).toBeVisible();
  // ci's own finding is not payments'; the indirect-editor finding of kube-controller-manager names shop-backend only.
  await expect(findings.byRule('PER-NET-NO-DEFAULT-DENY-INGRESS')).toHaveCount(0);
  await expect(findings.finding('PER-RBAC-NETPOL-INDIRECT-EDITOR:User:system:kube-controller-manager:*')).toHaveCount(0);
  await findings.screenshot('findings-namespace-with-cluster-wide');
  // The export of the filtered view lists the same findings.
  const json = await (await request.get('/api/findings?ns=payments&format=json')).json();
  expect(json.count).toBe(await findings.findings.count());
});
