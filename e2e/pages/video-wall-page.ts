import { expect, type Page } from '@playwright/test';
import { testIds } from '@c2/ui/test-ids';

/** The operator's video wall: camera tree, grid of tiles, saved layouts. */
export class VideoWallPage {
  constructor(private readonly page: Page) {}

  get grid() {
    return this.page.getByTestId(testIds.wall.grid);
  }
  tile(index: number) {
    return this.page.getByTestId(testIds.wall.tile(index));
  }
  get activeLayout() {
    return this.page.getByTestId(testIds.wall.activeLayout);
  }

  async expectReady(): Promise<void> {
    await expect(this.page.getByTestId(testIds.wall.page)).toBeVisible();
    await expect(this.grid).toBeVisible();
  }

  /** The cameras on the wall's first tiles, in reading order, once it holds exactly `ids` there. */
  async expectCameras(ids: readonly string[]): Promise<void> {
    await this.expectReady();
    for (const [i, id] of ids.entries()) await expect(this.tile(i)).toHaveAttribute('data-camera-id', id);
  }

  async chooseGrid(grid: string): Promise<void> {
    await this.page.getByTestId(testIds.wall.gridOption(grid)).click();
    await expect(this.grid).toHaveAttribute('data-grid', grid);
  }

  /** Finds a camera in the tree by its code and drags it onto a tile, as an operator does with the mouse. */
  async dragCameraToTile(code: string, cameraId: string, index: number): Promise<void> {
    await this.page.getByTestId(testIds.wall.treeSearch).fill(code);
    const row = this.page.getByTestId(testIds.wall.treeCamera(cameraId));
    await expect(row).toBeVisible();
    await row.dragTo(this.tile(index));
    await expect(this.tile(index)).toHaveAttribute('data-camera-id', cameraId);
  }

  async searchTree(text: string): Promise<void> {
    await this.page.getByTestId(testIds.wall.treeSearch).fill(text);
  }

  treeCamera(cameraId: string) {
    return this.page.getByTestId(testIds.wall.treeCamera(cameraId));
  }

  /** Waits until a tile's video is playing and its play head moves on (the video really advances). */
  async expectPlaying(index: number): Promise<void> {
    const tile = this.tile(index);
    await expect(tile).toHaveAttribute('data-state', 'playing', { timeout: 30_000 });
    const video = tile.locator('video');
    const t0 = await video.evaluate((v: HTMLVideoElement) => v.currentTime);
    await expect
      .poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 15_000 })
      .toBeGreaterThan(t0 + 0.5);
  }

  async saveLayoutAs(name: string): Promise<void> {
    await this.activeLayout.click();
    await this.page.getByTestId(testIds.wall.layoutName).fill(name);
    await this.page.getByTestId(testIds.wall.layoutSaveAs).click();
    await expect(this.activeLayout).toHaveText(name);
    await this.activeLayout.click();
  }

  async openLayout(name: string): Promise<void> {
    await this.activeLayout.click();
    await this.page.getByTestId(testIds.wall.layoutItem(name)).click();
    await expect(this.activeLayout).toHaveText(name);
  }

  /** Makes a tile the alarm tile (where the camera of each new alert opens). */
  async setAlarmTile(index: number): Promise<void> {
    await this.tile(index).hover();
    await this.page.getByTestId(testIds.wall.tileAlarm(index)).click();
    await expect(this.tile(index)).toHaveAttribute('data-kind', 'alarm');
  }
}
