import { testIds } from '@c2/ui/test-ids';
import { test, expect } from '../fixtures/test';
import { DashboardsPage } from '../pages/dashboards-page';
import { ViolationsPage } from '../pages/violations-page';

test.describe('leader dashboards', () => {
  test('a leader lands on the strategic KPIs, clicks one road’s violations bar, gets exactly that road’s records and opens one to its evidence', async ({
    page,
    loginAs,
    drills,
  }) => {
    // Two violations in the simulated province: the last camera of each journey is where it was caught.
    const first = await drills.journey({ violation: 'speeding', sightings: 2 });
    await drills.journey({ violation: 'red_light', sightings: 2 });
    const violationId = first.violationIds[0]!;
    const cameraId = first.cameraIds.at(-1)!;

    await loginAs('leader');
    await expect(page).toHaveURL(/\/dashboards\?tab=strategic/);
    const dashboards = new DashboardsPage(page);
    for (const key of ['coverage_ward', 'coverage_commune', 'camera_availability', 'reviewed_in_sla']) {
      await expect(dashboards.kpi(key)).toHaveAttribute('data-status', /^(good|bad|unknown)$/);
    }
    // Coverage is measured against the 50 % target for central wards, and the tile says whether it is met.
    const ward = dashboards.kpi('coverage_ward');
    const value = Number(await ward.getAttribute('data-value'));
    await expect(ward).toHaveAttribute('data-status', value >= 50 ? 'good' : 'bad');
    await page.screenshot({ path: 'test-results/dashboards-strategic.png', fullPage: true });

    const camera = await page.request.get(`/api/cameras/${cameraId}`);
    expect(camera.status()).toBe(200);
    const roadId = ((await camera.json()) as { roadId: string | null }).roadId;
    expect(roadId).not.toBeNull();
    const bar = dashboards.bar('road', roadId!);
    await expect(bar).toBeVisible();
    const count = Number(await bar.getAttribute('data-count'));
    expect(count).toBeGreaterThanOrEqual(1);
    await bar.click();

    // The records behind the bar: the violations list for that road over the same period, every status.
    await expect(page).toHaveURL(new RegExp(`/violations\\?.*road=${roadId}`));
    const url = new URL(page.url());
    expect(url.searchParams.get('status')).toBe('all');
    expect(url.searchParams.get('from')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const queue = new ViolationsPage(page);
    await expect(queue.item(violationId)).toBeVisible();
    await expect(page.getByTestId(testIds.violations.item)).toHaveCount(count);
    await queue.select(violationId);
    await expect(queue.image('plate')).toBeVisible();
    await page.screenshot({ path: 'test-results/dashboards-drilldown-evidence.png' });
  });

  test('each dashboard level renders for the leader, with the filters kept in a shareable URL', async ({
    page,
    loginAs,
  }) => {
    await loginAs('leader');
    const dashboards = new DashboardsPage(page);
    await dashboards.open('operational');
    await expect(dashboards.stat('cameras')).toHaveText(/%$/);
    await page.screenshot({ path: 'test-results/dashboards-operational.png', fullPage: true });
    await page.getByTestId(testIds.dashboards.bigScreen).click();
    await expect(page).toHaveURL(/big=1/);
    await page.screenshot({ path: 'test-results/dashboards-operational-big.png', fullPage: true });

    await dashboards.open('analytical', 'compare=previous&granularity=day');
    await expect(dashboards.chart('trend')).toBeVisible();
    await expect(dashboards.chart('heat')).toBeVisible();
    await page.screenshot({ path: 'test-results/dashboards-analytical.png', fullPage: true });

    await dashboards.open('investigative');
    await expect(page.getByTestId(testIds.dashboards.table('inv-road'))).toBeVisible();
    await page.screenshot({ path: 'test-results/dashboards-investigative.png', fullPage: true });
  });
});
