import { expect, type Page } from '@playwright/test';
import { testIds } from '@c2/ui/test-ids';

/** The dispatcher's incident desk: events awaiting action, the incident list and one incident. */
export class IncidentsPage {
  constructor(private readonly page: Page) {}

  get detail() {
    return this.page.getByTestId(testIds.incidents.detail);
  }
  get state() {
    return this.page.getByTestId(testIds.incidents.state);
  }
  get arrivedAt() {
    return this.page.getByTestId(testIds.incidents.arrivedAt);
  }
  get suggestions() {
    return this.page.getByTestId(testIds.incidents.suggestion);
  }
  get openOnWall() {
    return this.page.getByTestId(testIds.incidents.openOnWall);
  }
  get timelineItems() {
    return this.page.getByTestId(testIds.incidents.timelineItem);
  }

  measure(name: 'acknowledge' | 'dispatch' | 'arrive' | 'resolve') {
    return this.page.getByTestId(testIds.incidents.measure(name));
  }

  assignment(unitId: string) {
    return this.page.locator(`[data-testid="${testIds.incidents.assignment}"][data-unit-id="${unitId}"]`);
  }

  async open(): Promise<void> {
    await this.page.goto('/incidents');
    await expect(this.page.getByTestId(testIds.incidents.page)).toBeVisible();
  }

  /** The unit proposed first (the fastest to arrive). */
  async firstSuggestion(): Promise<{ unitId: string; callSign: string; eta: number }> {
    const first = this.suggestions.first();
    await expect(first).toBeVisible();
    return {
      unitId: (await first.getAttribute('data-unit-id')) ?? '',
      callSign: (await first.getAttribute('data-call-sign')) ?? '',
      eta: Number(await first.getAttribute('data-eta')),
    };
  }

  async assign(unitId: string): Promise<void> {
    await this.page
      .locator(`[data-testid="${testIds.incidents.suggestion}"][data-unit-id="${unitId}"]`)
      .getByTestId(testIds.incidents.suggestionAssign)
      .click();
  }
}
