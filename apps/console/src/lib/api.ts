import { createApiClient } from '@c2/api-client/http/client';
import { CSRF_COOKIE } from '@c2/api-client/realtime/events';

function readCookie(name: string): string | null {
  const hit = document.cookie.split('; ').find((c) => c.startsWith(`${name}=`));
  return hit ? decodeURIComponent(hit.slice(name.length + 1)) : null;
}

/**
 * Whether this browser may hold a session. The CSRF cookie is readable and expires with the httpOnly session
 * cookie, so without it there is no session to ask about (and no 401 to log in the console on a first visit).
 */
export function mayHaveSession(): boolean {
  return readCookie(CSRF_COOKIE) !== null;
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
