import { test, expect } from '../fixtures/test';
import { SEED_PASSWORD, WARD_OPERATOR } from '../fixtures/accounts';
import { totpAt } from '../../apps/bff/src/components/auth/domain/totp';
import { testIds } from '@c2/ui/test-ids';
import { LoginPage } from '../pages/login-page';
import { AppShell } from '../pages/app-shell';
import { AdminPage } from '../pages/admin-page';
import { MfaEnrolmentPage } from '../pages/mfa-enrolment';
import { AuditPage } from '../pages/audit-page';

// One story, in order: an administrator creates a colleague's account, the colleague enrols MFA and signs in with
// a TOTP code; a ward operator tries another ward's camera by its URL; the auditor finds both in the trail and
// the chain verifies.
test.describe.configure({ mode: 'serial' });

const NEW_ADMIN = {
  // One per run, so the story can be repeated on the same server (--repeat-each).
  username: `quantri.${Date.now().toString(36)}`,
  // Hostile markup in a name must come out as text everywhere it is shown.
  displayName: '<img src=x onerror=alert(1)> Ngô Thị Lan',
  role: 'admin',
  password: 'Mat-khau-dai-2026',
};
let foreignCameraId = '';

test.describe('security: MFA, jurisdiction and the audit trail', () => {
  test.beforeEach(({ page }) => {
    // A script run from a name would open a dialog: none may.
    page.on('dialog', (d) => {
      throw new Error(`a dialog opened: ${d.message()}`);
    });
  });

  test('an administrator creates an admin account; its owner enrols TOTP with the QR code and signs in with a code', async ({
    page,
    loginAs,
    errors,
  }) => {
    // The wrong code below is refused on purpose (401).
    errors.expect(/401|Unauthorized/);
    await loginAs('admin');
    const admin = new AdminPage(page);
    await admin.open();
    await admin.createUser(NEW_ADMIN);
    const row = admin.userRow(NEW_ADMIN.username);
    await expect(row).toContainText(NEW_ADMIN.displayName);
    await expect(row.locator('img')).toHaveCount(0);
    await expect(row).toContainText('Bắt buộc – chưa đăng ký');
    await page.screenshot({ path: 'test-results/security-admin-users.png', fullPage: true });
    await new AppShell(page).logout();

    // First sign-in: the password alone opens nothing; enrolment is forced.
    const login = new LoginPage(page);
    await login.open();
    await login.submit(NEW_ADMIN.username, NEW_ADMIN.password);
    const enrol = new MfaEnrolmentPage(page);
    await expect(enrol.qr).toBeVisible();
    const secret = await enrol.secret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await page.screenshot({ path: 'test-results/security-mfa-enrolment.png' });
    await enrol.confirm(totpAt(secret, Date.now() / 1000));
    await expect(enrol.recoveryCodes).toHaveCount(10);
    await page.screenshot({ path: 'test-results/security-recovery-codes.png' });
    await enrol.savedRecoveryCodes();
    await login.expectLoggedIn();
    const shell = new AppShell(page);
    await expect(shell.userName).toHaveText(NEW_ADMIN.displayName);
    await shell.logout();

    // From now on: password, then a code from the authenticator.
    await login.open();
    await login.submit(NEW_ADMIN.username, NEW_ADMIN.password);
    await login.submitCode('000000');
    await expect(login.error).toHaveText('Mã không đúng hoặc đã được sử dụng.');
    await login.code.fill(totpAt(secret, Date.now() / 1000));
    await page.getByTestId(testIds.login.codeSubmit).click();
    await login.expectLoggedIn();
  });

  test("a ward operator sees only their ward's cameras and cannot open another ward's camera by typing its URL", async ({
    page,
    playwright,
    baseURL,
    errors,
  }) => {
    // Another ward's public camera, as the province-wide operator sees it.
    const province = await playwright.request.newContext({ baseURL });
    await province.post('/api/auth/login', { data: { username: 'operator', password: SEED_PASSWORD } });
    const all = (await (await province.get('/api/cameras')).json()) as {
      id: string;
      name: string;
      areaId: string;
    }[];
    await province.dispose();
    const foreign = all.find((c) => c.areaId !== WARD_OPERATOR.areaId)!;
    foreignCameraId = foreign.id;

    const login = new LoginPage(page);
    await login.open();
    await login.submit(WARD_OPERATOR.username, WARD_OPERATOR.password);
    await login.expectLoggedIn();
    const own = (await (await page.request.get('/api/cameras')).json()) as { areaId: string }[];
    expect(own.length).toBeGreaterThan(0);
    expect(new Set(own.map((c) => c.areaId))).toEqual(new Set([WARD_OPERATOR.areaId]));
    await expect(page.getByTestId(testIds.map.legendItem('online'))).toHaveAttribute(
      'data-count',
      String(own.length),
    );

    errors.expect(/404|Not Found/);
    const typed = await page.goto(`/api/cameras/${foreign.id}`);
    expect(typed?.status()).toBe(404);
    const body = await page.locator('body').innerText();
    expect(body).toContain('not found');
    expect(body).not.toContain(foreign.name);
    await page.screenshot({ path: 'test-results/security-ward-idor.png' });
  });

  test('the auditor sees the enrolment, the MFA sign-in and the refused camera in the trail, and the chain verifies', async ({
    page,
    loginAs,
  }) => {
    await loginAs('auditor');
    const audit = new AuditPage(page);
    await audit.open();
    await audit.filter({ actor: NEW_ADMIN.username, action: 'auth.' });
    await expect(audit.row('auth.mfa_enrolled', NEW_ADMIN.username)).toHaveCount(1);
    await expect(audit.row('auth.login', NEW_ADMIN.username).first()).toContainText('"factor":"totp"');
    await expect(audit.row('auth.login_failed', NEW_ADMIN.username).first()).toContainText('invalid_code');

    await audit.filter({ actor: WARD_OPERATOR.username, action: 'access.refused' });
    await expect(
      audit.row('access.refused', WARD_OPERATOR.username).filter({
        hasText: `GET /api/cameras/${foreignCameraId}`,
      }),
    ).not.toHaveCount(0);

    await audit.verify();
    await expect(audit.verification).toHaveAttribute('data-ok', 'true');
    await expect(audit.verification).toContainText('Chuỗi nhật ký toàn vẹn');
    await audit.filter({});
    await page.screenshot({ path: 'test-results/security-audit.png', fullPage: false });
  });
});
