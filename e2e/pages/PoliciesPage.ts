import type { Locator, Page } from '@playwright/test';
import { AppPage } from './AppPage';

export class PoliciesPage extends AppPage {
  readonly rows: Locator;

  constructor(page: Page) {
    super(page);
    this.rows = page.getByTestId('policy-row');
  }

  /** The expand button of the policy `namespace/name`. */
  toggle(key: string): Locator {
    return this.page.getByRole('button', { name: new RegExp(`^(Show|Hide) ${key.replace('/', '\\/')}$`) });
  }

  /** The expanded JSON of a policy. */
  details(): Locator {
    return this.page.locator('pre');
  }
}
