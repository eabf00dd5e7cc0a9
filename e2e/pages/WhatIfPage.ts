import type { Locator, Page } from '@playwright/test';
import { AppPage } from './AppPage';

// The on-call story of demo/README.md: payments admits checkout on TCP 8080 only. The proposed fix adds 8443.
export const FIX_8443 = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: payments-api-from-checkout, namespace: payments}
spec:
  podSelector: {matchLabels: {app: payments-api}}
  ingress:
    - from:
        - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: shop-backend}}
          podSelector: {matchLabels: {app: checkout}}
      ports: [{port: 8080}, {port: 8443}]
`;

/** The What-if page: proposed manifests and deletions in, changed connections and access out. */
export class WhatIfPage extends AppPage {
  readonly yaml: Locator;
  readonly deletions: Locator;
  readonly example: Locator;
  readonly run: Locator;
  readonly summary: Locator;
  readonly exposure: Locator;
  readonly connections: Locator;
  readonly access: Locator;
  readonly graph: Locator;
  readonly warnings: Locator;
  readonly reportLinks: Locator;
  readonly bannerReport: Locator;
  readonly files: Locator;
  readonly findings: Locator;
  readonly fileNames: Locator;
  /** The note when Explain's "Try in What-if" pre-filled the form. */
  readonly prefill: Locator;

  constructor(page: Page) {
    super(page);
    this.yaml = page.getByLabel('New or changed NetworkPolicies and RBAC objects (YAML)');
    this.deletions = page.getByLabel('Objects to delete, one per line');
    this.example = page.getByRole('button', { name: 'Use an example' });
    this.run = page.getByTestId('whatif-run');
    this.summary = page.getByTestId('whatif-summary');
    this.exposure = page.getByTestId('whatif-exposure');
    this.connections = page.getByTestId('whatif-connection');
    this.access = page.getByTestId('whatif-access');
    this.graph = page.getByTestId('whatif-graph');
    this.warnings = page.getByTestId('whatif-warnings');
    this.reportLinks = page.getByTestId('report-links');
    this.bannerReport = page.getByTestId('export-report');
    this.files = page.getByTestId('whatif-files');
    this.findings = page.getByTestId('whatif-finding');
    this.fileNames = page.getByTestId('whatif-file-names');
    this.prefill = page.getByTestId('whatif-prefill');
  }

  /** The row of a changed connection `src => dst` (connlist names). */
  connection(src: string, dst: string): Locator {
    return this.connections.filter({ hasText: src }).filter({ hasText: dst });
  }

  /** Chooses manifest files through the "Add files…" input. */
  async addFiles(files: { name: string; text: string }[]): Promise<void> {
    await this.files.setInputFiles(files.map((f) => ({ name: f.name, mimeType: 'application/yaml', buffer: Buffer.from(f.text) })));
  }

  async propose(yaml: string, deletions = ''): Promise<void> {
    await this.yaml.fill(yaml);
    await this.deletions.fill(deletions);
    await this.run.click();
  }
}
