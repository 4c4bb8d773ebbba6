import { test, expect } from '../fixtures/test';
import { LoginPage } from '../pages/login-page';
import { AppShell } from '../pages/app-shell';

test.describe('sign-in', () => {
  test('a wrong password is refused with a message, and the console stays closed', async ({
    page,
    errors,
  }) => {
    errors.expect(/\/api\/auth\/(login|me)|401|Unauthorized/);
    const login = new LoginPage(page);
    await login.open();
    await login.submit('operator', 'not-the-password');
    await expect(login.error).toBeVisible();
    await page.goto('/map');
    await expect(page).toHaveURL(/\/login/);
  });

  test('logging out ends the session: the console returns to the login page and stays there', async ({
    page,
    loginAs,
    errors,
  }) => {
    errors.expect(/\/api\/auth\/me|401|Unauthorized/);
    await loginAs('dispatcher');
    await new AppShell(page).logout();
    await expect(page).toHaveURL(/\/login/);
    await page.goto('/overview');
    await expect(page).toHaveURL(/\/login/);
  });
});
