import { testIds } from '@c2/ui/test-ids';
import { test, expect } from '../fixtures/test';
import { AppShell } from '../pages/app-shell';
import { MapPage, fourAlone } from '../pages/map-page';
import { VideoWallPage } from '../pages/video-wall-page';

test.describe('shift operator', () => {
  test('sees every camera of the province on the map, and a camera that drops turns red without a reload', async ({
    page,
    loginAs,
    drills,
  }) => {
    await loginAs('operator');
    const shell = new AppShell(page);
    const map = new MapPage(page);
    await map.expectReady();
    await shell.expectLive();

    // The operator sees public and restricted cameras: most of the province's 400, none of the secret ones.
    const count = await map.cameraCount();
    expect(count).toBeGreaterThan(350);
    expect(count).toBeLessThan(400);
    await expect(map.legendItem('online')).toHaveAttribute('data-count', String(count));
    await page.screenshot({ path: 'test-results/operator-map.png' });

    await drills.forceCamera('cam-0007', 'offline');
    await expect.poll(() => map.cameraState('cam-0007'), { timeout: 5_000 }).toBe('offline');
    await expect(map.legendItem('offline')).toHaveAttribute('data-count', '1');

    // Recovery travels the same way.
    await drills.forceCamera('cam-0007', 'online', 1);
    await expect.poll(() => map.cameraState('cam-0007'), { timeout: 5_000 }).toBe('online');
  });

  test('filters the map to the offline cameras and opens one: status, latest events, and its video once it is back', async ({
    page,
    loginAs,
    drills,
  }) => {
    await loginAs('operator');
    const map = new MapPage(page);
    await map.expectReady();
    await drills.forceCamera('cam-0013', 'offline');
    await drills.forceCamera('cam-0014', 'offline');
    await expect(map.legendItem('offline')).toHaveAttribute('data-count', '2');

    // Only the offline ones stay on the map.
    await map.legendItem('offline').click();
    await expect(map.legendItem('offline')).toHaveAttribute('aria-pressed', 'true');
    await expect(map.visibleCountLabel).toHaveAttribute('data-value', '2');
    await expect.poll(() => map.visibleCount()).toBe(2);

    // Search flies to the camera and opens its popover.
    await map.search('cam-0013', 'camera', 'cam-0013');
    await expect(map.popover).toHaveAttribute('data-camera-id', 'cam-0013');
    await expect(map.popoverStatus).toHaveAttribute('data-state', 'offline');
    // An offline camera shows its last snapshot and says it is offline, not a player that can only fail.
    await expect(map.popoverVideo.locator('[data-state="offline"]')).toBeVisible();
    await expect(map.popoverEvents).toBeVisible();
    await map.expectZoom(16);

    // Its status follows the live feed while the popover is open.
    await drills.forceCamera('cam-0013', 'online', 1);
    await drills.forceCamera('cam-0014', 'online', 1);
    await expect(map.popoverStatus).toHaveAttribute('data-state', 'online');
    // Back online, its live sub stream plays in the popover.
    await expect(map.popoverVideo.locator('.c2-live-player')).toHaveAttribute('data-state', 'playing', {
      timeout: 30_000,
    });
    await page.screenshot({ path: 'test-results/map-popover-video.png' });
    await page.keyboard.press('Escape');
    await expect(map.popover).toBeHidden();
  });

  test('box-selects four cameras and sends them to the video wall', async ({ page, loginAs }) => {
    await loginAs('operator');
    const map = new MapPage(page);
    await map.expectReady();
    await map.search('kinh bac', 'ward', 'p-kinh-bac');
    await map.expectZoom(13.5);
    const box = (await map.canvas.boundingBox())!;
    const group = fourAlone(await map.visibleCameraPoints(), {
      left: 260,
      top: 110,
      right: box.width - 60,
      bottom: box.height - 90,
    });
    expect(group, 'four cameras a box can take alone').not.toBeNull();
    await map.tool('box');
    await map.drag(group!.from, group!.to);
    await expect(map.selectionBar).toHaveAttribute('data-count', '4');
    await map.sendSelectionToWall();
    const wall = new VideoWallPage(page);
    await wall.expectReady();
    await expect
      .poll(async () =>
        (await Promise.all([0, 1, 2, 3].map((i) => wall.tile(i).getAttribute('data-camera-id')))).sort(),
      )
      .toEqual(group!.ids.sort());
  });

  test('clicks a point on the map and opens its nearest cameras on the wall', async ({ page, loginAs }) => {
    await loginAs('operator');
    const map = new MapPage(page);
    await map.expectReady();
    // Without the event pulses, a click on the map can only land on a camera, a unit or the ground.
    await page.getByTestId(testIds.map.overlay('events')).click();
    await map.search('kinh bac', 'ward', 'p-kinh-bac');
    await map.expectZoom(13.5);
    const box = (await map.canvas.boundingBox())!;
    // A point away from any camera, in the middle of the visible map.
    const points = await map.visibleCameraPoints();
    const spot = [
      { x: box.width * 0.55, y: box.height * 0.5 },
      { x: box.width * 0.45, y: box.height * 0.6 },
      { x: box.width * 0.65, y: box.height * 0.4 },
    ].find((s) => points.every((p) => Math.hypot(p.x - s.x, p.y - s.y) > 30))!;
    await map.click(spot);
    await expect(map.nearestPanel).toBeVisible();
    await expect(map.nearestItems).toHaveCount(8);
    const ids = await map.nearestItems.evaluateAll((items) =>
      items.map((i) => i.getAttribute('data-camera-id')),
    );
    await page.getByTestId(testIds.map.nearestToWall).click();
    await new VideoWallPage(page).expectCameras(ids as string[]);
  });

  test('works in Vietnamese by default and switches to English', async ({ page, loginAs }) => {
    await loginAs('operator');
    const shell = new AppShell(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
    await expect(shell.userRole).toHaveText('Cán bộ trực ca');
    await shell.switchLanguage('en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(shell.userRole).toHaveText('Shift operator');
  });
});
