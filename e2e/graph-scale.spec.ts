import { clusterManifests } from '../lib/synthetic/clusterManifests';
import { generateCluster } from '../lib/synthetic/generateCluster';
import { expect, test } from './fixtures';
import { GraphPage } from './pages/GraphPage';

// A generated cluster big enough for the namespace level (542 workloads in 152 namespaces): the size where the
// layout once collapsed, every namespace with the same neighbours stacked on the same spot.
test('a large cluster opens at namespace level with its namespaces spread out, not stacked', async ({ page }) => {
  test.setTimeout(120_000);
  const snapshot = generateCluster({ pods: 2_000, namespaces: 150 });
  const text = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: Object.values(clusterManifests(snapshot)).flat() });
  const graph = new GraphPage(page);
  await graph.goto('/open');
  const res = await page.request.post('/api/upload', { multipart: { files: { name: 'generated.json', mimeType: 'application/json', buffer: Buffer.from(text) } } });
  expect(res.status()).toBe(200);
  await graph.open('');
  await expect(graph.status).toContainText('542 workloads folded into namespaces');

  // Cytoscape keeps its instance on the container; read the drawn boxes from it.
  const layout = await page.getByTestId('graph-canvas').evaluate((el) => {
    type Box = { x1: number; y1: number; x2: number; y2: number };
    const cy = (el as unknown as { _cyreg: { cy: { nodes(): { map<T>(f: (n: { boundingBox(): Box }) => T): T[] } } } })._cyreg.cy;
    const boxes = cy.nodes().map((n) => n.boundingBox());
    let overlapping = 0;
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) overlapping++;
      }
    const centres = new Set(boxes.map((b) => `${Math.round((b.x1 + b.x2) / 2)},${Math.round((b.y1 + b.y2) / 2)}`));
    return { nodes: boxes.length, distinct: centres.size, overlapping, pairs: (boxes.length * (boxes.length - 1)) / 2 };
  });
  expect(layout.nodes).toBeGreaterThan(150);
  // Every node has its own place, and no two boxes overlap, labels included (the collapsed layout: 78% of the pairs).
  expect(layout.distinct).toBe(layout.nodes);
  expect(await graph.overlappingBoxes()).toEqual([]);
  await graph.screenshot('graph-large-namespaces');

  // A click on a folded namespace drills in: its workloads and the namespaces they talk to, counted per edge.
  const target = 'ns:tenant-0012';
  const seq = await graph.layoutSeq();
  await graph.clickNode(target);
  await graph.layoutDone(seq);
  await expect(page).toHaveURL(/ns=tenant-0012/);
  const drilled = graph.rows.filter({ has: page.getByRole('cell', { name: 'workload', exact: true }) }).filter({ hasText: 'tenant-0012' });
  await expect.poll(() => drilled.count()).toBeGreaterThan(0);
  expect(await graph.overlappingBoxes()).toEqual([]);
  await graph.screenshot('graph-large-drill-in');
  await page.goBack();
  await expect(graph.status).toContainText('542 workloads folded into namespaces');
  await page.getByTestId('leave-upload').click();
});
