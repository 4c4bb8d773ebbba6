import type { Page } from '@playwright/test';
import { test, expect } from '../fixtures/test';
import { AppShell } from '../pages/app-shell';
import { DevicesPage } from '../pages/devices-page';
import { LoginPage } from '../pages/login-page';

/** Signs in straight to the devices page (an operator's home is the map, which this journey does not need). */
async function loginToDevices(page: Page, role: 'admin' | 'operator'): Promise<void> {
  const login = new LoginPage(page);
  await page.goto('/login?next=/devices');
  await login.signInAs(role);
  await login.expectLoggedIn();
}

/** A public, fixed camera of the simulated province (the admin sees public and restricted ones). */
const CAMERA = 'cam-0011';

test.describe('system administrator: device health', () => {
  test('a camera goes black: the image check raises it within the sampling interval as a fault and an alert, and its page shows the fault, the reconnects and a fresh snapshot', async ({
    page,
    drills,
  }) => {
    await loginToDevices(page, 'admin');
    const shell = new AppShell(page);
    const devices = new DevicesPage(page);
    await devices.expectReady();
    await shell.expectLive();

    // Every camera, edge box and server is in the table, though only the rows in view are in the DOM.
    const total = Number(await devices.shown.getAttribute('data-shown'));
    expect(total).toBeGreaterThan(400);
    expect(await devices.rows.count()).toBeLessThan(80);
    await page.screenshot({ path: 'test-results/devices-table.png' });

    await drills.forceImage(CAMERA, 'black');
    await devices.search.fill(CAMERA);
    await expect(devices.row(CAMERA)).toBeVisible();
    // Within the sampling interval (60 s): the collapsed bitrate (readings every 5 s here) brings the check
    // forward, a 2 s confirmation follows, and the fault arrives live, no reload.
    await expect(devices.row(CAMERA)).toHaveAttribute('data-faults', /image_black/, { timeout: 30_000 });
    // The fault is an alert too, in the queue the shift works (the equipment rule: P3, maintenance SOP).
    await expect
      .poll(async () => {
        const res = await page.request.get('/api/alerts?scope=active');
        const list = (await res.json()) as Array<{ cameraId: string | null; type: string; priority: string }>;
        return list.find((a) => a.cameraId === CAMERA && a.type === 'image_black')?.priority ?? null;
      })
      .toBe('P3');

    await devices.row(CAMERA).click();
    await expect(page).toHaveURL(new RegExp(`/devices/${CAMERA}$`));
    await expect(devices.openFaults.locator('[data-kind="image_black"]')).toBeVisible();
    await expect(devices.faults.first()).toHaveAttribute('data-kind', 'image_black');
    await expect(devices.faults.first()).toHaveAttribute('data-open', 'true');
    await expect(devices.quality).toHaveAttribute('data-verdict', 'image_black');
    // Self-healing: reconnects by the system, each judged by the next check (a drill is not cured by one).
    await expect(devices.healing.first()).toHaveAttribute('data-actor', 'system');
    await expect(devices.healing.and(page.locator('[data-outcome="failed"]')).first()).toBeVisible({
      timeout: 15_000,
    });

    // Remote diagnosis: a fresh snapshot shows the black picture, the probe says the stream itself is up.
    await devices.snapshot.click();
    await expect(devices.snapshotImage).toBeVisible();
    await expect
      .poll(() => devices.snapshotImage.evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBe(480);
    await devices.probe.click();
    await expect(devices.probeResult).toHaveAttribute('data-ok', 'true');
    await devices.snapshotImage.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/devices-detail-black.png' });

    await drills.forceImage(CAMERA, 'none');
  });
});

test.describe('shift operator: device health', () => {
  test('sorts and filters the devices, opens an edge box, reads the SLA report; diagnosis stays with administrators', async ({
    page,
  }) => {
    await loginToDevices(page, 'operator');
    const devices = new DevicesPage(page);
    await devices.expectReady();

    await devices.kindFilter('edge_box').click();
    await expect(devices.rows.first()).toHaveAttribute('data-device-id', /^edge-/);
    await devices.sort('tempC').click();
    await devices.sort('tempC').click();
    const first = await devices.rows.first().getAttribute('data-device-id');
    await devices.rows.first().click();
    await expect(page).toHaveURL(new RegExp(`/devices/${first}$`));
    await expect(devices.detailState).toBeVisible();
    await expect(devices.probe).toHaveCount(0);
    await expect(devices.history).toBeVisible();

    await devices.tab('sla').click();
    await expect(devices.slaRows.first()).toBeVisible();
    await expect(devices.slaExport).toHaveAttribute('href', /\/api\/devices\/sla\.csv\?from=/);
    await page.screenshot({ path: 'test-results/devices-sla.png' });
  });
});
