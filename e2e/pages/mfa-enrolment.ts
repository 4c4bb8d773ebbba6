import { expect, type Page } from '@playwright/test';
import { testIds } from '@c2/ui/test-ids';

/** The forced TOTP enrolment at first sign-in, and the recovery codes it hands out. */
export class MfaEnrolmentPage {
  constructor(private readonly page: Page) {}

  get qr() {
    return this.page.getByTestId(testIds.mfa.qr);
  }
  get recoveryCodes() {
    return this.page.getByTestId(testIds.mfa.recoveryCode);
  }

  /** The key as the page shows it for manual entry (what a phone would read from the QR code). */
  async secret(): Promise<string> {
    const secret = this.page.getByTestId(testIds.mfa.secret);
    await expect(secret).toBeVisible();
    return (await secret.getAttribute('data-secret')) ?? '';
  }

  async confirm(code: string): Promise<void> {
    await this.page.getByTestId(testIds.mfa.code).fill(code);
    await this.page.getByTestId(testIds.mfa.confirm).click();
    await expect(this.page.getByTestId(testIds.mfa.recoveryCodes)).toBeVisible();
  }

  async savedRecoveryCodes(): Promise<void> {
    await this.page.getByTestId(testIds.mfa.recoverySaved).click();
  }
}
