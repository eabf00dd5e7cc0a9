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
