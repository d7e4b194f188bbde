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

  /** Every column's status and whether its answer has begun, read in one go. */
  snapshot() {
    return this.page.evaluate(() =>
      [...document.querySelectorAll('[data-testid="column"]')].map((column) => ({
        status: column.querySelector('[data-testid="column-status"]')?.textContent?.trim(),
        answerStarted:
          (
            [...column.querySelectorAll('[data-testid="message-content"]')].at(-1)?.textContent ??
            ''
          ).length > 0,
      })),
    );
  }

  async stop(position: number) {
    await this.column(position).getByTestId('stop-button').click();
  }
}
