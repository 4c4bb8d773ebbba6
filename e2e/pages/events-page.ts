import { expect, type Page } from '@playwright/test';
import { testIds } from '@c2/ui/test-ids';

/** The live event feed. */
export class EventsPage {
  constructor(private readonly page: Page) {}

  async open(query = ''): Promise<void> {
    await this.page.goto(`/events${query}`);
    await expect(this.page.getByTestId(testIds.events.page)).toBeVisible();
  }

  /** A camera every logged-in role may see (public), asked of the API as the page's user. */
  async publicCameraId(): Promise<string> {
    const res = await this.page.request.get('/api/cameras');
    const cameras = (await res.json()) as Array<{ id: string; classification: string }>;
    const camera = cameras.find((c) => c.classification === 'public');
    if (!camera) throw new Error('no public camera');
    return camera.id;
  }

  row(eventId: string) {
    return this.page.locator(`[data-testid="${testIds.events.row}"][data-event-id="${eventId}"]`);
  }
  get rows() {
    return this.page.getByTestId(testIds.events.row);
  }
  severityChip(severity: string) {
    return this.page.getByTestId(testIds.events.severity(severity));
  }
  get pauseButton() {
    return this.page.getByTestId(testIds.events.pause);
  }
  get resumeButton() {
    return this.page.getByTestId(testIds.events.resume);
  }
  get arrived() {
    return this.page.getByTestId(testIds.events.arrived);
  }
  get status() {
    return this.page.getByTestId(testIds.events.status);
  }
  async chooseArea(areaId: string): Promise<void> {
    await this.page.getByTestId(testIds.events.area).selectOption(areaId);
  }
}
