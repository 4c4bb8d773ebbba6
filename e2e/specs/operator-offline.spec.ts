import { testIds } from '@c2/ui/test-ids';
import { randomUUID } from 'node:crypto';
import { test, expect } from '../fixtures/test';
import { AppShell } from '../pages/app-shell';
import { EventsPage } from '../pages/events-page';

const run = randomUUID().slice(0, 8);
const OFFLINE_MS = 30_000;

function event(cameraId: string, n: number) {
  return {
    id: `offline-${run}-${n}`,
    cameraId,
    type: 'accident',
    severity: 'critical',
    ts: new Date().toISOString(),
    objects: [{ label: 'car', confidence: 0.9 }],
  };
}

/** Lets time pass as the scenario requires (the network is down for this long); not a wait for the page. */
const elapse = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

test.describe('shift operator: the console loses its network', () => {
  test('a console cut off for 30 s says it is offline, then resumes by itself without a reload and misses nothing', async ({
    page,
    context,
    loginAs,
    edge,
    errors,
  }) => {
    test.setTimeout(90_000);
    // While cut off, the browser's requests fail and its socket cannot connect: that is the scenario.
    errors.expect(/ERR_INTERNET_DISCONNECTED|\/socket\.io\/|WebSocket connection to/);

    await loginAs('operator');
    const feed = new EventsPage(page);
    const shell = new AppShell(page);
    const camera = await feed.publicCameraId();
    // Narrowed to one camera: the simulated province's own events would push ours out of the virtualized list.
    await feed.open(`?camera=${camera}`);
    await shell.expectLive();
    const first = event(camera, 0);
    await edge.publish([first]);
    await expect(feed.row(first.id)).toBeVisible();
    // A marker on this very document: a reload would lose it.
    await page.evaluate(() => {
      document.documentElement.dataset.sameDocument = 'yes';
    });

    await context.setOffline(true);
    await expect(shell.connection).toHaveAttribute('data-state', 'offline');
    // The feed itself says so too: it no longer claims to be live.
    await expect(page.getByTestId(testIds.events.offline)).toBeVisible();
    await page.screenshot({ path: 'test-results/operator-offline.png' });

    // The edge keeps reporting while the console is away (the edge's own connection is not cut).
    const during = [];
    for (let i = 1; i <= 3; i++) {
      const e = event(camera, i);
      await edge.publish([e]);
      during.push(e);
      await elapse(OFFLINE_MS / 3);
      // Really cut off: what happened meanwhile has not reached it.
      await expect(feed.row(e.id)).toHaveCount(0);
      await expect(shell.connection).toHaveAttribute('data-state', 'offline');
    }

    await context.setOffline(false);
    await shell.expectLive();
    await expect(page.getByTestId(testIds.events.offline)).toHaveCount(0);
    for (const e of during) await expect(feed.row(e.id)).toBeVisible();
    await expect(feed.row(first.id)).toBeVisible();
    await page.screenshot({ path: 'test-results/operator-offline-resumed.png' });
    expect(await page.evaluate(() => document.documentElement.dataset.sameDocument)).toBe('yes');
    // Each event once: the replay after the reconnect overlaps what was already shown, and is absorbed.
    for (const e of [first, ...during]) await expect(feed.row(e.id)).toHaveCount(1);
  });
});
