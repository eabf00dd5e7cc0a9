import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { ExplainPage } from './pages/ExplainPage';
import { ExposurePage } from './pages/ExposurePage';

test('the Exposure page lists the entry points with their verdicts, paths hop by hop, blast radius and future-pod exposure', async ({ page }) => {
  const exposure = new ExposurePage(page);
  await exposure.goto('/');
  await exposure.openSection('Exposure', '/exposure');
  // demo/README.md: kube-proxy runs in the host network with no policy, node-exporter too but monitoring denies ingress.
  await expect(exposure.entry('HostNetwork:kube-system/DaemonSet/kube-proxy')).toHaveAttribute('data-verdict', 'open');
  await expect(exposure.entry('HostNetwork:monitoring/DaemonSet/node-exporter')).toHaveAttribute('data-verdict', 'closed');
  await expect(exposure.entry('HostNetwork:monitoring/DaemonSet/node-exporter')).toContainText('on paper only: closed');
  const closed = exposure.path('HostNetwork:monitoring/DaemonSet/node-exporter', 'monitoring/node-exporter[DaemonSet]');
  await expect(closed.getByTestId('hop-deciding')).toContainText('monitoring/default-deny-ingress selects it and no rule admits this');
  await expect(exposure.reachable('kube-system/kube-proxy[DaemonSet]')).toContainText('kube-system/coredns[Deployment]');
  await expect(exposure.future('monitoring/grafana[Deployment]', 'entire-cluster')).toContainText('All Connections');
  await exposure.screenshot('exposure-demo');

  // One click from Explain: the closed hop, asked from an internet address.
  await closed.getByTestId('hop-explain').click();
  const explain = new ExplainPage(page);
  await expect(page).toHaveURL(/\/explain\?from=198\.51\.100\.10&to=monitoring%2Fnode-exporter-/);
  await expect(explain.verdict).toContainText('DENIED');
});

test('every list the Exposure page cuts short is exported whole: entry points, future-pod exposure, one blast radius', async ({ page, request }) => {
  const exposure = new ExposurePage(page);
  await exposure.goto('/exposure');
  const get = async (link: Locator) => (await request.get((await link.getAttribute('href'))!)).json();

  const entries = await get(exposure.exportLink('entries'));
  expect(entries.count).toBe(await exposure.count('Entry points'));
  expect(entries.rows.map((r: { id: string }) => r.id)).toContain('HostNetwork:kube-system/DaemonSet/kube-proxy');
  const future = await get(exposure.exportLink('future'));
  expect(future.count).toBe(await exposure.count('Exposed to future pods'));

  // kube-proxy (host network, no policy) reaches more than the five the page lists; the export has every one.
  const more = exposure.blastMore('kube-system/kube-proxy[DaemonSet]');
  const [, shown, total] = /top (\d+) of (\d+)/.exec(await more.innerText())!.map(Number);
  expect(total).toBeGreaterThan(shown);
  const blast = await get(more.getByRole('link', { name: 'JSON', exact: true }));
  expect(blast.rows).toHaveLength(1);
  expect(blast.rows[0].blast.reached).toHaveLength(total);
  const csv = await (await request.get((await more.getByRole('link', { name: 'CSV', exact: true }).getAttribute('href'))!)).text();
  expect(csv.split('\r\n')[0]).toMatch(/^workload,openPorts,/);
  await exposure.screenshot('exposure-exports');
});
