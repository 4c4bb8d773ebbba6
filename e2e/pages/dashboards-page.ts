import { expect, type Page } from '@playwright/test';
import { testIds } from '@c2/ui/test-ids';

/** The dashboards: tabs per level, KPI tiles, charts whose bars drill down to the records. */
export class DashboardsPage {
  constructor(private readonly page: Page) {}

  get root() {
    return this.page.getByTestId(testIds.dashboards.page);
  }
  tab(name: string) {
    return this.page.getByTestId(testIds.dashboards.tab(name));
  }
  kpi(key: string) {
    return this.page.getByTestId(testIds.dashboards.kpi(key));
  }
  chart(name: string) {
    return this.page.getByTestId(testIds.dashboards.chart(name));
  }
  bar(chart: string, key: string) {
    return this.page.getByTestId(testIds.dashboards.bar(chart, key));
  }
  stat(name: string) {
    return this.page.getByTestId(testIds.dashboards.stat(name));
  }

  async open(tab: string, query = ''): Promise<void> {
    await this.page.goto(`/dashboards?tab=${tab}${query ? `&${query}` : ''}`);
    await expect(this.root).toHaveAttribute('data-tab', tab);
  }
}
