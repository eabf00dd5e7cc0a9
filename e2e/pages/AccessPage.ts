import { expect, type Locator, type Page } from '@playwright/test';
import { AppPage } from './AppPage';

/** The Access page: the permissions matrix, its controls and the cell panel. */
export class AccessPage extends AppPage {
  readonly matrix: Locator;
  readonly rows: Locator;
  readonly question: Locator;
  readonly count: Locator;
  readonly cellPanel: Locator;
  readonly cellTitle: Locator;
  readonly cellPaths: Locator;
  /** The evidence export (one line per grant) and the matrix as shown. */
  readonly csv: Locator;
  readonly csvGrid: Locator;
  readonly form: Locator;

  constructor(page: Page) {
    super(page);
    this.matrix = page.getByTestId('matrix');
    this.rows = page.getByTestId('matrix-row');
    this.question = page.getByTestId('matrix-question');
    this.count = page.getByTestId('matrix-count');
    this.cellPanel = page.getByTestId('cell-panel');
    this.cellTitle = page.getByTestId('cell-title');
    this.cellPaths = page.getByTestId('cell-paths');
    this.csv = page.getByTestId('matrix-csv');
    this.csvGrid = page.getByTestId('matrix-csv-grid');
    this.form = page.getByTestId('matrix-form');
  }

  row(subject: string): Locator {
    return this.page.locator(`[data-testid="matrix-row"][data-subject="${subject}"]`);
  }

  cell(subject: string, column: string): Locator {
    return this.row(subject).locator(`[role="gridcell"][data-col="${column}"]`);
  }

  /** The editors shape's column header counts, `direct · indirect`. */
  columnEditors(column: string): Locator {
    return this.page.getByRole('columnheader', { name: new RegExp(`^${column}\\b`) }).getByTestId('column-editors');
  }

  /** Changes the question through the form (every choice lands in the URL). */
  async ask(choices: { verb?: string; namespace?: string; resource?: string; kind?: string; name?: string; editors?: 'direct and indirect (one step away)' | 'direct only' }): Promise<void> {
    const form = this.form;
    if (choices.editors !== undefined) await form.getByLabel('Editors').selectOption({ label: choices.editors });
    if (choices.verb !== undefined) await form.getByLabel('Verb').selectOption(choices.verb);
    if (choices.namespace !== undefined) await form.getByLabel('Namespace').selectOption(choices.namespace);
    if (choices.resource !== undefined) await form.getByLabel('Resource').selectOption(choices.resource);
    if (choices.kind !== undefined) await form.getByLabel('Subject kind').selectOption(choices.kind);
    if (choices.name !== undefined) await form.getByLabel('Subject name contains').fill(choices.name);
    await form.getByRole('button', { name: 'Show' }).click();
    await expect(this.matrix).toBeVisible();
  }

  /**
   * Dispatches what LiveStatus dispatches when the server announces a new snapshot version (SNAPSHOT_EVENT in
   * components/shell/LiveStatus.tsx; its module imports next/navigation, so the name is repeated here).
   */
  async announceSnapshot(version: number): Promise<void> {
    await this.page.evaluate((v) => window.dispatchEvent(new CustomEvent('perimeter:snapshot', { detail: { version: v, context: '' } })), version);
  }

  async shape(label: 'One verb × every namespace' | 'Every verb × one namespace' | 'Editors × every namespace'): Promise<void> {
    const link = this.page.getByRole('navigation', { name: 'Matrix shape' }).getByRole('link', { name: label });
    await link.click();
    await expect(link).toHaveAttribute('aria-current', 'page');
  }
}

/** A subject's page: identity, findings and every binding that applies. */
export class SubjectPage extends AppPage {
  readonly grants: Locator;
  readonly findings: Locator;

  constructor(page: Page) {
    super(page);
    this.grants = page.getByTestId('subject-grant');
    this.findings = page.getByTestId('finding');
  }
}
