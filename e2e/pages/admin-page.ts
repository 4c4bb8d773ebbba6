import { expect, type Page } from '@playwright/test';
import { testIds } from '@c2/ui/test-ids';

export class AdminPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/admin');
    await expect(this.page.getByTestId(testIds.admin.page)).toBeVisible();
  }

  userRow(username: string) {
    return this.page.locator(`[data-testid="${testIds.admin.userRow}"][data-username="${username}"]`);
  }

  async createUser(u: {
    username: string;
    displayName: string;
    role: string;
    password: string;
  }): Promise<void> {
    await this.page.getByTestId(testIds.admin.newUser).click();
    const form = this.page.getByTestId(testIds.admin.userForm);
    await form.getByTestId(testIds.admin.field('username')).fill(u.username);
    await form.getByTestId(testIds.admin.field('displayName')).fill(u.displayName);
    await form.getByTestId(testIds.admin.field('role')).selectOption(u.role);
    await form.getByTestId(testIds.admin.field('password')).fill(u.password);
    await form.getByTestId(testIds.admin.save).click();
    await expect(form).toBeHidden();
  }
}
