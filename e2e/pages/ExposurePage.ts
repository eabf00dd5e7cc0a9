import type { Locator, Page } from '@playwright/test';
import { AppPage } from './AppPage';

/** The Exposure page: entry points, their paths hop by hop, the internet-reachable workloads, exposure to future pods. */
export class ExposurePage extends AppPage {
  readonly counts: Locator;
  readonly entryRows: Locator;
  readonly verdictFilter: Locator;
  readonly paths: Locator;
  readonly reachableRows: Locator;
  readonly futureRows: Locator;
  readonly standInNote: Locator;

  constructor(page: Page) {
    super(page);
    this.counts = page.getByTestId('exposure-counts');
    this.entryRows = page.getByTestId('entry-row');
    this.verdictFilter = page.getByTestId('verdict-filter');
    this.paths = page.getByTestId('entry-path');
    this.reachableRows = page.getByTestId('reachable-row');
    this.futureRows = page.getByTestId('future-row');
    this.standInNote = page.getByTestId('stand-in-note');
  }

  /** The row of an entry point by its id (`LoadBalancer:payments/payments-api`). */
  entry(id: string): Locator {
    return this.page.locator(`[data-testid="entry-row"][data-entry="${id}"]`);
  }

  /** An entry point's paths, hop by hop. */
  pathsOf(id: string): Locator {
    return this.page.locator(`[data-testid="entry-path"][data-entry="${id}"]`);
  }

  /** One path row of an entry (the pods of a workload that take the same hops). */
  path(id: string, workload: string): Locator {
    return this.pathsOf(id).locator(`[data-testid="path-row"][data-workload="${workload}"]`).first();
  }

  reachable(workload: string): Locator {
    return this.page.locator(`[data-testid="reachable-row"][data-workload="${workload}"]`);
  }

  /** A row of the future-pod exposure list: what `workload` receives from (Ingress) or sends to (Egress) `peer`. */
  future(workload: string, peer: string, direction: 'Ingress' | 'Egress' = 'Ingress'): Locator {
    return this.page.locator(`[data-testid="future-row"][data-workload="${workload}"][data-peer="${peer}"][data-direction="${direction}"]`);
  }

  /** A download of every row of a list (`entries-export`, `paths-export`, `reachable-export`, `future-export`), or of one blast radius. */
  exportLink(list: 'entries' | 'paths' | 'reachable' | 'future', format: 'JSON' | 'CSV' = 'JSON'): Locator {
    return this.page.getByTestId(`${list}-export`).getByRole('link', { name: format, exact: true });
  }

  /** The "top 5 of N" line under a reachable workload's blast radius, with its export links. */
  blastMore(workload: string): Locator {
    return this.reachable(workload).getByTestId('blast-more');
  }

  /** The headline number under a tile label. */
  async count(label: string): Promise<number> {
    const tile = this.counts.locator('div', { has: this.page.getByText(label, { exact: true }) }).first();
    return Number((await tile.locator('div').nth(1).innerText()).replace(/,/g, ''));
  }
}
