import type { Locator, Page } from '@playwright/test';
import { AppPage } from './AppPage';

export class OverviewPage extends AppPage {
  readonly counts: Locator;
  readonly namespaceRows: Locator;
  /** The findings listed under Top findings, and the link counting the allow-listed ones left out. */
  readonly topFindings: Locator;
  readonly topFindingsSuppressed: Locator;
  /** The "Reachable from the internet" panel and its items. */
  readonly internet: Locator;
  readonly internetItems: Locator;

  constructor(page: Page) {
    super(page);
    this.counts = page.getByTestId('overview-counts');
    this.namespaceRows = page.getByTestId('namespace-row');
    this.topFindings = page.getByTestId('top-findings').getByTestId('finding');
    this.topFindingsSuppressed = page.getByTestId('top-findings-suppressed');
    this.internet = page.getByTestId('internet-reachable');
    this.internetItems = this.internet.getByTestId('internet-item');
  }

  /** The headline number under a tile label, e.g. `NetworkPolicies`. */
  async count(label: string): Promise<number> {
    const tile = this.counts.locator('div', { has: this.page.getByText(label, { exact: true }) }).first();
    const value = await tile.locator('div').nth(1).innerText();
    return Number(value.replace(/,/g, ''));
  }

  /** The admin policies listed for a namespace (ANP/BANP badges, one per policy and direction). */
  adminTiers(namespace: string): Locator {
    return this.page.locator(`[data-testid="namespace-row"][data-namespace="${namespace}"]`).getByTestId('admin-tiers').locator('li');
  }

  internetItem(workload: string): Locator {
    return this.page.locator(`[data-testid="internet-item"][data-workload="${workload}"]`);
  }

  namespaceRow(name: string): Locator {
    return this.namespaceRows.filter({ has: this.page.getByRole('cell', { name, exact: false }).first() }).first();
  }
}
