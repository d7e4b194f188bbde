import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The compare view, by its test ids. A column is its header plus its cell in every turn row:
 * everything that carries its `data-slot-position`.
 */
export class ComparePage {
  constructor(readonly page: Page) {}

  async open(conversationId: string) {
    await this.page.goto(`/c/${conversationId}`);
  }

  /** The column headers on show. */
  columns(): Locator {
    return this.page.getByTestId('column');
  }

  column(position: number): Locator {
    return this.page.locator(`[data-slot-position="${position}"]`);
  }

  /** A column's answer cells, one per turn row. */
  cells(position: number): Locator {
    return this.page.locator(`[data-testid="cell"][data-slot-position="${position}"]`);
  }

  content(position: number): Locator {
    return this.cells(position).last().getByTestId('message-content');
  }

  reasoning(position: number): Locator {
    return this.cells(position).last().getByTestId('message-reasoning');
  }

  status(position: number): Locator {
    return this.cells(position).last().getByTestId('column-status');
  }

  /** The turn rows, oldest first. */
  turns(): Locator {
    return this.page.locator('[data-turn-index]');
  }

  async expectStatus(position: number, status: string) {
    await expect(this.status(position)).toHaveText(new RegExp(status, 'i'));
  }

  /** The latest turn's cells: each one's status and whether its answer has begun, in one go. */
  snapshot() {
    return this.page.evaluate(() => {
      const rows = document.querySelectorAll('[data-turn-index]');
      const latest = rows[rows.length - 1];
      return [...(latest?.querySelectorAll('[data-testid="cell"]') ?? [])].map((cell) => ({
        status: cell.querySelector('[data-testid="column-status"]')?.textContent?.trim(),
        answerStarted:
          (cell.querySelector('[data-testid="message-content"]')?.textContent ?? '').length > 0,
      }));
    });
  }

  async stop(position: number) {
    await this.cells(position).last().getByTestId('stop-button').click();
  }
}
