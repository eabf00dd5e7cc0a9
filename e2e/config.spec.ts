import { expect, test } from './fixtures';
import { AccessPage, SubjectPage } from './pages/AccessPage';
import { FindingsPage } from './pages/FindingsPage';
import { OverviewPage } from './pages/OverviewPage';
import { urlOf } from './servers';

// The `config` server: the demo with PERIMETER_CONFIG=e2e/demo.config.yaml (groups shop-devs: [erin], duty
// networkPolicyEditors: [Group:security-team], PER-NET-NO-DEFAULT-DENY-EGRESS off, PER-RBAC-DANGLING-ROLEREF medium,
// allow[0] grafana-open, allow[1] bob's wildcard, allow[2] gitlab-runner's separation of duties). `perimeter check demo
// --config e2e/demo.config.yaml` gives the same.
const CONFIG = urlOf('config');
const GRAFANA = 'PER-NET-OPEN-SENSITIVE-PORT:monitoring/grafana-open:ingress-0';
const BOB_WILDCARD = 'PER-RBAC-WILDCARD:User:bob@acme.example:*';
const ALICE_DUTY = 'PER-RBAC-DUTY:User:alice@acme.example:shop-backend:networkPolicyEditors';
const DANGLING = 'PER-RBAC-DANGLING-ROLEREF:RoleBinding:payments/payments-auditors';
const RUNNER_SOD = 'PER-RBAC-SOD-WORKLOAD-NETPOL:ServiceAccount:ci/gitlab-runner:shop-backend';

test('Findings with perimeter.config.yaml: the config is named, duty findings appear, allow-listed ones are marked with the entry and reason', async ({ page }) => {
  const findings = new FindingsPage(page);
  await findings.goto(`${CONFIG}/findings`);
  await expect(findings.config).toHaveText('Groups, duties, rule settings and allow-list from e2e/demo.config.yaml.');
  await expect(findings.bannerConfig).toHaveText('config e2e/demo.config.yaml');

  await expect(findings.finding(ALICE_DUTY)).toContainText('User:alice@acme.example can change NetworkPolicies in namespace shop-backend but is not in duty networkPolicyEditors');
  await expect(findings.byRule('PER-NET-NO-DEFAULT-DENY-EGRESS')).toHaveCount(0);
  await expect(findings.finding(DANGLING)).toContainText('medium');
  await expect(findings.finding(DANGLING).getByTestId('default-severity')).toHaveText('rule default low');

  // Suppressed: listed after the open ones, under their own heading, with allow[n] and the reason.
  await expect(findings.suppressed).toHaveCount(3);
  await expect(findings.suppressedChip).toHaveText('3 suppressed');
  const bob = findings.finding(BOB_WILDCARD);
  await expect(bob).toHaveAttribute('data-suppressed', 'true');
  await expect(bob.getByTestId('suppressed-reason')).toHaveText('Suppressed by allow[1] of the config: break-glass account, reviewed quarterly');
  await expect(findings.finding(GRAFANA).getByTestId('suppressed-reason')).toHaveText('Suppressed by allow[0] of the config: grafana is only reachable through the VPN (SEC-123)');
  await expect(findings.findings.last()).toHaveAttribute('data-suppressed', 'true');
  await expect(findings.configWarnings).toContainText('Config warnings (0)');
  await findings.suppressed.first().scrollIntoViewIfNeeded();
  await findings.screenshot('config-findings');

  await findings.filter({ suppressed: 'hide' });
  await expect(page).toHaveURL(/sup=hide/);
  await expect(findings.suppressed).toHaveCount(0);
  await expect(findings.finding(BOB_WILDCARD)).toHaveCount(0);
  await expect(findings.finding(ALICE_DUTY)).toBeVisible();

  await findings.suppressedChip.click();
  await expect(page).toHaveURL(/sup=only/);
  await expect(findings.findings).toHaveCount(3);
});

test('the findings exports carry suppressed and defaultSeverity, and name the config', async ({ request }) => {
  const json = await (await request.get(`${CONFIG}/api/findings?format=json`)).json();
  expect(json.config).toMatchObject({ path: 'e2e/demo.config.yaml' });
  const byId = new Map<string, { suppressed?: unknown; defaultSeverity?: string; severity: string }>(json.findings.map((f: { id: string }) => [f.id, f]));
  expect(byId.get(BOB_WILDCARD)?.suppressed).toEqual({ reason: 'break-glass account, reviewed quarterly', where: 'allow[1]' });
  expect(byId.get(DANGLING)).toMatchObject({ severity: 'medium', defaultSeverity: 'low' });
  expect(byId.has(ALICE_DUTY)).toBe(true);

  const csv = await (await request.get(`${CONFIG}/api/findings?format=csv&sup=only`)).text();
  const lines = csv.trimEnd().split('\r\n');
  expect(lines).toHaveLength(4);
  expect(lines.some((l) => l.startsWith(`high,PER-RBAC-WILDCARD,${BOB_WILDCARD},`) && l.endsWith(',"allow[1]: break-glass account, reviewed quarterly",'))).toBe(true);

  const md = await (await request.get(`${CONFIG}/api/findings?format=md`)).text();
  expect(md).toContain('Config: e2e/demo.config.yaml\n');
  expect(md).toContain('; 3 suppressed.');
  expect(md).toContain('- Suppressed by `allow[0]`: grafana is only reachable through the VPN (SEC-123)');
});

