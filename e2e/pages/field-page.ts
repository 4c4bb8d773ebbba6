import { expect, type Page } from '@playwright/test';
import { testIds } from '@c2/ui/test-ids';

/** The field view on a crew's phone. */
export class FieldPage {
  constructor(private readonly page: Page) {}

  get unitStatus() {
    return this.page.getByTestId(testIds.field.unitStatus);
  }
  get incident() {
    return this.page.getByTestId(testIds.field.incident);
  }
  get location() {
    return this.page.getByTestId(testIds.field.location);
  }

  async expectReady(): Promise<void> {
    await expect(this.page.getByTestId(testIds.field.page)).toBeVisible();
  }

  async accept(): Promise<void> {
    await this.page.getByTestId(testIds.field.accept).click();
  }
  async setOff(): Promise<void> {
    await this.page.getByTestId(testIds.field.enRoute).click();
    await expect(this.unitStatus).toHaveAttribute('data-status', 'en_route');
  }
  async arrive(): Promise<void> {
    await this.page.getByTestId(testIds.field.onScene).click();
    await expect(this.unitStatus).toHaveAttribute('data-status', 'on_scene');
  }
  /** Sends a photo as the phone's camera would hand it over. */
  async photo(png: Buffer): Promise<void> {
    await this.page.getByTestId(testIds.field.photoInput).setInputFiles({
      name: 'IMG_0001.png',
      mimeType: 'image/png',
      buffer: png,
    });
    const shown = this.page.locator(`[data-testid="${testIds.field.note}"][data-kind="attachment"] img`);
    await expect(shown).toBeVisible();
    // The image really loaded (served back from the BFF), not just an <img> with a broken source.
    await expect.poll(() => shown.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  }

  async note(text: string): Promise<void> {
    await this.page.getByTestId(testIds.field.noteInput).fill(text);
    await this.page.getByTestId(testIds.field.noteSubmit).click();
    await expect(this.page.getByTestId(testIds.field.note).filter({ hasText: text })).toBeVisible();
  }
}
