import type { Locator, Page } from '@playwright/test';
import { AppPage } from './AppPage';

/** The Policies list. */
export class PoliciesPage extends AppPage {
  readonly rows: Locator;
  readonly namespaceFilter: Locator;
  readonly filterButton: Locator;
  /** The admin tiers in evaluation order: ANP cards, the NetworkPolicy tier marker, the BANP card. */
  readonly adminTiers: Locator;

  constructor(page: Page) {
    super(page);
    this.adminTiers = page.getByTestId('admin-policies').locator(':scope > li');
    this.rows = page.getByTestId('policy-row');
    this.namespaceFilter = page.getByLabel('Namespace');
    this.filterButton = page.getByRole('button', { name: 'Filter' });
  }

  /** The expand button of the policy `namespace/name`. */
  toggle(key: string): Locator {
    return this.page.getByRole('button', { name: new RegExp(`^(Show|Hide) ${key.replace('/', '\\/')}$`) });
  }

  /** The expanded YAML of a policy. */
  details(): Locator {
    return this.page.locator('pre');
  }

  /** The row of `namespace/name`. */
  row(key: string): Locator {
    const [, name] = key.split('/');
    return this.rows.filter({ has: this.toggle(key) }).filter({ hasText: name });
  }

  /** The card of an admin policy, by `AdminNetworkPolicy/name` or `BaselineAdminNetworkPolicy/default`. */
  adminPolicy(key: string): Locator {
    return this.page.locator(`[data-testid="admin-policy"][data-key="${key}"]`);
  }

  /** Opens the editors of an admin policy and returns its direct editor row for `subject`. */
  async adminDirectEditor(key: string, subject: string): Promise<Locator> {
    const card = this.adminPolicy(key);
    await card.getByTestId('admin-editors').locator('summary').click();
    return card.locator(`[data-testid="direct-editor"][data-subject="${subject}"]`);
  }

  async filterNamespace(ns: string): Promise<void> {
    await this.namespaceFilter.selectOption(ns);
    await this.filterButton.click();
  }

  /** Opens a policy's own page from its name in the list. */
  async open(key: string): Promise<PolicyPage> {
    await this.row(key).getByRole('link', { name: key.split('/')[1], exact: true }).click();
    return new PolicyPage(this.page);
  }
}

/** One policy's page: plain English, YAML, selected pods, editors. */
export class PolicyPage extends AppPage {
  readonly english: Locator;
  readonly yaml: Locator;
  readonly selectedPods: Locator;
  readonly warnings: Locator;
  readonly directEditors: Locator;
  readonly indirectEditors: Locator;
  /** The "Who can change it: N direct editors, M indirect editors" panel. */
  readonly editors: Locator;

  constructor(page: Page) {
    super(page);
    this.editors = page.locator('#editors');
    this.english = page.getByTestId('policy-english');
    this.yaml = page.locator('pre');
    this.selectedPods = page.getByTestId('selected-pods');
    this.warnings = page.getByTestId('policy-warnings');
    this.directEditors = page.getByTestId('direct-editor');
    this.indirectEditors = page.getByTestId('indirect-editor');
  }

  directEditor(subject: string): Locator {
    return this.page.locator(`[data-testid="direct-editor"][data-subject="${subject}"]`);
  }

  indirectEditor(subject: string): Locator {
    return this.page.locator(`[data-testid="indirect-editor"][data-subject="${subject}"]`);
  }
}
