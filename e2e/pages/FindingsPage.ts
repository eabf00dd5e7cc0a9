import type { Locator, Page } from '@playwright/test';
import { AppPage } from './AppPage';

/** The Findings page: filters, the list, exports. */
export class FindingsPage extends AppPage {
  readonly findings: Locator;
  readonly form: Locator;
  readonly exports: Locator;
  /** The header line naming the perimeter.config.yaml the findings assume (PERIMETER_CONFIG). */
  readonly config: Locator;
  /** The banner's config line, on every page. */
  readonly bannerConfig: Locator;
  /** The allow-listed findings, listed after the open ones. */
  readonly suppressed: Locator;
  readonly suppressedChip: Locator;
  readonly configWarnings: Locator;

  constructor(page: Page) {
    super(page);
    this.findings = page.getByTestId('finding');
    this.form = page.getByTestId('findings-form');
    this.exports = page.getByTestId('findings-export');
    this.config = page.getByTestId('findings-config');
    this.bannerConfig = page.getByTestId('config-in-effect');
    this.suppressed = page.getByTestId('suppressed-findings').getByTestId('finding');
    this.suppressedChip = page.getByTestId('suppressed-chip');
    this.configWarnings = page.locator('#config-warnings');
  }

  finding(id: string): Locator {
    return this.page.locator(`[data-testid="finding"][data-id="${id}"]`);
  }

  /** The "cluster-wide" mark of a finding listed under a namespace filter because it applies there too. */
  clusterWide(id: string): Locator {
    return this.finding(id).getByTestId('cluster-wide');
  }

  /** Where the finding's object was read, `file:line` as `perimeter check` prints it. */
  location(id: string): Locator {
    return this.finding(id).getByTestId('finding-location');
  }

  byRule(ruleId: string): Locator {
    return this.page.locator(`[data-testid="finding"][data-rule="${ruleId}"]`);
  }

  async filter(choices: { severity?: string; rule?: string; namespace?: string; text?: string; suppressed?: 'show' | 'hide' | 'only' }): Promise<void> {
    if (choices.suppressed !== undefined) await this.form.getByLabel('Suppressed').selectOption(choices.suppressed);
    if (choices.severity !== undefined) await this.form.getByLabel('Severity').selectOption(choices.severity);
    if (choices.rule !== undefined) await this.form.getByLabel('Rule').selectOption(choices.rule);
    if (choices.namespace !== undefined) await this.form.getByLabel('Namespace').selectOption(choices.namespace);
    if (choices.text !== undefined) await this.form.getByLabel('Text').fill(choices.text);
    await this.form.getByRole('button', { name: 'Filter' }).click();
  }

  exportLink(label: 'JSON' | 'CSV' | 'Markdown'): Locator {
    return this.exports.getByRole('link', { name: label, exact: true });
  }
}
