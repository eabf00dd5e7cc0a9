import { expect, test } from './fixtures';
import { ExplainPage } from './pages/ExplainPage';
import { ExposurePage } from './pages/ExposurePage';
import { GraphPage } from './pages/GraphPage';
import { OverviewPage } from './pages/OverviewPage';

// Issue 12's story for the security engineer, on the demo's planted exposures (demo/README.md, "Planted exposure
// facts"): what is exposed to the internet, and what can it reach next.
test('security engineer: what is exposed to the internet, and what can it reach next', async ({ page }) => {
  // The Overview counts the internet-reachable workloads and names them.
  const overview = new OverviewPage(page);
  await overview.goto('/');
  await expect(overview.internet).toHaveAttribute('data-count', '4');
  await expect(overview.internetItem('shop-frontend/storefront[Deployment]')).toContainText('via Ingress:shop-frontend/storefront');
  await expect(overview.internetItem('ingress-nginx/ingress-nginx-controller[Deployment]')).toContainText('TCP 80,443');
  await expect(overview.internet).toContainText('4 entry points expose on paper but the policies close them');
  await overview.screenshot('internet-overview');

  // On the Exposure page: the LoadBalancer without source ranges is open; the Ingress to payments-api is exposed on
  // paper, closed in fact, at the hop from the controller pods; the NodePort and the Gateway route are listed.
  await page.getByTestId('internet-all').click();
  const exposure = new ExposurePage(page);
  await expect(page).toHaveURL('/exposure');
  await expect(exposure.entry('LoadBalancer:ingress-nginx/ingress-nginx-controller')).toHaveAttribute('data-verdict', 'open');
  await expect(exposure.entry('Ingress:payments/payments-api')).toHaveAttribute('data-verdict', 'closed');
  await expect(exposure.entry('NodePort:monitoring/grafana')).toHaveAttribute('data-verdict', 'open');
  await expect(exposure.entry('Gateway:ingress-nginx/public/https')).toHaveAttribute('data-verdict', 'closed');
  const storefront = exposure.path('Ingress:shop-frontend/storefront', 'shop-frontend/storefront[Deployment]');
  await expect(storefront.getByTestId('hop')).toHaveCount(2);
  await expect(storefront.getByTestId('hop').last()).toHaveAttribute('data-verdict', 'allowed');
  const blocked = exposure.path('Ingress:payments/payments-api', 'payments/payments-api[Deployment]');
  await expect(blocked.getByTestId('hop').last()).toHaveAttribute('data-verdict', 'denied');

  // What storefront reaches next, sensitive ports first: postgres in two hops (through a backend), then redis.
  const reach = exposure.reachable('shop-frontend/storefront[Deployment]');
  const first = reach.getByTestId('reached').first();
  await expect(first).toHaveAttribute('data-workload', 'shop-db/postgres[StatefulSet]');
  await expect(first).toContainText('2 hops');
  await expect(first).toContainText('postgres 5432/TCP');
  await exposure.screenshot('internet-exposure');

  // One click to Explain the denied hop: the controller pods to payments-api on 8443.
  await blocked.getByTestId('hop-explain').last().click();
  const explain = new ExplainPage(page);
  await expect(page).toHaveURL(/\/explain\?from=ingress-nginx/);
  await expect(explain.verdict).toContainText('DENIED');
  await explain.screenshot('internet-explain-blocked-hop');

  // The Graph's "reachable from the internet" filter, switched to as a user would: the Internet node reaching the
  // same 4 workloads, an edge per open entry point (the Ingress from the controller's workload), the closed ones
  // listed beside, never drawn; an edge's entry point, ports and deciding policy; what storefront reaches next.
  const graph = new GraphPage(page);
  await graph.open('?level=workload');
  await expect(graph.row('Internet')).toHaveCount(0);
  const seq = await graph.layoutSeq();
  await page.getByTestId('graph-filters').getByTitle(/^Reachable from the internet/).click();
  await expect(page).toHaveURL(/scope=internet/);
  await graph.layoutDone(seq);
  await expect(graph.row('Internet')).toBeVisible();
  await expect(page.getByTestId('workload-row').filter({ hasText: 'reachable from the internet' })).toHaveCount(4);
  await graph.select('Internet');
  const facts = graph.side.getByTestId('internet-node-facts');
  await expect(facts).toContainText('they reach 4 workloads');
  await expect(facts.getByTestId('internet-closed-entries').locator('li')).toHaveCount(4);
  await expect(facts).toContainText('LoadBalancer:payments/payments-api-partners');
  await expect(graph.neighbour('ingress-nginx-controller')).toContainText('LoadBalancer TCP 80,443');
  await expect(graph.neighbour('storefront')).toHaveCount(0);
  await graph.screenshot('internet-graph-closed-entries');
  await graph.neighbour('grafana').click();
  const edge = graph.side.getByTestId('graph-internet-edge-details');
  await expect(edge.getByTestId('internet-entry')).toHaveCount(1);
  await expect(edge).toContainText('NodePort:monitoring/grafana');
  await expect(edge).toContainText('TCP 3000');
  await expect(edge).toContainText('allowed by monitoring/grafana-open ingress rule #1');
  await graph.select('storefront');
  await expect(graph.side.getByTestId('node-internet-entries')).toContainText('Ingress:shop-frontend/storefront TCP 8080');
  await expect(graph.neighbour('checkout')).toBeVisible();
  await graph.select('ingress-nginx-controller');
  await graph.side.getByRole('button', { name: /^storefront.*Ingress TCP 8080/ }).click();
  await expect(graph.side.getByTestId('graph-internet-edge-details')).toContainText('storefront-from-ingress');
  await graph.screenshot('internet-graph');
});
