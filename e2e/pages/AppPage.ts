import { expect, type Locator, type Page } from '@playwright/test';

/** The shell every page shares: sidebar, source banner, main heading. Section pages extend it. */
export class AppPage {
  readonly nav: Locator;
  readonly banner: Locator;
  readonly sourceTitle: Locator;
  readonly sourceDetail: Locator;
  readonly warningCount: Locator;
  readonly heading: Locator;
  readonly sourceFailure: Locator;
  /** Which reading of hostNetwork pods a connectivity page uses (data-mode), and the link to the other one. */
  readonly hostNetworkNote: Locator;
  readonly hostNetworkSwitch: Locator;

  constructor(readonly page: Page) {
    this.nav = page.getByRole('navigation', { name: 'Sections' });
    this.banner = page.getByTestId('source-banner');
    this.sourceTitle = page.getByTestId('source-title');
    this.sourceDetail = page.getByTestId('source-detail');
    this.warningCount = page.getByTestId('warning-count');
    this.heading = page.getByRole('main').getByRole('heading', { level: 1 });
    this.sourceFailure = page.getByTestId('source-failure');
    this.hostNetworkNote = page.getByTestId('host-network-note');
    this.hostNetworkSwitch = page.getByTestId('host-network-switch');
  }

  async goto(path = '/'): Promise<void> {
    await this.page.goto(path);
  }

  navLink(label: string): Locator {
    return this.nav.getByRole('link', { name: label, exact: true });
  }

  /** Clicks a section in the sidebar and waits until its page is shown and marked current. */
  async openSection(label: string, path: string): Promise<void> {
    await this.navLink(label).click();
    await expect(this.page).toHaveURL(path);
    await expect(this.heading).toHaveText(label);
    await expect(this.navLink(label)).toHaveAttribute('aria-current', 'page');
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `e2e/screenshots/${name}.png`, fullPage: true });
  }
}
