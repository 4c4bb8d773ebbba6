import { expect, type Page } from '@playwright/test';
import { testIds } from '@c2/ui/test-ids';

interface PathProbe {
  ready: boolean;
  points(): Array<{ cameraId: string; order: number }>;
}
declare global {
  interface Window {
    __c2path?: PathProbe;
  }
}

/** The investigator's search (list, map path, timeline), case files and the registry lookup. */
export class InvestigatePage {
  constructor(private readonly page: Page) {}

  get results() {
    return this.page.getByTestId(testIds.investigate.result);
  }
  get summary() {
    return this.page.getByTestId(testIds.investigate.summary);
  }
  get map() {
    return this.page.getByTestId(testIds.investigate.map);
  }
  get timelineDots() {
    return this.page.getByTestId(testIds.investigate.timelineDot);
  }
  get identityDialog() {
    return this.page.getByTestId(testIds.investigate.identityDialog);
  }

  async open(): Promise<void> {
    await this.page.goto('/investigate');
    await expect(this.page.getByTestId(testIds.investigate.page)).toBeVisible();
  }

  async searchPlate(plate: string, options: { fuzzy?: boolean } = {}): Promise<void> {
    await this.page.getByTestId(testIds.investigate.plate).fill(plate);
    if (options.fuzzy) await this.page.getByTestId(testIds.investigate.fuzzy).check();
    await this.page.getByTestId(testIds.investigate.submit).click();
    await expect(this.summary).toBeVisible();
  }

  /** Camera ids of the path as the map drew it, in order. */
  pathCameras(): Promise<string[]> {
    return this.page.evaluate(() => (window.__c2path?.points() ?? []).map((p) => p.cameraId));
  }

  async createCase(title: string): Promise<void> {
    await this.page.getByTestId(testIds.investigate.newCaseTitle).fill(title);
    await this.page.getByTestId(testIds.investigate.createCase).click();
    await expect(this.page.getByTestId(testIds.investigate.caseSelect)).not.toHaveValue('');
  }

  async addToCase(row: number): Promise<void> {
    await this.results.nth(row).getByTestId(testIds.investigate.addToCase).click();
  }

  async openCase(title: string): Promise<void> {
    await this.page
      .getByTestId(testIds.investigate.caseItem)
      .filter({ hasText: title })
      .getByRole('link')
      .click();
    await expect(this.page.getByTestId(testIds.investigate.caseFile)).toBeVisible();
  }

  async lookupOwner(row: number, purpose: string, detail: string): Promise<void> {
    await this.results.nth(row).getByTestId(testIds.investigate.lookup).click();
    await expect(this.identityDialog).toBeVisible();
    const submit = this.page.getByTestId(testIds.investigate.identitySubmit);
    await expect(submit).toBeDisabled();
    await this.page.getByTestId(testIds.investigate.identityPurpose).selectOption(purpose);
    await this.page.getByTestId(testIds.investigate.identityDetail).fill(detail);
    await submit.click();
    await expect(this.page.getByTestId(testIds.investigate.identityResult)).toBeVisible();
  }

  identityField(field: string) {
    return this.page.getByTestId(testIds.investigate.identityField(field));
  }
}
