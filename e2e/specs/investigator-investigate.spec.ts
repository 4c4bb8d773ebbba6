import { test, expect } from '../fixtures/test';
import { testIds } from '@c2/ui/test-ids';
import { AppShell } from '../pages/app-shell';
import { LoginPage } from '../pages/login-page';
import { InvestigatePage } from '../pages/investigate-page';

test.describe('investigator search and case file', () => {
  test('finds a vehicle by plate written any way, follows its path across cameras, builds a case file and looks up the owner with a purpose', async ({
    page,
    loginAs,
    drills,
  }) => {
    const journey = await drills.journey({ plate: '99A-678.90', sightings: 5, violation: 'speeding' });
    await loginAs('investigator');
    const inv = new InvestigatePage(page);
    await inv.open();
    await inv.searchPlate('99a 678 90');

    await expect(inv.results).toHaveCount(journey.eventIds.length);
    await expect(inv.summary).toHaveAttribute('data-count', String(journey.eventIds.length));
    await expect(inv.results.first()).toHaveAttribute('data-signature', 'verified');
    await expect(inv.timelineDots).toHaveCount(journey.eventIds.length);
    await expect(inv.map).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
    expect(await inv.pathCameras()).toEqual(journey.cameraIds);
    await page.screenshot({ path: 'test-results/investigate-search.png' });

    // What the camera recorded around a sighting plays in place.
    await inv.results.first().getByTestId(testIds.investigate.clipLink).click();
    const clip = page.getByTestId(testIds.investigate.clipDialog);
    await expect(clip.locator('.c2-live-player')).toHaveAttribute('data-state', 'playing', {
      timeout: 30_000,
    });
    await page.keyboard.press('Escape');
    await expect(clip).toHaveCount(0);

    // A case file gathers the first sighting and the violation.
    const title = `Xe 99A-678.90 chạy quá tốc độ ${Date.now().toString(36)}`;
    await inv.createCase(title);
    await inv.addToCase(0);
    await inv.addToCase(journey.eventIds.length - 1);
    await expect(page.getByTestId(testIds.investigate.caseItem).filter({ hasText: title })).toContainText(
      '2',
    );

    // The registry answers only with a stated purpose; the investigator sees personal data unmasked.
    await inv.lookupOwner(0, 'violation_processing', 'Xác minh chủ xe vi phạm tốc độ trên cao tốc');
    await expect(inv.identityField('ownerName')).toHaveAttribute('data-masked', 'false');
    await page.getByTestId(testIds.investigate.identityClose).click();

    await inv.openCase(title);
    await expect(page.getByTestId(testIds.investigate.caseEntry)).toHaveCount(2);
    await page.getByTestId(testIds.investigate.caseNoteInput).fill('Đề nghị mời chủ xe lên làm việc');
    await page.getByTestId(testIds.investigate.caseNoteAdd).click();
    await expect(page.getByTestId(testIds.investigate.caseNote)).toHaveCount(1);
    await page.screenshot({ path: 'test-results/case-file.png' });

    // Every registry lookup is visible to auditors (signed in straight to the log: the overview asks for units,
    // which an auditor may not see).
    await new AppShell(page).logout();
    await page.goto('/login?next=/identity-log');
    const login = new LoginPage(page);
    await login.signInAs('auditor');
    await login.expectLoggedIn();
    await expect(page.getByTestId(testIds.investigate.accessLogRow).first()).toHaveAttribute(
      'data-user',
      'investigator',
    );
    await page.screenshot({ path: 'test-results/identity-access-log.png' });
  });
});
