import type { Locator, Page } from '@playwright/test';
import { AppPage } from './AppPage';

/** /history: the timeline, its filters and one version's detail. */
export class HistoryPage extends AppPage {
  readonly rows: Locator;
  readonly detail: Locator;
  readonly effectFilter: Locator;
  readonly status: Locator;
  readonly bannerState: Locator;

  constructor(page: Page) {
    super(page);
    this.rows = page.getByTestId('history-row');
    this.detail = page.getByTestId('history-detail');
    this.effectFilter = page.getByTestId('history-effect-filter');
    this.status = page.getByTestId('history-status');
    this.bannerState = page.getByTestId('history-state');
  }

  row(version: number): Locator {
    return this.page.locator(`[data-testid="history-row"][data-version="${version}"]`);
  }

  /** The newest row whose "who" cell names `user`. */
  rowBy(user: string): Locator {
    return this.rows.filter({ has: this.page.getByTestId('history-row-who').filter({ hasText: user }) }).first();
  }

  async open(row: Locator): Promise<void> {
    await row.getByRole('link').first().click();
    await this.detail.waitFor();
  }

  async filterByEffect(label: string): Promise<void> {
    await this.effectFilter.selectOption({ label });
    await this.page.getByRole('button', { name: 'Filter' }).click();
    await this.page.waitForURL(/effect=/);
  }
}
