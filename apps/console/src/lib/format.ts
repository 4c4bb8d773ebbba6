import { ApiError } from '@c2/api-client/http/api-error';

/** A duration as a clock reads: 4:05, 1:02:03; negative durations keep their sign. */
export function formatDuration(seconds: number): string {
  const sign = seconds < 0 ? '-' : '';
  let s = Math.floor(Math.abs(seconds));
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${sign}${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/** Metres under a kilometre, kilometres with one decimal above (in the user's language). */
export function formatDistance(meters: number, language: string): string {
  if (meters < 1000) return `${Math.round(meters)} m`;
  return `${(meters / 1000).toLocaleString(language, { maximumFractionDigits: 1 })} km`;
}

/** The translation key for why the BFF refused a dispatch action (409 reason codes), or a generic one. */
export function refusalKey(error: unknown): string {
  const reason = error instanceof ApiError ? error.fields.reason : undefined;
  return reason && /^[a-z_]+$/.test(reason) ? `cad.reason.${reason}` : 'cad.reason.unknown';
}
