import { expect, type Page } from '@playwright/test';
import { testIds } from '@c2/ui/test-ids';

export class AuditPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/audit');
    await expect(this.page.getByTestId(testIds.audit.page)).toBeVisible();
  }

  get rows() {
    return this.page.getByTestId(testIds.audit.row);
  }
  get verification() {
    return this.page.getByTestId(testIds.audit.verification);
  }

  async filter(f: { actor?: string; action?: string }): Promise<void> {
    await this.page.getByTestId(testIds.audit.filter('actor')).fill(f.actor ?? '');
    await this.page.getByTestId(testIds.audit.filter('action')).fill(f.action ?? '');
    await this.page.getByTestId(testIds.audit.apply).click();
  }

  row(action: string, actor: string) {
    return this.page.locator(
      `[data-testid="${testIds.audit.row}"][data-action="${action}"][data-actor="${actor}"]`,
    );
  }

  async verify(): Promise<void> {
    await this.page.getByTestId(testIds.audit.verify).click();
    await expect(this.verification).toBeVisible();
  }
}
