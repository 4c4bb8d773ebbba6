import type { Db } from '../../../platform/db';
import type { Logger } from '../../../platform/logger';
import { closeCameraDays } from '../data/availability-store';
import { addDays, localToday } from './kpi-math';

/**
 * Closes each ended day's camera availability into its rollup (dash_camera_daily), every ten minutes and at
 * start: a backlog (first start on a long history, an instance down over midnight) is caught up a month at a time.
 */
export function createAvailabilityJob(deps: { db: Db; logger: Logger; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());
  let timer: NodeJS.Timeout | null = null;
  let inflight: Promise<void> | null = null;

  /** Closes every ended day not closed yet; returns how many. */
  async function catchUp(): Promise<number> {
    const yesterday = addDays(localToday(now()), -1);
    let total = 0;
    for (;;) {
      const n = await closeCameraDays(deps.db, yesterday);
      if (n === 0) return total;
      total += n;
    }
  }

  const run = () => {
    inflight ??= catchUp()
      .then((n) => {
        if (n > 0) deps.logger.info({ days: n }, 'camera availability closed');
      })
      .catch((err: unknown) => deps.logger.warn({ err }, 'camera availability rollup failed'))
      .finally(() => {
        inflight = null;
      });
  };

  return {
    catchUp,
    start(): void {
      if (timer) return;
      timer = setInterval(run, 10 * 60_000);
      timer.unref();
      run();
    },
    /** Stops the timer and waits for a run in progress (the database closes next). */
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = null;
      await inflight;
    },
  };
}
