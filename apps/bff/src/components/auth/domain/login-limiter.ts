/**
 * Counts failed logins per (username, address) and per address, in memory. After `maxFailures` inside the lock
 * window, login is refused until the window passes. A success clears the key's failures.
 */
export function createLoginLimiter(options: {
  maxFailures: number;
  lockSeconds: number;
  now?: () => number;
}) {
  const now = options.now ?? Date.now;
  const failures = new Map<string, number[]>();
  const windowMs = options.lockSeconds * 1000;
  // An address may try a few accounts (a shared control-room PC), but not spray many.
  const perAddressMax = options.maxFailures * 4;

  function recent(key: string): number[] {
    const cutoff = now() - windowMs;
    const list = (failures.get(key) ?? []).filter((t) => t > cutoff);
    if (list.length === 0) failures.delete(key);
    else failures.set(key, list);
    return list;
  }

  return {
    /** Seconds until login may be tried again, or 0 when allowed now. */
    retryAfter(username: string, address: string): number {
      const checks: [string, number][] = [
        [`u:${username.toLowerCase()}|${address}`, options.maxFailures],
        [`a:${address}`, perAddressMax],
      ];
      let wait = 0;
      for (const [key, max] of checks) {
        const list = recent(key);
        if (list.length >= max)
          wait = Math.max(wait, Math.ceil((list[list.length - max]! + windowMs - now()) / 1000));
      }
      return wait;
    },
    fail(username: string, address: string): void {
      for (const key of [`u:${username.toLowerCase()}|${address}`, `a:${address}`]) {
        failures.set(key, [...recent(key), now()]);
      }
    },
    succeed(username: string, address: string): void {
      failures.delete(`u:${username.toLowerCase()}|${address}`);
    },
  };
}
