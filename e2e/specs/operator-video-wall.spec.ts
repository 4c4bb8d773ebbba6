import type { Camera } from '@c2/api-client/schemas/camera';
import { testIds } from '@c2/ui/test-ids';
import { test, expect } from '../fixtures/test';
import { AppShell } from '../pages/app-shell';
import { VideoWallPage } from '../pages/video-wall-page';
import { LoginPage } from '../pages/login-page';
import { accountOf } from '../fixtures/accounts';

test.describe('shift operator at the video wall', () => {
  test('builds a 2×2 wall by drag and drop, saves it, reloads, and all four tiles play; an offline camera shows its last snapshot; a new alert opens in the alarm tile', async ({
    page,
    drills,
  }) => {
    // Five walls' worth of players start and stop here: more than the default minute on a busy 2-core machine.
    test.setTimeout(120_000);
    // Sign in straight to the wall (the operator's home is the map, whose WebGL would only slow this journey).
    const login = new LoginPage(page);
    await page.goto('/login?next=/overview');
    await login.submit(accountOf('operator').username, accountOf('operator').password);
    await login.expectLoggedIn();
    // Cameras the operator may see, straight from the API the console uses (same session).
    const cameras = (await (await page.request.get('/api/cameras')).json()) as Camera[];
    const online = cameras.filter((c) => c.status.state === 'online');
    const [a, b, c, d, down] = online;
    expect(down).toBeDefined();

    const shell = new AppShell(page);
    await shell.nav('wall').click();
    const wall = new VideoWallPage(page);
    await wall.expectReady();
    await wall.chooseGrid('2x2');

    for (const [i, cam] of [a!, b!, c!, d!].entries()) await wall.dragCameraToTile(cam.code, cam.id, i);
    for (let i = 0; i < 4; i++) await wall.expectPlaying(i);
    // Small tiles play the sub stream.
    await expect(wall.tile(0)).toHaveAttribute('data-variant', 'sub');
    await page.screenshot({ path: 'test-results/video-wall-2x2.png' });
    // Enlarged (double-click), a tile switches to the main stream; Esc brings the wall back.
    await wall.tile(0).dblclick();
    await expect(wall.tile(0)).toHaveAttribute('data-variant', 'main');
    await wall.expectPlaying(0);
    await page.keyboard.press('Escape');
    await expect(wall.tile(1)).toBeVisible();

    // A name of this run's own: layout names are unique per operator, and the server outlives one run of a journey.
    const layout = `Ca đêm – nút giao ${Date.now().toString(36)}`;
    await wall.saveLayoutAs(layout);
    // Change the wall (keyboard shortcut 1: a single tile), then reload: the saved layout comes back from the server.
    await page.keyboard.press('1');
    await expect(wall.grid).toHaveAttribute('data-grid', '1');
    await page.reload();
    await wall.expectReady();
    await expect(wall.grid).toHaveAttribute('data-grid', '1');
    await wall.openLayout(layout);
    await expect(wall.grid).toHaveAttribute('data-grid', '2x2');
    for (const [i, cam] of [a!, b!, c!, d!].entries()) {
      await expect(wall.tile(i)).toHaveAttribute('data-camera-id', cam.id);
      await wall.expectPlaying(i);
    }

    // A camera that lost its signal: the tree says so, and on a tile it shows its last snapshot, not a dead player.
    await drills.forceCamera(down!.id, 'offline');
    await wall.searchTree(down!.code);
    await expect(wall.treeCamera(down!.id)).toHaveAttribute('data-state', 'offline');
    await wall.dragCameraToTile(down!.code, down!.id, 3);
    await expect(wall.tile(3)).toHaveAttribute('data-state', 'offline');
    await expect(wall.tile(3)).toContainText('Mất kết nối');
    await expect(wall.tile(3).locator('img')).toHaveJSProperty('complete', true);
    await expect(wall.tile(3).locator('video')).toHaveCount(0);
    await page.screenshot({ path: 'test-results/video-wall-offline.png' });

    // The alarm tile: the camera of a new alert opens there by itself, marked with the alert's priority.
    const alarmCamera = online[6]!;
    await wall.setAlarmTile(2);
    await drills.event({ cameraId: alarmCamera.id, type: 'wrong_way', severity: 'critical' });
    // The busy province may put an alert of its own there first: the operator dismisses it, ours comes next.
    await expect
      .poll(
        async () => {
          const shown = await wall.tile(2).getAttribute('data-camera-id');
          // Dismissed only while that other camera is still the one showing: ours may take the tile meanwhile.
          if (shown && shown !== alarmCamera.id)
            await wall
              .tile(2)
              .and(page.locator(`[data-camera-id="${shown}"]`))
              .getByTestId(testIds.wall.alarmDismiss)
              .click({ timeout: 2000 })
              .catch(() => undefined);
          return shown;
        },
        { timeout: 45_000 },
      )
      .toBe(alarmCamera.id);
    await expect(wall.tile(2)).toHaveClass(/c2-wall-tile--p1/);
    await wall.expectPlaying(2);
    await page.screenshot({ path: 'test-results/video-wall-alarm.png' });
  });
});
