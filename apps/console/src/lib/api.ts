import { createApiClient } from '@c2/api-client/http/client';
import { CSRF_COOKIE } from '@c2/api-client/realtime/events';

function readCookie(name: string): string | null {
  const hit = document.cookie.split('; ').find((c) => c.startsWith(`${name}=`));
  return hit ? decodeURIComponent(hit.slice(name.length + 1)) : null;
}

const unauthorizedListeners = new Set<() => void>();

/** Called once per 401 anywhere: the session provider sends the user to the login page. */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

/** The one HTTP client of the console: same origin, CSRF token echoed from its cookie, 401 handled in one place. */
export const api = createApiClient({
  csrfToken: () => readCookie(CSRF_COOKIE),
  onUnauthorized: () => unauthorizedListeners.forEach((l) => l()),
});