test("a group member's access comes through the config's groups; without a config it is unknown and the banner says so", async ({ page }) => {
  const subject = new SubjectPage(page);
  await subject.goto(`${CONFIG}/access/subject?s=User:erin@acme.example`);
  await expect(subject.heading).toHaveText('User:erin@acme.example');
  const viaShopDevs = subject.grants.filter({ hasText: 'RoleBinding shop-backend/shop-developers' });
  await expect(viaShopDevs).toContainText('Group:shop-devs');
  await expect(viaShopDevs).toContainText('Role shop-backend/shop-developer');
  await subject.screenshot('config-subject-erin');

  // The matrix lists erin (a member the config declares) with the NetworkPolicy rights she holds through the group;
  // not marked SoD: the group's finding covers its members (docs/rules.md, grouping).
  const access = new AccessPage(page);
  await access.goto(`${CONFIG}/access?mode=verbs&ns=shop-backend&resource=networkpolicies.networking.k8s.io&q=erin`);
  await expect(access.rows).toHaveCount(1);
  await expect(access.cell('User:erin@acme.example', 'create')).toHaveAttribute('data-state', 'allowed');
  await expect(access.cell('User:erin@acme.example', 'deletecollection')).toHaveAttribute('data-state', 'denied');

  // The demo server has no PERIMETER_CONFIG: erin is only system:authenticated there.
  await subject.goto(`${urlOf('demo')}/access/subject?s=User:erin@acme.example`);
  await expect(subject.grants.filter({ hasText: 'all-users-view' })).toBeVisible();
  await expect(subject.grants.filter({ hasText: 'shop-developers' })).toHaveCount(0);
  await expect(new FindingsPage(page).bannerConfig).toHaveText('no config: groups and duties unknown');
  await expect(new FindingsPage(page).bannerConfig).toHaveAttribute('title', /^no perimeter\.config\.yaml: groups and duties unknown\. Set PERIMETER_CONFIG=/);
});

test("Overview's top findings leave out the allow-listed ones and count them apart", async ({ page }) => {
  const overview = new OverviewPage(page);
  await overview.goto(`${CONFIG}/`);
  await expect(overview.topFindings.first()).toBeVisible();
  await expect(overview.topFindings.and(page.locator('[data-suppressed]'))).toHaveCount(0);
  await expect(overview.topFindings.and(page.locator(`[data-id="${BOB_WILDCARD}"]`))).toHaveCount(0);
  await expect(overview.topFindingsSuppressed).toHaveText('3 suppressed');
});

test('an allow-listed separation-of-duties finding marks its matrix cells as an accepted exception, with a way to its reason', async ({ page }) => {
  const access = new AccessPage(page);
  const query = '/access?mode=verbs&ns=shop-backend&resource=networkpolicies.networking.k8s.io';
  await access.goto(`${CONFIG}${query}`);
  await expect(access.cell('ServiceAccount:ci/gitlab-runner', 'patch')).toHaveAttribute('data-state', 'sod-accepted');
  // alice's finding is not allow-listed: still open.
  await expect(access.cell('User:alice@acme.example', 'patch')).toHaveAttribute('data-state', 'sod');
  await access.cell('ServiceAccount:ci/gitlab-runner', 'patch').click();
  await expect(page.getByTestId('cell-accepted')).toContainText('An accepted exception');
  await access.screenshot('config-matrix-accepted');
  await page.getByTestId('cell-accepted').getByRole('link').click();
  const findings = new FindingsPage(page);
  await expect(findings.finding(RUNNER_SOD).getByTestId('suppressed-reason')).toHaveText(
    'Suppressed by allow[2] of the config: the CI pipeline deploys and ships its NetworkPolicies; every change is reviewed (SEC-200)',
  );
  const csv = await (await page.request.get(`${CONFIG}/api/access/matrix?mode=verbs&ns=shop-backend&resource=networkpolicies.networking.k8s.io`)).text();
  expect(csv).toContain('allowed (breaks separation of duties; accepted by the config allow-list)');
  // Without the config the same cell is an open violation.
  await access.goto(`${urlOf('demo')}${query}`);
  await expect(access.cell('ServiceAccount:ci/gitlab-runner', 'patch')).toHaveAttribute('data-state', 'sod');
});
