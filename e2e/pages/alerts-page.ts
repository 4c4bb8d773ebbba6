import { expect, type Page } from '@playwright/test';
import { testIds } from '@c2/ui/test-ids';

/** The alert queue and the open alert's detail. */
export class AlertsPage {
  constructor(private readonly page: Page) {}

  get root() {
    return this.page.getByTestId(testIds.alerts.page);
  }
  get detail() {
    return this.page.getByTestId(testIds.alerts.detail);
  }
  get detailStatus() {
    return this.page.getByTestId(testIds.alerts.detailStatus);
  }
  /** The newest in-console notification addressed to the user. */
  get notice() {
    return this.page.getByTestId(testIds.alerts.notice);
  }
  get timelineItems() {
    return this.page.getByTestId(testIds.alerts.timelineItem);
  }

  async open(): Promise<void> {
    await this.page.goto('/alerts');
    await expect(this.root).toBeVisible();
  }

  /** Every row of the queue, in its order. */
  get rows() {
    return this.page.getByTestId(testIds.alerts.row);
  }

  /** The queue row of the alert raised at a camera. */
  rowOf(cameraId: string) {
    return this.page.locator(`[data-testid="${testIds.alerts.row}"][data-camera-id="${cameraId}"]`);
  }
  activeRow() {
    return this.page.locator(`[data-testid="${testIds.alerts.row}"][data-active="true"]`);
  }

  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }

  sopStep(id: string) {
    return this.page.getByTestId(testIds.alerts.sopStep(id));
  }
  async answer(stepId: string, value: string): Promise<void> {
    await this.page.getByTestId(testIds.alerts.sopAnswer(stepId, value)).click();
    await expect(this.sopStep(stepId)).toHaveAttribute('data-state', 'done');
  }
  async done(stepId: string, note?: string): Promise<void> {
    if (note) await this.page.getByTestId(testIds.alerts.sopNote(stepId)).fill(note);
    await this.page.getByTestId(testIds.alerts.sopDone(stepId)).click();
    await expect(this.sopStep(stepId)).toHaveAttribute('data-state', 'done');
  }
}
