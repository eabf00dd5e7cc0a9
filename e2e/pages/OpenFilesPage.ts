import type { Locator, Page } from '@playwright/test';
import { AppPage } from './AppPage';

/** The Open files page: upload manifests for this browser. */
export class OpenFilesPage extends AppPage {
  readonly fileInput: Locator;
  readonly result: Locator;
  readonly leaveUpload: Locator;
  readonly error: Locator;

  constructor(page: Page) {
    super(page);
    this.fileInput = page.getByTestId('file-input');
    this.result = page.getByTestId('upload-result');
    this.leaveUpload = page.getByTestId('leave-upload');
    this.error = page.getByTestId('upload-error');
  }

  /** Uploads in-memory files as if chosen in the file dialog. */
  async upload(files: { name: string; text: string }[]): Promise<void> {
    await this.fileInput.setInputFiles(files.map((f) => ({ name: f.name, mimeType: 'application/yaml', buffer: Buffer.from(f.text) })));
  }
}
