import { expect, type Page } from '@playwright/test';
import { testIds } from '@c2/ui/test-ids';

/** The devices page: the virtualized table, its filters, a device's page and the SLA report. */
export class DevicesPage {
  constructor(private readonly page: Page) {}

  get table() {
    return this.page.getByTestId(testIds.devices.table);
  }
  get rows() {
    return this.page.getByTestId(testIds.devices.row);
  }
  row(deviceId: string) {
    return this.page.locator(`[data-testid="${testIds.devices.row}"][data-device-id="${deviceId}"]`);
  }
  get search() {
    return this.page.getByTestId(testIds.devices.search);
  }
  get shown() {
    return this.page.getByTestId(testIds.devices.shown);
  }
  kindFilter(kind: string) {
    return this.page.getByTestId(testIds.devices.kindFilter(kind));
  }
  sort(column: string) {
    return this.page.getByTestId(testIds.devices.sort(column));
  }
  get detail() {
    return this.page.getByTestId(testIds.devices.detail);
  }
  get detailState() {
    return this.page.getByTestId(testIds.devices.detailState);
  }
  get openFaults() {
    return this.page.getByTestId(testIds.devices.openFaults);
  }
  get faults() {
    return this.page.getByTestId(testIds.devices.fault);
  }
  get healing() {
    return this.page.getByTestId(testIds.devices.healing);
  }
  get quality() {
    return this.page.getByTestId(testIds.devices.quality);
  }
  get probe() {
    return this.page.getByTestId(testIds.devices.probe);
  }
  get probeResult() {
    return this.page.getByTestId(testIds.devices.probeResult);
  }
  get snapshot() {
    return this.page.getByTestId(testIds.devices.snapshot);
  }
  get snapshotImage() {
    return this.page.getByTestId(testIds.devices.snapshotImage);
  }
  get history() {
    return this.page.getByTestId(testIds.devices.history);
  }
  tab(name: 'table' | 'sla') {
    return this.page.getByTestId(testIds.devices.tab(name));
  }
  get slaRows() {
    return this.page.getByTestId(testIds.devices.slaRow);
  }
  get slaExport() {
    return this.page.getByTestId(testIds.devices.slaExport);
  }

  async open(path = '/devices'): Promise<void> {
    await this.page.goto(path);
    await this.expectReady();
  }

  async expectReady(): Promise<void> {
    await expect(this.page.getByTestId(testIds.devices.page)).toBeVisible();
    await expect(this.rows.first()).toBeVisible({ timeout: 15_000 });
  }
}
