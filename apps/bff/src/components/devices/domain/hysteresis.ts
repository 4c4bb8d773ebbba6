/** Where one fault kind of one device stands: consecutive bad and good checks, and whether an episode is open. */
export interface KindState {
  bad: number;
  good: number;
  open: boolean;
  /** Episodes opened so far; the open one's number makes its event id (a repeat yields the same id). */
  episode: number;
}

export const FRESH: KindState = { bad: 0, good: 0, open: false, episode: 0 };

export type Transition = 'opened' | 'cleared' | null;

/**
 * One check of one fault kind through the hysteresis: an episode opens after `raiseAfter` bad checks in a row and
 * clears after `clearAfter` good checks in a row, so a flapping camera raises one fault, not one per flap.
 */
export function step(
  s: KindState,
  bad: boolean,
  raiseAfter: number,
  clearAfter: number,
): { next: KindState; transition: Transition } {
  if (bad) {
    const next = { ...s, bad: s.bad + 1, good: 0 };
    if (!s.open && next.bad >= raiseAfter)
      return { next: { ...next, open: true, episode: s.episode + 1 }, transition: 'opened' };
    return { next, transition: null };
  }
  const next = { ...s, good: s.good + 1, bad: 0 };
  if (s.open && next.good >= clearAfter) return { next: { ...next, open: false }, transition: 'cleared' };
  return { next, transition: null };
}

/** Whether the kind is between states (a suspicion not yet confirmed, or a recovery not yet confirmed). */
export const unsettled = (s: KindState): boolean => (!s.open && s.bad > 0) || (s.open && s.good > 0);
