import { expect, type Page } from '@playwright/test';
import { testIds } from '@c2/ui/test-ids';

/** The dispatcher board for the wall. */
export class DispatchBoard {
  constructor(private readonly page: Page) {}

  unit(unitId: string) {
    return this.page.locator(`[data-testid="${testIds.dispatch.unitCard}"][data-unit-id="${unitId}"]`);
  }
  column(status: string) {
    return this.page.getByTestId(testIds.dispatch.unitColumn(status));
  }
  incident(incidentId: string) {
    return this.page.locator(
      `[data-testid="${testIds.dispatch.incidentCard}"][data-incident-id="${incidentId}"]`,
    );
  }

  async open(): Promise<void> {
    await this.page.goto('/dispatch');
    await this.expectReady();
  }

  async expectReady(): Promise<void> {
    await expect(this.page.getByTestId(testIds.dispatch.board)).toBeVisible();
  }
}
