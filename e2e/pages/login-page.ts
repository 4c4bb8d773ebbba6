import { expect, type Page } from '@playwright/test';
import { testIds } from '@c2/ui/test-ids';
import type { Role } from '@c2/api-client/schemas/role';
import { accountOf, MFA_ROLES, totpNow } from '../fixtures/accounts';

export class LoginPage {
  constructor(private readonly page: Page) {}

  get username() {
    return this.page.getByTestId(testIds.login.username);
  }
  get password() {
    return this.page.getByTestId(testIds.login.password);
  }
  get error() {
    return this.page.getByTestId(testIds.login.error);
  }

  /** `next`: where to land after signing in (skips the role's home page, e.g. the map). */
  async open(next?: string): Promise<void> {
    await this.page.goto(next ? `/login?next=${encodeURIComponent(next)}` : '/login');
    await expect(this.page.getByTestId(testIds.login.form)).toBeVisible();
  }

  async submit(username: string, password: string): Promise<void> {
    await this.username.fill(username);
    await this.password.fill(password);
    await this.page.getByTestId(testIds.login.submit).click();
  }

  /** Signs in as the role's seeded account, answering the TOTP step for roles that require MFA. */
  async signInAs(role: Role): Promise<void> {
    await this.submit(accountOf(role).username, accountOf(role).password);
    if (MFA_ROLES.includes(role)) await this.submitCode(totpNow());
  }

  get code() {
    return this.page.getByTestId(testIds.login.code);
  }

  /** The second step: a code from the authenticator app (or a recovery code). */
  async submitCode(code: string): Promise<void> {
    await expect(this.page.getByTestId(testIds.login.codeStep)).toBeVisible();
    await this.code.fill(code);
    await this.page.getByTestId(testIds.login.codeSubmit).click();
  }

  async expectLoggedIn(): Promise<void> {
    await expect(this.page.getByTestId(testIds.shell.header)).toBeVisible();
  }
}
