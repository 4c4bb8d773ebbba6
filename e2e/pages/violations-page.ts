import { expect, type Page } from '@playwright/test';
import { testIds } from '@c2/ui/test-ids';

/** The review queue and a violation's evidence and decision. */
export class ViolationsPage {
  constructor(private readonly page: Page) {}

  get detail() {
    return this.page.getByTestId(testIds.violations.detail);
  }
  get detailStatus() {
    return this.page.getByTestId(testIds.violations.detailStatus);
  }
  get signature() {
    return this.page.getByTestId(testIds.violations.signature);
  }
  get history() {
    return this.page.getByTestId(testIds.violations.historyItem);
  }
  get makerChecker() {
    return this.page.getByTestId(testIds.violations.makerChecker);
  }
  tab(status: string) {
    return this.page.getByTestId(testIds.violations.statusTab(status));
  }
  item(id: string) {
    return this.page.locator(`[data-testid="${testIds.violations.item}"][data-id="${id}"]`);
  }
  image(kind: string) {
    return this.page.getByTestId(testIds.violations.evidenceImage(kind));
  }

  async open(status = 'pending'): Promise<void> {
    await this.page.goto(`/violations?status=${status}`);
    await expect(this.page.getByTestId(testIds.violations.page)).toBeVisible();
  }

  /** Opens a violation from the queue and waits for its evidence to be on screen. */
  async select(id: string): Promise<void> {
    await this.item(id).click();
    await expect(this.detail).toHaveAttribute('data-id', id);
    await expect(this.image('overview')).toBeVisible();
    await expect
      .poll(() =>
        this.image('overview').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth),
      )
      .toBeGreaterThan(0);
  }

  async verify(plate?: string): Promise<void> {
    if (plate) await this.page.getByTestId(testIds.violations.plateInput).fill(plate);
    await this.page.getByTestId(testIds.violations.verify).click();
  }

  async reject(reason: string, note: string): Promise<void> {
    await this.page.getByTestId(testIds.violations.reject).click();
    await this.page.getByTestId(testIds.violations.reasonSelect).selectOption(reason);
    await this.page.getByTestId(testIds.violations.note).fill(note);
    await this.page.getByTestId(testIds.violations.confirmReject).click();
  }

  async approve(): Promise<void> {
    await this.page.getByTestId(testIds.violations.approve).click();
  }

  /** Downloads the evidence package and returns where it was saved. */
  async exportPackage(to: string): Promise<string> {
    const download = this.page.waitForEvent('download');
    await this.page.getByTestId(testIds.violations.export).click();
    await (await download).saveAs(to);
    return to;
  }
}
