import { useMemo, useState } from 'react';
import type { AnalyticsEvent } from '@c2/api-client/schemas/event';

export type PauseState = 'live' | 'paused' | 'scrolled';

interface Freeze {
  ids: ReadonlySet<string>;
  /** Events older than everything that was shown still appear (the operator pages back while paused). */
  oldestTs: string | null;
}

/**
 * A live list the operator can hold still: while paused (by the button, or by scrolling away from the newest
 * event) newly arrived events are held back and counted; resuming shows them. Older pages still load.
 */
export function usePausable(live: readonly AnalyticsEvent[]) {
  const [state, setState] = useState<PauseState>('live');
  const [freeze, setFreeze] = useState<Freeze | null>(null);

  const shown = useMemo(() => {
    if (state === 'live' || !freeze) return live;
    return live.filter((e) => freeze.ids.has(e.id) || (freeze.oldestTs !== null && e.ts < freeze.oldestTs));
  }, [state, freeze, live]);

  return {
    state,
    shown,
    arrived: live.length - shown.length,
    pause(how: Exclude<PauseState, 'live'> = 'paused') {
      if (state !== 'live') return;
      setFreeze({ ids: new Set(live.map((e) => e.id)), oldestTs: live[live.length - 1]?.ts ?? null });
      setState(how);
    },
    resume() {
      setFreeze(null);
      setState('live');
    },
  };
}
