import type { Locator, Page } from '@playwright/test';
import { AppPage } from './AppPage';

export class ExplainPage extends AppPage {
  readonly from: Locator;
  readonly to: Locator;
  readonly port: Locator;
  readonly protocol: Locator;
  readonly submit: Locator;
  readonly sourceCard: Locator;
  readonly destinationCard: Locator;
  readonly verdict: Locator;
  /** Problems with the question (unknown pod, bad port), listed under the form. */
  readonly problems: Locator;

  constructor(page: Page) {
    super(page);
    this.from = page.getByLabel('Source pod');
    this.to = page.getByLabel('Destination pod');
    this.port = page.getByLabel('Port');
    this.protocol = page.getByLabel('Protocol');
    this.submit = page.getByRole('button', { name: 'Explain' });
    this.sourceCard = page.getByTestId('explain-source');
    this.destinationCard = page.getByTestId('explain-destination');
    this.verdict = page.getByTestId('explain-verdict');
    this.problems = page.getByRole('main').getByRole('alert');
  }

  /** The `namespace/name` values the source picker offers. */
  async podOptions(): Promise<string[]> {
    return (await this.from.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).filter((v) => v !== '');
  }

  async ask(from: string, to: string, port: string): Promise<void> {
    await this.from.selectOption(from);
    await this.to.selectOption(to);
    await this.port.fill(port);
    await this.submit.click();
  }
}
