import { expect, type Page } from '@playwright/test';
import { testIds } from '@c2/ui/test-ids';

/** What the map exposes for tests (window.__c2map): it reads the scene's own models, not a copy. */
interface MapProbe {
  ready: boolean;
  cameraState(id: string): string | undefined;
  cameraCount(): number;
  visibleCount(): number;
  cameraPoint(id: string): { x: number; y: number } | undefined;
  visibleCameraPoints(): { id: string; x: number; y: number }[];
  zoom(): number;
}

declare global {
  interface Window {
    __c2map?: MapProbe;
  }
}

export interface ScreenPoint {
  id: string;
  x: number;
  y: number;
}

export class MapPage {
  constructor(private readonly page: Page) {}

  get canvas() {
    return this.page.getByTestId(testIds.map.canvas);
  }
  get popover() {
    return this.page.getByTestId(testIds.map.cameraPanel);
  }
  get popoverStatus() {
    return this.page.getByTestId(testIds.map.cameraPanelStatus);
  }
  get popoverVideo() {
    return this.page.getByTestId(testIds.map.cameraPanelVideo);
  }
  get popoverEvents() {
    return this.page.getByTestId(testIds.map.cameraPanelEvents);
  }
  get visibleCountLabel() {
    return this.page.getByTestId(testIds.map.visibleCount);
  }
  get selectionBar() {
    return this.page.getByTestId(testIds.map.selectionBar);
  }
  get nearestPanel() {
    return this.page.getByTestId(testIds.map.nearestPanel);
  }
  get nearestItems() {
    return this.page.getByTestId(testIds.map.nearestItem);
  }
  get tooltip() {
    return this.page.getByTestId(testIds.map.tooltip);
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

  /** Types in the map search and picks the hit of that kind and id; the map flies there. */
  async search(text: string, kind: 'camera' | 'road' | 'ward', id: string): Promise<void> {
    await this.page.getByTestId(testIds.map.search).fill(text);
    await this.page
      .locator(`[data-testid="${testIds.map.searchHit}"][data-kind="${kind}"][data-id="${id}"]`)
      .click();
  }

  /** Waits until the map has settled at about this zoom (a fly-to has ended). */
  async expectZoom(zoom: number): Promise<void> {
    await expect.poll(() => this.zoom(), { timeout: 10_000 }).toBeCloseTo(zoom, 1);
  }

  async tool(tool: 'pan' | 'box' | 'lasso'): Promise<void> {
    await this.page.getByTestId(testIds.map.tool(tool)).click();
  }

  async sendSelectionToWall(): Promise<void> {
    await this.page.getByTestId(testIds.map.sendToWall).click();
  }

  /** Drags on the map (a box with the box tool) between two points given in map coordinates. */
  async drag(from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
    const box = (await this.canvas.boundingBox())!;
    await this.page.mouse.move(box.x + from.x, box.y + from.y);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + (from.x + to.x) / 2, box.y + (from.y + to.y) / 2, { steps: 4 });
    await this.page.mouse.move(box.x + to.x, box.y + to.y, { steps: 4 });
    await this.page.mouse.up();
  }

  async click(at: { x: number; y: number }): Promise<void> {
    const box = (await this.canvas.boundingBox())!;
    await this.page.mouse.click(box.x + at.x, box.y + at.y);
  }

  cameraCount(): Promise<number> {
    return this.page.evaluate(() => window.__c2map?.cameraCount() ?? 0);
  }

  visibleCount(): Promise<number> {
    return this.page.evaluate(() => window.__c2map?.visibleCount() ?? 0);
  }

  cameraState(id: string): Promise<string | undefined> {
    return this.page.evaluate((cameraId) => window.__c2map?.cameraState(cameraId), id);
  }

  visibleCameraPoints(): Promise<ScreenPoint[]> {
    return this.page.evaluate(() => window.__c2map?.visibleCameraPoints() ?? []);
  }

  zoom(): Promise<number> {
    return this.page.evaluate(() => window.__c2map?.zoom() ?? 0);
  }
}

/**
 * Four cameras that a box can take alone: drawn inside `area`, with no other camera inside their bounding box
 * grown by `pad` pixels. Pure geometry on screen points, independent of how the console selects.
 */
export function fourAlone(
  points: ScreenPoint[],
  area: { left: number; top: number; right: number; bottom: number },
  pad = 10,
): { ids: string[]; from: { x: number; y: number }; to: { x: number; y: number } } | null {
  const inArea = points.filter(
    (p) => p.x > area.left + pad && p.x < area.right - pad && p.y > area.top + pad && p.y < area.bottom - pad,
  );
  for (const p of inArea) {
    const group = [...inArea]
      .sort((a, b) => Math.hypot(a.x - p.x, a.y - p.y) - Math.hypot(b.x - p.x, b.y - p.y))
      .slice(0, 4);
    if (group.length < 4) return null;
    const x0 = Math.min(...group.map((g) => g.x)) - pad;
    const x1 = Math.max(...group.map((g) => g.x)) + pad;
    const y0 = Math.min(...group.map((g) => g.y)) - pad;
    const y1 = Math.max(...group.map((g) => g.y)) + pad;
    const ids = new Set(group.map((g) => g.id));
    const intruder = points.some((q) => !ids.has(q.id) && q.x >= x0 && q.x <= x1 && q.y >= y0 && q.y <= y1);
    if (!intruder && x1 - x0 > 24 && y1 - y0 > 24)
      return { ids: [...ids], from: { x: x0, y: y0 }, to: { x: x1, y: y1 } };
  }
  return null;
}
