import { useEffect, useState } from 'react';

/**
 * The current time, re-read every `everyMs`: for running timers (time since a report, check-in countdowns). One
 * interval per component that shows timers, not one per timer.
 */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}
