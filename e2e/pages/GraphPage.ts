import { expect, type Locator, type Page } from '@playwright/test';
import { AppPage } from './AppPage';

/** The Graph page: filters, the Cytoscape drawing, the side panel and the keyboard node list. */
export class GraphPage extends AppPage {
  readonly graph: Locator;
  readonly canvas: Locator;
  readonly status: Locator;
  readonly side: Locator;
  readonly port: Locator;
  readonly protocol: Locator;
  readonly labels: Locator;
  readonly level: Locator;
  readonly rows: Locator;

  constructor(page: Page) {
    super(page);
    this.graph = page.getByTestId('graph');
    this.canvas = page.getByTestId('graph-canvas');
    this.status = page.getByTestId('graph-status');
    this.side = page.getByTestId('graph-side-panel');
    this.port = page.getByTestId('graph-filters').getByLabel('Port');
    this.protocol = page.getByTestId('graph-filters').getByLabel('Protocol');
    this.labels = page.getByLabel('Label selector');
    this.level = page.getByLabel('Nodes', { exact: true });
    this.rows = page.getByRole('table', { name: 'Nodes in this view' }).locator('tbody tr');
  }

  /** Opens the page and waits until the first layout has run. */
  async open(query = ''): Promise<void> {
    await this.goto(`/graph${query}`);
    await this.layoutDone(0);
  }

  async layoutSeq(): Promise<number> {
    return Number(await this.graph.getAttribute('data-layout-seq'));
  }

  /** Waits until a layout (or patch) newer than `after` has finished. */
  async layoutDone(after: number): Promise<void> {
    await expect.poll(() => this.layoutSeq(), { timeout: 20_000 }).toBeGreaterThan(after);
  }

  /** The node list's row of a node, by its name as drawn. */
  row(name: string): Locator {
    return this.rows.filter({ has: this.page.getByRole('cell', { name, exact: true }) });
  }

  async select(name: string, opts: { add?: boolean } = {}): Promise<void> {
    await this.row(name).getByRole('button', { name: `Select ${name}` }).click({ modifiers: opts.add ? ['Shift'] : [] });
  }

  async focus(name: string): Promise<void> {
    await this.row(name).getByRole('button', { name: `Blast radius of ${name}` }).click();
  }

  /** Applies a port filter as a user would (type, Enter). */
  async filterPort(port: string): Promise<void> {
    const seq = await this.layoutSeq();
    await this.port.fill(port);
    await this.port.press('Enter');
    await this.layoutDone(seq);
  }

  /** A connection listed in the side panel ("Reached by" / "Reaches"), as a button that opens it. */
  neighbour(name: string): Locator {
    return this.side.getByRole('button', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`) });
  }

  /** Names of the nodes listed in the table. */
  async names(): Promise<string[]> {
    return this.rows.locator('td:first-child').allInnerTexts();
  }
}
