import { expect, test } from './fixtures';
import { AccessPage } from './pages/AccessPage';
import { ExplainPage } from './pages/ExplainPage';
import { FindingsPage } from './pages/FindingsPage';
import { GraphPage } from './pages/GraphPage';
import { OverviewPage } from './pages/OverviewPage';
import { PolicyPage } from './pages/PoliciesPage';
import { WhatIfPage } from './pages/WhatIfPage';

// The three stories of issue 14, walked end to end on the demo (demo/README.md holds the planted facts). Each step
// checks that the next view tells the same truth as the one before.

test('security engineer: what is open to the internet, why, and who can change that', async ({ page }) => {
  // The top finding: grafana admits every source on every port, sensitive ones included.
  const overview = new OverviewPage(page);
  await overview.goto('/');
  const grafana = overview.topFindings.filter({ hasText: 'monitoring/grafana-open' });
  await expect(grafana).toContainText('admits every source on every port');

  // The graph's External view shows it reachable from 0.0.0.0/0, as the CLI does, and says its pod is not running.
  const graph = new GraphPage(page);
  await graph.open('?scope=external&level=workload');
  await expect(graph.row('grafana')).toContainText('open to all, no live traffic');
  await graph.select('grafana');
  await expect(graph.side.getByRole('button', { name: /^0\.0\.0\.0\/0 \(anywhere\)\s*All Connections$/ })).toHaveCount(1);
  await expect(graph.side.getByRole('link', { name: 'monitoring/grafana-open' })).toBeVisible();
  await graph.screenshot('story-security-external');

  // The policy that opens it, and who can change it: the same counts as the Access matrix's editors shape.
  await graph.side.getByRole('link', { name: 'monitoring/grafana-open' }).click();
  const policy = new PolicyPage(page);
  await expect(policy.heading).toHaveText('monitoring/grafana-open');
  await expect(policy.editors).toContainText('Who can change it: 3 direct editors, 1 indirect editor');
  const access = new AccessPage(page);
  await access.goto('/access?mode=editors');
  await expect(access.columnEditors('monitoring')).toHaveText('3 · 1');
  await expect(access.cell('User:dave@acme.example', 'monitoring')).toHaveAttribute('data-state', 'indirect');
  // Findings filtered to monitoring list the policy's finding and dave's cluster-wide escalation that reaches it.
  const findings = new FindingsPage(page);
  await findings.goto('/findings?ns=monitoring');
  await expect(findings.byRule('PER-NET-OPEN-SENSITIVE-PORT')).toHaveCount(1);
  await expect(findings.clusterWide('PER-RBAC-ESCALATION:User:dave@acme.example:*')).toBeVisible();
  await findings.screenshot('story-security-findings');
  // What the internet reaches, entry point by entry point, is the story of e2e/internet.spec.ts.
});

test('on-call engineer: checkout cannot reach payments-api on 8443; find why, then try the fix without touching the cluster', async ({ page }) => {
  // Find the two workloads on the graph and ask about the pair.
  const graph = new GraphPage(page);
  await graph.open('');
  await graph.findNode('checkout');
  await expect(graph.side).toContainText('checkout');
  await graph.select('payments-api', { add: true });
  const pair = page.getByTestId('graph-pair-details');
  await expect(pair).toContainText('Drawn connection: TCP 8080');
  await pair.getByLabel('Port').fill('8443');
  await pair.getByRole('button', { name: 'Explain' }).click();

  // Explain: allowed out of checkout, dropped by payments' ingress policy, which allows 8080 only.
  const explain = new ExplainPage(page);
  await expect(explain.verdict).toContainText('DENIED');
  await expect(explain.egress).toContainText('shop-backend/checkout-to-payments');
  await expect(explain.ingress).toContainText('payments/payments-api-from-checkout');
  await expect(explain.ingress).toContainText('allows TCP 8080');
  await explain.screenshot('story-oncall-explain');

  // The fix Explain proposes (checked on a copy), applied in What-if: that one connection changes and nothing else;
  // nothing is applied to the cluster.
  await expect(explain.bestFix).toContainText('Add TCP 8443 to ingress rule #1 of NetworkPolicy payments/payments-api-from-checkout');
  await explain.bestFix.getByTestId('fix-try-whatif').click();
  const whatIf = new WhatIfPage(page);
  await expect(whatIf.prefill).toBeVisible();
  await whatIf.run.click();
  await expect(whatIf.summary).toHaveText('Connections: 0 added, 0 removed, 1 changed · Access: 0 gained, 0 lost');
  await expect(whatIf.connection('shop-backend/checkout[Deployment]', 'payments/payments-api[Deployment]')).toContainText('TCP 8080,8443');
  await whatIf.screenshot('story-oncall-whatif');
});

test('auditor: who can change NetworkPolicies where, with the evidence, and exports that say what they are evidence of', async ({ page, request }) => {
  // Editors of NetworkPolicies, namespace by namespace, direct and one step away.
  const access = new AccessPage(page);
  await access.goto('/access');
  await access.shape('Editors × every namespace');
  await expect(access.columnEditors('shop-backend')).toHaveText('6 · 2');
  await expect(access.cell('User:alice@acme.example', 'shop-backend')).toHaveAttribute('data-state', 'sod');
  await expect(access.cell('Group:system:masters', 'shop-backend')).toHaveAttribute('data-state', 'sod-low');
  await access.cell('User:alice@acme.example', 'shop-backend').click();
  await expect(access.cellPaths).toContainText('RoleBinding/shop-backend/shop-developers → Role/shop-backend/shop-developer');
  await access.screenshot('story-auditor-editors');

  // The evidence export: one line per grant, naming binding, role and rule.
  const csv = await (await request.get((await access.csv.getAttribute('href'))!)).text();
  expect(csv).toContain('User,User:alice@acme.example,shop-backend,create update patch delete,allowed (breaks separation of duties),,RoleBinding/shop-backend/shop-developers,Role/shop-backend/shop-developer,');

  // The same subjects' findings, the cluster-wide ones included, and the Markdown export naming the source.
  const findings = new FindingsPage(page);
  await findings.goto('/findings?ns=shop-backend&rule=PER-RBAC-SOD-WORKLOAD-NETPOL');
  await expect(findings.findings).toHaveCount(5);
  await expect(findings.location('PER-RBAC-SOD-WORKLOAD-NETPOL:User:alice@acme.example:shop-backend')).toHaveText('demo/rbac-teams.yaml:22');
  const md = await (await request.get((await findings.exportLink('Markdown').getAttribute('href'))!)).text();
  expect(md).toContain('Source: Demo cluster (built-in) (PERIMETER\\_SOURCE=demo)');

  // The audit report: one file, its findings placed in the manifests.
  const report = await request.get('/api/report?format=html');
  expect(report.headers()['content-type']).toContain('text/html');
  expect(await report.text()).toContain('<td class="mono where">demo/<wbr>rbac-teams.yaml:22</td>');
});
