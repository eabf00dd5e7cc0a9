import type { Locator, Page } from '@playwright/test';
import { AppPage } from './AppPage';

/** The shell with the live cluster source: live/reconnecting/stale indicator and the context selector. */
export class LiveAppPage extends AppPage {
  readonly liveStatus: Locator;
  readonly contextSelect: Locator;
  readonly unreadableLink: Locator;

  constructor(page: Page) {
    super(page);
    this.liveStatus = page.getByTestId('live-status');
    this.contextSelect = page.getByTestId('context-select');
    this.unreadableLink = this.banner.getByRole('link', { name: /unreadable/ });
  }
}
