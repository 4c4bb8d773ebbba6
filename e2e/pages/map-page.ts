import { expect, type Page } from '@playwright/test';
import { testIds } from '@c2/ui/test-ids';

/** What the map exposes for tests (window.__c2map): it reads the map's own source data, not a copy. */
interface MapProbe {
  ready: boolean;
  cameraState(id: string): string | undefined;
  cameraCount(): number;
}

declare global {
  interface Window {
    __c2map?: MapProbe;
  }
}

export class MapPage {
  constructor(private readonly page: Page) {}

  get canvas() {
    return this.page.getByTestId(testIds.map.canvas);
  }

  legendItem(state: string) {
    return this.page.getByTestId(testIds.map.legendItem(state));
  }

  async open(): Promise<void> {
    await this.page.goto('/map');
    await this.expectReady();
  }

  async expectReady(): Promise<void> {
    await expect(this.page.getByTestId(testIds.map.page)).toBeVisible();
    await expect(this.canvas).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  }

  cameraCount(): Promise<number> {
    return this.page.evaluate(() => window.__c2map?.cameraCount() ?? 0);
  }

  cameraState(id: string): Promise<string | undefined> {
    return this.page.evaluate((cameraId) => window.__c2map?.cameraState(cameraId), id);
  }
}
