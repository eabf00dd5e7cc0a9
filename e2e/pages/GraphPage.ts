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
  readonly find: Locator;
  /** The reading of pods that are not running (data-mode `all` or `live-only`) and the link to the other one. */
  readonly inactiveNote: Locator;
  readonly inactiveSwitch: Locator;

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
    this.find = page.getByLabel('Find a node');
    this.inactiveNote = page.getByTestId('inactive-note');
    this.inactiveSwitch = page.getByTestId('inactive-switch');
  }

  /**
   * The drawing as Cytoscape holds it (it keeps its instance on the container): the top-level boxes with their
   * labels (namespaces, folded namespaces, external nodes), in drawing coordinates, the zoom, and where the centre of
   * the canvas is in drawing coordinates.
   */
  async drawing(): Promise<{ boxes: { id: string; x1: number; y1: number; x2: number; y2: number }[]; zoom: number; centre: { x: number; y: number }; positions: Record<string, { x: number; y: number }> }> {
    return this.canvas.evaluate((el) => {
      type Box = { x1: number; y1: number; x2: number; y2: number };
      type Node = { id(): string; boundingBox(o: object): Box; position(): { x: number; y: number }; isChildless(): boolean };
      type Nodes = { orphans(): { map<T>(f: (n: Node) => T): T[] }; filter(f: (n: Node) => boolean): { map<T>(f: (n: Node) => T): T[] } };
      const cy = (el as unknown as { _cyreg: { cy: { nodes(): Nodes; zoom(): number; pan(): { x: number; y: number }; width(): number; height(): number } } })._cyreg.cy;
      const boxes = cy
        .nodes()
        .orphans()
        .map((n) => ({ id: n.id(), ...n.boundingBox({ includeLabels: true, includeOverlays: false }) }));
      const zoom = cy.zoom();
      const pan = cy.pan();
      const positions = Object.fromEntries(
        cy
          .nodes()
          .filter((n) => n.isChildless())
          .map((n) => [n.id(), n.position()]),
      );
      return { boxes, zoom, centre: { x: (cy.width() / 2 - pan.x) / zoom, y: (cy.height() / 2 - pan.y) / zoom }, positions };
    });
  }

  /** Pairs of top-level boxes that overlap (namespaces with their labels, and the nodes beside them). */
  async overlappingBoxes(): Promise<string[]> {
    const { boxes } = await this.drawing();
    const out: string[] = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i], boxes[j]];
        if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) out.push(`${a.id} × ${b.id}`);
      }
    return out;
  }

  /** Clicks a node where it is drawn on the canvas, as a user would. */
  async clickNode(id: string): Promise<void> {
    const at = await this.canvas.evaluate((el, nodeId) => {
      const cy = (el as unknown as { _cyreg: { cy: { getElementById(id: string): { renderedPosition(): { x: number; y: number } } } } })._cyreg.cy;
      return cy.getElementById(nodeId).renderedPosition();
    }, id);
    const box = (await this.canvas.boundingBox())!;
    await this.page.mouse.click(box.x + at.x, box.y + at.y);
  }

  /** Searches for a node by name, as a user types it and presses Enter. */
  async findNode(name: string): Promise<void> {
    await this.find.fill(name);
    await this.find.press('Enter');
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
