import { expect, type Page } from '@playwright/test';
import { testIds } from '@c2/ui/test-ids';

/** The header every page shares: live-connection badge, navigation, language, user, logout. */
export class AppShell {
  constructor(private readonly page: Page) {}

  get connection() {
    return this.page.getByTestId(testIds.shell.connection);
  }
  get userName() {
    return this.page.getByTestId(testIds.shell.userName);
  }
  get userRole() {
    return this.page.getByTestId(testIds.shell.userRole);
  }
  get navigation() {
    return this.page.getByTestId(testIds.shell.navigation);
  }

  nav(name: string) {
    return this.page.getByTestId(testIds.shell.nav(name));
  }

  async expectLive(): Promise<void> {
    await expect(this.connection).toHaveAttribute('data-state', 'live');
  }

  async switchLanguage(lng: 'vi' | 'en'): Promise<void> {
    await this.page.getByTestId(testIds.shell.language(lng)).click();
  }

  async logout(): Promise<void> {
    await this.page.getByTestId(testIds.shell.logout).click();
  }
}
