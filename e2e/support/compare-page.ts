import { expect, type Locator, type Page } from '@playwright/test';

/** The compare view, by its test ids. */
export class ComparePage {
  constructor(readonly page: Page) {}

  async open(conversationId: string) {
    await this.page.goto(`/c/${conversationId}`);
  }

  columns(): Locator {
    return this.page.getByTestId('column');
  }

  column(position: number): Locator {
    return this.page.locator(`[data-testid="column"][data-slot-position="${position}"]`);
  }

  content(position: number): Locator {
    return this.column(position).getByTestId('message-content').last();
  }

  reasoning(position: number): Locator {
    return this.column(position).getByTestId('message-reasoning').last();
  }

  status(position: number): Locator {
    return this.column(position).getByTestId('column-status');
  }

  async expectStatus(position: number, status: string) {
    await expect(this.status(position)).toHaveText(new RegExp(status, 'i'));
  }

  async stop(position: number) {
    await this.column(position).getByTestId('stop-button').click();
  }
}
