import { test, expect } from '../fixtures/test';
import { AppShell } from '../pages/app-shell';
import { MapPage } from '../pages/map-page';

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
    await page.screenshot({ path: 'test-results/operator-map-offline.png' });

    // Recovery travels the same way.
    await drills.forceCamera('cam-0007', 'online', 1);
    await expect.poll(() => map.cameraState('cam-0007'), { timeout: 5_000 }).toBe('online');
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
