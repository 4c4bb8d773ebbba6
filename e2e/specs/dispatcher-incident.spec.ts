import { testIds } from '@c2/ui/test-ids';
import { test, expect } from '../fixtures/test';
import { accountOf } from '../fixtures/accounts';
import { collectErrors } from '../fixtures/error-collector';
import { AlertsPage } from '../pages/alerts-page';
import { AppShell } from '../pages/app-shell';
import { DispatchBoard } from '../pages/dispatch-board';
import { FieldPage } from '../pages/field-page';
import { IncidentsPage } from '../pages/incidents-page';
import { LoginPage } from '../pages/login-page';

// A real 32×24 PNG (ffmpeg's test pattern), as a phone camera would hand one over, only smaller.
const SCENE_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAACAAAAAYCAIAAAAUMWhjAAAACXBIWXMAAAABAAAAAQBPJcTWAAAAxUlEQVR4nO3V4REBMRCG4bcDOqADOqADOqADOqADOqADOqADOqADOvhcyOQ2ZtydY/ww2dv7k73sk0wyc2BCJrM3ex5pKwqj4qkS0gavANOnEnBfU2Ug7lMVCEYJ4D+qBfjFFQD5NusCigliQV8B7DZ+CMQ9PwWCkYAEJOAvADfURWO0RHt05SQ2YiYGouXKTdRHU7RGR9f4IFZiInqioTYaojnaorMrX8ROLMRIdBJQDtjIT6nuIfsLUvDLtFPeBfIbaOIGKiZN61TsiFoAAAAASUVORK5CYII=',
  'base64',
);

test.describe('dispatcher and field unit', () => {
  test('an accident alert becomes an incident, the nearest unit is sent, and its crew is followed live to the scene', async ({
    page,
    browser,
    baseURL,
    drills,
  }) => {
    // An edge box reports an accident at a camera the dispatcher may see, 40 s ago.
    const [cameraId] = await drills.cameras('public');
    await drills.event({
      cameraId: cameraId!,
      type: 'accident',
      severity: 'critical',
      secondsAgo: 40,
    });

    // The accident rule raises a P1 alert; the dispatcher signs in straight to the queue and opens it as an incident.
    const signIn = new LoginPage(page);
    await signIn.open('/alerts');
    await signIn.submit(accountOf('dispatcher').username, accountOf('dispatcher').password);
    const shell = new AppShell(page);
    await shell.expectLive();
    const alerts = new AlertsPage(page);
    const row = alerts.rowOf(cameraId!);
    await expect(row).toHaveAttribute('data-priority', 'P1');
    await row.click();
    await alerts.press('Enter');
    await expect(alerts.detail).toBeVisible();
    await page.getByTestId(testIds.alerts.openIncident).click();
    await expect(page).toHaveURL(/\/incidents\/[^/]+$/);
    const desk = new IncidentsPage(page);
    await expect(desk.detail).toBeVisible();
    await expect(desk.state).toHaveAttribute('data-state', 'acknowledged');
    // Measured from the report (the event, 40 s ago), not from the click.
    expect(Number(await desk.measure('acknowledge').getAttribute('data-seconds'))).toBeGreaterThanOrEqual(40);
    await expect(desk.openOnWall).toHaveAttribute('href', new RegExp(`^/wall\\?cameras=${cameraId}(,|$)`));

    const unit = await desk.firstSuggestion();
    expect(unit.eta).toBeGreaterThan(0);
    await desk.assign(unit.unitId);
    await expect(desk.state).toHaveAttribute('data-state', 'dispatched');
    await expect(desk.assignment(unit.unitId)).toHaveAttribute('data-status', 'assigned');
    await page.screenshot({ path: 'test-results/incident-dispatched.png', fullPage: true });

    // The unit's crew, on a 360-px phone, signs in with its call sign.
    const phone = await browser.newContext({
      baseURL,
      viewport: { width: 360, height: 780 },
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      isMobile: true,
      hasTouch: true,
    });
    const crewPage = await phone.newPage();
    const crewErrors = collectErrors(crewPage, new URL(baseURL!).origin);
    const login = new LoginPage(crewPage);
    await login.open();
    await login.submit(unit.callSign.toLowerCase(), accountOf('dispatcher').password);
    await login.expectLoggedIn();
    const field = new FieldPage(crewPage);
    await field.expectReady();
    await expect(crewPage).toHaveURL(/\/field$/);
    await expect(field.incident).toBeVisible();
    await expect(field.location).toContainText(/\d+\.\d{5}, \d+\.\d{5}/);

    await field.accept();
    await field.setOff();
    await expect(desk.assignment(unit.unitId)).toHaveAttribute('data-status', 'en_route');
    await field.note('Đang đến, đường thông thoáng');
    await field.arrive();
    await field.photo(SCENE_PNG);
    await crewPage.screenshot({ path: 'test-results/field-on-scene-360.png', fullPage: true });

    // The dispatcher saw each step without reloading; the incident records the arrival.
    await expect(desk.assignment(unit.unitId)).toHaveAttribute('data-status', 'on_scene');
    await expect(desk.state).toHaveAttribute('data-state', 'on_scene');
    await expect(desk.arrivedAt).toHaveText(/\d{1,2}:\d{2}:\d{2}/);
    expect(Number(await desk.measure('arrive').getAttribute('data-seconds'))).toBeGreaterThanOrEqual(40);
    await expect(desk.timelineItems.filter({ hasText: 'Đang đến, đường thông thoáng' })).toBeVisible();
    await expect(
      desk.timelineItems.and(page.locator('[data-kind="attachment"]')).locator('img'),
    ).toBeVisible();
    await page.screenshot({ path: 'test-results/incident-on-scene.png', fullPage: true });

    // The board for the wall shows the unit on scene and the incident in the P1 column.
    const board = new DispatchBoard(page);
    await shell.nav('dispatch').click();
    await board.expectReady();
    await expect(board.column('on_scene').locator(`[data-unit-id="${unit.unitId}"]`)).toBeVisible();
    await expect(board.unit(unit.unitId)).toHaveAttribute('data-overdue', 'false');
    await page.screenshot({ path: 'test-results/dispatch-board.png' });

    expect(crewErrors.problems, 'unexpected errors on the phone').toEqual([]);
    await phone.close();
  });
});
