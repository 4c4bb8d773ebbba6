import { expect, type Page } from '@playwright/test';
import { testIds } from '@c2/ui/test-ids';

/** Alert settings: rules, procedures, policies, roster, outbox. */
export class AlertAdminPage {
  constructor(private readonly page: Page) {}

  async open(tab: 'rules' | 'sops' | 'policies' | 'roster' | 'outbox'): Promise<void> {
    await this.page.goto(`/admin/alerts?tab=${tab}`);
    await expect(this.page.getByTestId(testIds.alertAdmin.page)).toBeVisible();
  }
  tab(name: string) {
    return this.page.getByTestId(testIds.alertAdmin.tab(name));
  }
  item(id: string) {
    return this.page.getByTestId(testIds.alertAdmin.item(id));
  }
  field(name: string) {
    return this.page.getByTestId(testIds.alertAdmin.field(name));
  }
  get create() {
    return this.page.getByTestId(testIds.alertAdmin.create);
  }
  get save() {
    return this.page.getByTestId(testIds.alertAdmin.save);
  }
  get error() {
    return this.page.getByTestId(testIds.alertAdmin.error);
  }
  outboxRows(alertId: string) {
    return this.page.locator(`[data-testid="${testIds.alertAdmin.outboxRow}"][data-alert-id="${alertId}"]`);
  }
}
