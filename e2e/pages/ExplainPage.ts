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
  /** The source's egress side and the destination's ingress side of the verdict. */
  readonly egress: Locator;
  readonly ingress: Locator;
  /** Problems with the question (unknown endpoint, bad port), listed under the form. */
  readonly problems: Locator;
  /** The proposed change panel, its best proposal, and the folded alternatives. */
  readonly fix: Locator;
  readonly bestFix: Locator;
  readonly otherFixes: Locator;
  /** The folded list of policies that select a side's pod with no rule for the connection. */
  readonly otherPolicies: Locator;

  constructor(page: Page) {
    super(page);
    this.from = page.getByLabel('Source', { exact: true });
    this.to = page.getByLabel('Destination', { exact: true });
    this.port = page.getByLabel('Port', { exact: true });
    this.protocol = page.getByLabel('Protocol', { exact: true });
    this.submit = page.getByRole('button', { name: 'Explain' });
    this.sourceCard = page.getByTestId('explain-source');
    this.destinationCard = page.getByTestId('explain-destination');
    this.verdict = page.getByTestId('explain-verdict');
    this.egress = page.getByTestId('explain-egress');
    this.ingress = page.getByTestId('explain-ingress');
    this.problems = page.getByRole('main').getByRole('alert');
    this.fix = page.getByTestId('explain-fix');
    this.bestFix = this.fix.getByTestId('fix-proposal').first();
    this.otherFixes = page.getByTestId('explain-fix-others');
    this.otherPolicies = page.getByTestId('explain-other-policies');
  }

  /** A policy name in the verdict, as a link to its page. */
  policyLink(name: string): Locator {
    return this.verdict.getByTestId('policy-link').filter({ hasText: name }).first();
  }

  /** The references the endpoint search offers (pods as `ns/name`, workloads as `ns/Kind/name`). */
  async options(): Promise<string[]> {
    return this.page.getByTestId('explain-options').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  }

  /** The `namespace/name` pods the search offers. */
  async podOptions(): Promise<string[]> {
    return (await this.options()).filter((v) => v.split('/').length === 2);
  }

  async ask(from: string, to: string, port: string): Promise<void> {
    await this.from.fill(from);
    await this.to.fill(to);
    await this.port.fill(port);
    await this.submit.click();
  }
}
