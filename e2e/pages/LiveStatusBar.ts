import type { Locator, Page } from '@playwright/test';
import { AppPage } from './AppPage';

/** The shell with the live cluster source: live/reconnecting/stale indicator and the context selector. */
export class LiveAppPage extends AppPage {
  readonly liveStatus: Locator;
  readonly contextSelect: Locator;
  readonly unreadableLink: Locator;
  /** A page's "Incomplete: …" note naming the unreadable kinds it depends on. */
  readonly unreadableNotice: Locator;

  constructor(page: Page) {
    super(page);
    this.liveStatus = page.getByTestId('live-status');
    this.contextSelect = page.getByTestId('context-select');
    this.unreadableLink = this.banner.getByRole('link', { name: /unreadable/ });
    this.unreadableNotice = page.getByTestId('unreadable-notice');
  }
}
