import { randomUUID } from 'node:crypto';
import { test, expect } from '../fixtures/test';
import { EventsPage } from '../pages/events-page';
import { VideoWallPage } from '../pages/video-wall-page';
import { testIds } from '@c2/ui/test-ids';

const run = randomUUID().slice(0, 8);

function event(cameraId: string, overrides: Record<string, unknown> = {}) {
  return {
    id: `e2e-${run}-${randomUUID().slice(0, 8)}`,
    cameraId,
    type: 'wrong_way',
    severity: 'critical',
    ts: new Date().toISOString(),
    objects: [{ label: 'car', confidence: 0.93 }],
    plate: '99A-123.45',
    ...overrides,
  };
}

test.describe('shift operator: live event feed', () => {
  test('sees an edge event appear live, filters by severity, pauses and resumes, and spots a late event', async ({
    page,
    loginAs,
    edge,
  }) => {
    await loginAs('operator');
    const feed = new EventsPage(page);
    await feed.open();
    const camera = await feed.publicCameraId();

    // An edge box reports a wrong-way driver: it appears at the top without a reload.
    const wrongWay = event(camera);
    await edge.publish([wrongWay]);
    await expect(feed.row(wrongWay.id)).toBeVisible();
    await expect(feed.row(wrongWay.id)).toHaveAttribute('data-severity', 'critical');
    await page.screenshot({ path: 'test-results/operator-events.png' });

    // Only critical events: every row shown is critical, the filter is in the URL.
    await feed.severityChip('critical').click();
    await expect(page).toHaveURL(/severity=critical/);
    await expect(feed.row(wrongWay.id)).toBeVisible();
    const severities = await feed.rows.evaluateAll((rows) =>
      rows.map((r) => r.getAttribute('data-severity')),
    );
    expect(severities.length).toBeGreaterThan(0);
    expect(new Set(severities)).toEqual(new Set(['critical']));

    // Paused: a new event is held back and counted; resuming shows it.
    await feed.pauseButton.click();
    const held = event(camera, { type: 'accident' });
    await edge.publish([held]);
    await expect(feed.arrived).toHaveAttribute('data-count', /^[1-9]\d*$/);
    await expect(feed.row(held.id)).toHaveCount(0);
    await feed.resumeButton.click();
    await expect(feed.row(held.id)).toBeVisible();

    // A backlog event from an edge box that was offline: accepted, placed by when it happened, marked late.
    const late = event(camera, { ts: new Date(Date.now() - 20 * 60_000).toISOString(), type: 'fire_smoke' });
    await edge.publish([late]);
    // Narrowed to the camera (a busy province pushes a 20-minute-old event past the first page).
    await feed.open(`?camera=${camera}`);
    await expect(feed.row(late.id)).toBeVisible();
    await expect(feed.row(late.id).getByTestId(testIds.events.delayed)).toBeVisible();

    // From the feed to the wall: the camera is handed over by URL and lands on the first tile.
    await feed.row(wrongWay.id).getByTestId(testIds.events.openOnWall).click();
    await new VideoWallPage(page).expectCameras([camera]);
  });

  test('an administrator reads why a malformed message was refused', async ({ page, loginAs, edge }) => {
    const results = await edge.publish([{ id: `bad-${run}`, cameraId: 'cam-0001', type: 'meteor-strike' }]);
    expect(results[0]?.outcome).toBe('rejected');
    await loginAs('admin');
    await page.goto('/admin/dead-letters');
    const row = page.getByTestId(testIds.deadLetters.row).filter({ hasText: 'http:e2e-edge' }).first();
    await expect(row).toBeVisible();
    await expect(row.getByTestId(testIds.deadLetters.reason)).toContainText('type');
    await row.getByRole('button').click();
    await expect(page.getByTestId(testIds.deadLetters.payload)).toContainText('meteor-strike');
  });
});
